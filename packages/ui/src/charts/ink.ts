// Text on a series colour (a funnel's stages): which ink reads. Bundled with the builders that use it, not with the
// shared @liaison/ui (themes.ts is in every first view).

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

/** Text colours for labels drawn on a series colour. */
export const inks = { light: '#ffffff', dark: '#1f2933' } as const

/** The ink that reads better on a fill: white on the deep colours, near-black on the pale ones (the dark theme's
 * palette, and the orange and green of the light one, where white text fell to 2.3–3.4:1). */
export const inkOn = (fill: string): keyof typeof inks =>
  contrastRatio(fill, inks.light) >= contrastRatio(fill, inks.dark) ? 'light' : 'dark'
