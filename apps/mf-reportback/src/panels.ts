// The report-back module's charts as pure functions of its data: one spec per panel.
import type { ModuleData } from '@liaison/contracts'
import {
  buildComboOption,
  type ChartTheme,
  enumLabel,
  formatRate,
  type Locale,
  listedSelf,
  type MetricRow,
  type PanelSpec,
  type ReferenceLine,
} from '@liaison/ui'
import { areaReference, legibleReferences } from '@liaison/ui/builders'
import { deputyLevels } from '@liaison/ui/enums'

export function reportbackPanels(
  data: ModuleData<'reportback'>,
  theme: ChartTheme,
  locale: Locale,
  t: (k: string) => string,
) {
  const base = { locale }
  const b = data.breakdowns
  const current = listedSelf(data.meta)
  const towns = b.areas
    .map(
      (r): MetricRow => ({
        ...r,
        name: String(r.area_name),
        // Shown as a count of people: required minus reported, both as the API reports them.
        pending: Math.max(0, Number(r.reportback_required ?? 0) - Number(r.reportback_done ?? 0)),
      }),
    )
    .sort((a, b) => Number(b.reportback_rate ?? -1) - Number(a.reportback_rate ?? -1))
  const target = data.kpis.find((k) => k.id === 'reportback_rate')?.target
  const rank = (level: unknown) => deputyLevels.findIndex((l) => l.value === level)
  const levels = [...b.levels]
    .sort((a, b) => rank(a.level) - rank(b.level))
    .map((r): MetricRow => ({ ...r, name: enumLabel(deputyLevels, r.level, locale) }))
  const panels: PanelSpec[] = [
    {
      id: 'reportback-progress',
      title: t('progress'),
      empty: b.years.every((r) => r.reportback_rate == null),
      option: buildComboOption(b.years, theme, {
        ...base,
        category: 'year',
        series: [
          { key: 'reportback_rate', name: t('series.rate'), type: 'bar', unit: 'rate' },
          { key: 'reportback_target_rate', name: t('series.target'), type: 'line', unit: 'rate' },
        ],
      }),
    },
    {
      id: 'reportback-levels',
      table: { ids: ['reportback_rate'], by: 'level' },
      title: t('byLevel'),
      empty: levels.length === 0,
      option: buildComboOption(levels, theme, {
        ...base,
        category: 'name',
        categoryLabel: t('levelColumn'),
        series: [
          { key: 'reportback_done', name: t('series.done'), type: 'bar', unit: 'people' },
          { key: 'reportback_required', name: t('series.required'), type: 'bar', unit: 'people' },
          { key: 'reportback_rate', name: t('series.rate'), type: 'line', unit: 'rate', axis: 1 },
        ],
      }),
    },
    {
      id: 'reportback-townships',
      areas: true,
      table: { ids: ['reportback_done', 'reportback_required', 'reportback_rate'], by: 'area' },
      title: t('byTownship'),
      empty: towns.length === 0,
      wide: true,
      option: buildComboOption(towns, theme, {
        ...base,
        category: 'name',
        current,
        series: [{ key: 'reportback_rate', name: t('series.rate'), type: 'bar', unit: 'rate' }],
        references: legibleReferences(
          belowTheHigher([
            ...areaReference(data.meta.areasOf, b.areasTotal[0], 'reportback_rate', 'rate', locale),
            ...(typeof target === 'number'
              ? [{ name: `${t('series.target')} ${formatRate(target)}`, value: target }]
              : []),
          ]),
          theme,
        ),
      }),
    },
    {
      id: 'reportback-pending',
      areas: true,
      title: t('pending'),
      empty: towns.length === 0,
      wide: true,
      option: buildComboOption(
        [...towns].sort((a, b) => Number(b.pending) - Number(a.pending)),
        theme,
        {
          ...base,
          category: 'name',
          current,
          series: [{ key: 'pending', name: t('series.pending'), type: 'bar', unit: 'people' }],
        },
      ),
    },
  ]
  return panels
}

/** The average and the target are often close: both labels stood above the lines' end, one over the other. The
 * lower line's goes below it. */
export function belowTheHigher(lines: ReferenceLine[]): ReferenceLine[] {
  if (lines.length < 2) return lines
  const lowest = lines.reduce((low, line) => (line.value < low.value ? line : low))
  return lines.map((line) =>
    line === lowest ? { ...line, label: { ...line.label, position: 'insideEndBottom' } } : line,
  )
}
