// ECharts is the heaviest part of the front end (≈ 190 KB gzip for bars and lines alone): it loads on demand,
// in parallel with the rest of the first view (the shell starts it early), instead of blocking everything that
// imports @liaison/ui. The rest is registered in parts, each loaded when a chart first needs it: reference lines
// (markers.ts), the tooltip (tooltip.ts) and the other chart types (extras.ts).
import { type Ref, ref, shallowRef } from 'vue'

export type Charts = typeof import('./register.ts')

/** The registered ECharts and its Vue component once loaded; null until then. */
export const loadedCharts = shallowRef<Charts | null>(null)
let core: Promise<Charts> | null = null

/** A part of the registration, loaded once; a failed load is tried again on the next call. */
interface Part {
  /** True once registered (reactive). */
  loaded: Ref<boolean>
  load: () => Promise<unknown>
}

function part(load: () => Promise<unknown>): Part {
  const loaded = ref(false)
  let pending: Promise<unknown> | null = null
  return {
    loaded,
    load: () =>
      (pending ??= load().then(
        () => (loaded.value = true),
        (error: unknown) => {
          pending = null
          throw error
        },
      )),
  }
}

// Each part registers on the core's ECharts, so it loads after it.
const tooltip = part(() => loadCharts().then(() => import('./tooltip.ts')))
const markers = part(() => loadCharts().then(() => import('./markers.ts')))
// The map's keyboard shows the tooltip of a township: extras come with it.
const extras = part(() => loadCharts().then(() => Promise.all([import('./extras.ts'), tooltip.load()])))

/** True once the tooltip is registered: charts drawn before then set their option again (ChartPanel). */
export const tooltipLoaded = tooltip.loaded
/** Load (once) the tooltip, which no chart needs to be drawn: a pointer or the keyboard reaching one asks for it. */
export const loadTooltip = tooltip.load
let tooltipTimer: ReturnType<typeof setTimeout> | null = null

/**
 * Once a chart is drawn, the tooltip loads on its own a moment later, unless a pointer or a key has needed it
 * first: late enough to stay out of the first view, early enough to be there before most first hovers.
 */
export function loadTooltipSoon(delayMs = 1500) {
  tooltipTimer ??= setTimeout(() => loadTooltip().catch(() => (tooltipTimer = null)), delayMs)
}

type Option = Record<string, unknown> | null | undefined
const extraSeries = new Set(['pie', 'funnel', 'radar', 'map'])
const seriesOf = (option: NonNullable<Option>) =>
  (Array.isArray(option.series) ? option.series : [option.series]) as (Record<string, unknown> | undefined)[]

/** Whether an option draws more than bars and lines (or has titles or a colour legend): it needs extras.ts. */
export function needsExtras(option: Option): boolean {
  if (!option) return false
  const types = seriesOf(option).map((s) => s?.type as string | undefined)
  return Boolean(
    option.title || option.radar || option.visualMap || types.some((t) => t && extraSeries.has(t)),
  )
}

/** Whether an option draws reference lines (a target, an average): it needs markers.ts. */
export function needsMarkers(option: Option): boolean {
  return Boolean(option && seriesOf(option).some((s) => s?.markLine))
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
  await Promise.all([(needsExtras(option) || svg) && extras.load(), needsMarkers(option) && markers.load()])
  return charts
}

/** True once everything the option needs is registered (reactive). */
export function chartsReadyFor(option: Option): boolean {
  return (
    loadedCharts.value !== null &&
    (extras.loaded.value || !needsExtras(option)) &&
    (markers.loaded.value || !needsMarkers(option))
  )
}
