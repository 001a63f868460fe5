// The setup every dashboard module shares: the filters, its one request, the panels' subtitle and states, and
// drill-down to an area. A module adds only its panels (pure option builders) and its messages.
import type { RegionRef } from '@liaison/contracts'
import { areaLabel, areasOfName, averageLabel, regionName } from '@liaison/contracts/areas'
import { periodLabel, useFiltersStore } from '@liaison/filters'
import { computed } from 'vue'
import { type ModuleDataOptions, useModuleData } from '../data/use-module-data.ts'

/** One chart panel of a module: what ChartPanel draws, built by a pure function of the module's data. */
export interface PanelSpec {
  id: string
  title: string
  option: Record<string, unknown> | null
  empty: boolean
  /** Spans both columns of the panel grid. */
  wide?: boolean
  /** The catalogue figures drawn, exported as XLSX/CSV by the server — only where the panel has no rows of its
   * own: a chart's data is exported from its option (every builder declares its columns). */
  table?: { ids: string[]; by?: string }
  /** Horizontal bars, one a row: the panel grows with them so that every row keeps its label (twenty opinion
   * categories in the usual height showed every other name). */
  rows?: number
  /** It lists the compared areas: its subtitle is `areasHead`'s. */
  areas?: boolean
  /** The period its subtitle names, where wider than the module's (a month's twelve months: trendSpan). */
  period?: string | undefined
}

/** The chart's height: the theme's (taller on the big screen), or enough for its rows. */
export const panelHeight = (panel: Pick<PanelSpec, 'rows'>) => {
  const usual = 'var(--lz-chart-height, 300px)'
  return panel.rows ? `max(${usual}, ${panel.rows * 18 + 100}px)` : usual
}

export interface ModulePageOptions<T> extends ModuleDataOptions<T> {
  /** The data source named in every panel's subtitle (in the UI language). */
  source: () => string
}

/**
 * The area a click names (a province, city, county or township one level below the region): a table row
 * (`{ area }`) or an ECharts event (`{ data: { area } }`); rows that name only a `township` drill there.
 */
export function areaOf(target: Record<string, unknown>): string | null {
  const data = (target.data ?? {}) as Record<string, unknown>
  for (const value of [target.area, data.area, target.township, data.township])
    if (typeof value === 'string' && value) return value
  return null
}

/** The region's own name where its comparison lists it among others (a township among its county's townships):
 * the category the area charts mark (ComboOptions.current). */
export function listedSelf(meta: { region: RegionRef; areasOf: RegionRef }): string | undefined {
  return meta.areasOf.code === meta.region.code ? undefined : meta.region.name
}

const plural: Record<string, string> = {
  Province: 'provinces',
  City: 'cities',
  County: 'counties',
  Township: 'townships',
}

export function useModulePage<
  T extends {
    meta: { region: RegionRef; areasOf: RegionRef; partialCoverage?: { zh: string; en: string } | null }
  },
>(name: string, options: ModulePageOptions<T>) {
  const filters = useFiltersStore()
  const { data, loading, error, reload } = useModuleData<T>(name, options)
  /** Bound to every panel: region · period · source in the subtitle, and the request's loading and error. */
  const head = computed(() => ({
    region: data.value
      ? regionName(data.value.meta.region.code, data.value.meta.region.name, filters.language)
      : '',
    period: periodLabel(filters.period, filters.language),
    source: options.source(),
    loading: loading.value,
    error: error.value,
  }))
  /** What the compared areas and their reference row are called (乡镇（街道）/县均 for a county or a township
   * compared within it, …). */
  const areaWords = computed(() => {
    const region = data.value?.meta.areasOf.code ?? filters.region
    const en = filters.language === 'en'
    const area = areaLabel(region)
    const average = averageLabel(region, data.value?.meta.areasOf.name ?? '')
    return {
      /** A column header: 乡镇（街道） / Township. */
      area: en ? area.en : area.zh,
      /** In a sentence: 乡镇（街道） / townships. */
      areas: en ? (plural[area.en] ?? area.en) : area.zh,
      /** After "by" in a title: 乡镇（街道） / township ("Satisfaction by township"). */
      byArea: en ? area.en.toLowerCase() : area.zh,
      average: en ? average.en : average.zh,
    }
  })
  /** The subtitle of a panel listing the compared areas: where a township is compared among its county's, it names
   * them (金沙县各乡镇（街道）), and its data files carry the county's code. */
  const areasHead = computed(() => {
    const meta = data.value?.meta
    if (!meta || meta.areasOf.code === meta.region.code) return head.value
    // Only a township is compared within another region, its county: a name, never the nation's word.
    const name = areasOfName(meta.areasOf.code, meta.areasOf.name)
    return {
      ...head.value,
      region: filters.language === 'en' ? name.en : name.zh,
      regionCode: meta.areasOf.code,
    }
  })
  /** A click on an area (bar, tile or row) narrows every module to it. */
  function drill(target: Record<string, unknown>) {
    const area = areaOf(target)
    if (area && area !== filters.region) filters.region = area
  }
  /** Above a county, whose figures these are while some counties have imported nothing (null otherwise). */
  const note = computed(() => {
    const coverage = data.value?.meta.partialCoverage
    return coverage ? (filters.language === 'en' ? coverage.en : coverage.zh) : null
  })
  return { filters, data, loading, error, reload, head, areasHead, drill, areaWords, note }
}
