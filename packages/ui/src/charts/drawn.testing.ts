// For tests: what ECharts actually draws (server-side SVG) — a chart's band and a category's name, its texts — so a
// test checks the picture, not the option that should make it.
import * as echarts from 'echarts'

/** The vertical extent of every area filled with `colour`, and the y of each text drawn as `name`. */
export function drawnRows(option: Record<string, unknown>, colour: string, name: string, height = 600) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 360, height })
  try {
    chart.setOption({ ...option, animation: false })
    const svg = chart.renderToSVGString()
    const bands = [
      ...svg.matchAll(/<path d="M[\d.]+ ([\d.]+)l[\d.]+ 0l0 (-?[\d.]+)[^"]*"[^>]*fill="([^"]+)"/g),
    ]
      .filter((m) => m[3] === colour)
      .map((m) => {
        const [y, dy] = [Number(m[1]), Number(m[2])]
        return [Math.min(y, y + dy), Math.max(y, y + dy)] as const
      })
    const names = [
      ...svg.matchAll(/<text[^>]*transform="translate\([\d.]+ ([\d.]+)\)"[^>]*>([^<]*)<\/text>/g),
    ]
      .filter((m) => m[2] === name)
      .map((m) => Number(m[1]))
    return { bands, names }
  } finally {
    chart.dispose()
  }
}

/** Every line of text ECharts draws for the option on a chart `width` × `height` px, entities decoded, with the y
 * it is drawn at (NaN where ECharts places it otherwise than by a translation). */
export function drawnTextsAt(option: Record<string, unknown>, height = 300, width = 360) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ ...option, animation: false })
    return [...chart.renderToSVGString().matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => ({
      text: m[2]!.replaceAll('&#39;', "'").replaceAll('&amp;', '&').trim(),
      y: Number(/translate\([\d.-]+ ([\d.-]+)\)/.exec(m[1]!)?.[1] ?? Number.NaN),
    }))
  } finally {
    chart.dispose()
  }
}

/** Every line of text ECharts draws for the option on a chart `width` × `height` px, entities decoded. */
export const drawnTexts = (option: Record<string, unknown>, height = 300, width = 360) =>
  drawnTextsAt(option, height, width).map((t) => t.text)
