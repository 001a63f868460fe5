// The reference line of a chart of areas: the figure of the region whose areas they are (县均 of a county's
// townships, 市均 of a city's counties), so that a township head sees each township against the county.
import { averageLabel, wholeLabel } from '@liaison/contracts/areas'
import { formatValue, type Locale, type Unit } from '../../format/index.ts'
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
