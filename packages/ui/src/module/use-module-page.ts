// The setup every dashboard module shares: the filters, its one request, the panels' subtitle and states, and
// drill-down to a township. A module adds only its panels (pure option builders) and its messages.
import type { RegionRef } from '@liaison/contracts'
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
  /** The catalogue figures drawn, offered as XLSX/CSV in the panel's export menu. */
  table?: { ids: string[]; by?: string }
}

export interface ModulePageOptions<T> extends ModuleDataOptions<T> {
  /** The data source named in every panel's subtitle (in the UI language). */
  source: () => string
}

/** The township a click names: a table row (`{ township }`) or an ECharts event (`{ data: { township } }`). */
export function townshipOf(target: Record<string, unknown>): string | null {
  if (typeof target.township === 'string') return target.township
  const data = target.data as { township?: unknown } | undefined
  return typeof data?.township === 'string' ? data.township : null
}

export function useModulePage<T extends { meta: { region: RegionRef } }>(
  name: string,
  options: ModulePageOptions<T>,
) {
  const filters = useFiltersStore()
  const { data, loading, error, reload } = useModuleData<T>(name, options)
  /** Bound to every panel: region · period · source in the subtitle, and the request's loading and error. */
  const head = computed(() => ({
    region: data.value?.meta.region.name ?? '',
    period: periodLabel(filters.period, filters.language),
    source: options.source(),
    loading: loading.value,
    error: error.value,
  }))
  /** A click on a township (bar, tile or row) narrows every module to it. */
  function drill(target: Record<string, unknown>) {
    const township = townshipOf(target)
    if (township) filters.region = township
  }
  return { filters, data, loading, error, reload, head, drill }
}
