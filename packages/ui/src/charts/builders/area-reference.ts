// The reference line of a chart of areas: the figure of the region whose areas they are (县均 of a county's
// townships, 市均 of a city's counties), so that a township head sees each township against the county.
import { averageLabel, wholeLabel } from '@liaison/contracts/areas'
import { formatValue, type Locale, type Unit } from '../../format/index.ts'
import type { ChartTheme } from '../themes.ts'
import type { ReferenceLine } from './combo.ts'
import type { Row } from './common.ts'

export function areaReference(
  areasOf: { code: string; name: string },
  total: Row | undefined,
  key: string,
  unit: Unit,
  locale: Locale,
  /** `whole` for a figure of the region's own that is no average of its areas' (a median): 全县, not 县均. */
  kind: 'average' | 'whole' = 'average',
): ReferenceLine[] {
  const value = total?.[key]
  if (typeof value !== 'number') return []
  const label = (kind === 'whole' ? wholeLabel : averageLabel)(areasOf.code, areasOf.name)
  // With its value, as an upright chart's line label shows only its name (a sideways chart's adds it itself).
  return [{ name: `${locale === 'en' ? label.en : label.zh} ${formatValue(value, unit, locale)}`, value }]
}

/** The panels' background per chart theme (--lz-surface in apps/shell/src/styles/tokens.css). */
const surface: Record<ChartTheme, string> = {
  light: '#ffffff',
  dark: '#17212b',
  'big-screen': '#0d1b2a',
  'big-screen-compact': '#0d1b2a',
}

/**
 * Reference lines whose labels stand on the panel's background: an upright chart's label sits at the plot's right
 * end, where an area chart's last bars rise through it (全县 9 天 over 马路乡's bars).
 */
export function legibleReferences(lines: ReferenceLine[], theme: ChartTheme): ReferenceLine[] {
  return lines.map((line) => ({
    ...line,
    label: { ...line.label, backgroundColor: surface[theme], padding: [1, 4], borderRadius: 2 },
  }))
}
