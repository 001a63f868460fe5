// ECharts is the heaviest part of the front end (≈ 190 KB gzip for bars and lines alone): it loads on demand,
// in parallel with the rest of the first view (the shell starts it early), instead of blocking everything that
// imports @liaison/ui; the other chart types load when a panel or an export needs them.
import { ref, shallowRef } from 'vue'

export type Charts = typeof import('./register.ts')

/** The registered ECharts and its Vue component once loaded; null until then. */
export const loadedCharts = shallowRef<Charts | null>(null)
const extrasLoaded = ref(false)
let core: Promise<Charts> | null = null
let extras: Promise<unknown> | null = null

type Option = Record<string, unknown> | null | undefined
const extraSeries = new Set(['pie', 'funnel', 'radar', 'map'])

/** Whether an option draws more than bars and lines (or has titles or a colour legend): it needs extras.ts. */
export function needsExtras(option: Option): boolean {
  if (!option) return false
  const series = option.series
  const types = (Array.isArray(series) ? series : [series]).map(
    (s) => (s as { type?: string } | undefined)?.type,
  )
  return Boolean(
    option.title || option.radar || option.visualMap || types.some((t) => t && extraSeries.has(t)),
  )
}

/** Load (once) what an option needs; a failed load is tried again on the next call. */
export async function loadCharts(option?: Option, svg = false): Promise<Charts> {
  core ??= import('./register.ts').then(
    (charts) => (loadedCharts.value = charts),
    (error: unknown) => {
      core = null
      throw error
    },
  )
  const charts = await core
  if (needsExtras(option) || svg) {
    extras ??= import('./extras.ts').then(
      () => (extrasLoaded.value = true),
      (error: unknown) => {
        extras = null
        throw error
      },
    )
    await extras
  }
  return charts
}

/** True once everything the option needs is registered (reactive). */
export function chartsReadyFor(option: Option): boolean {
  return loadedCharts.value !== null && (extrasLoaded.value || !needsExtras(option))
}
