import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { parsePeriod } from './period.ts'
import type { CompareMode, FilterState, Language, ThemeName } from './url-query.ts'
import { defaultFilterState } from './url-query.ts'

/** The query every figure endpoint takes for a scope; `compare` left out when none. */
export function scopeQueryOf(
  state: Pick<FilterState, 'region' | 'period' | 'compare'>,
): Record<string, string> {
  const range = parsePeriod(state.period)
  const query: Record<string, string> = { region: state.region, from: range?.from ?? '', to: range?.to ?? '' }
  if (state.compare !== 'none') query.compare = state.compare
  return query
}

/** The one filter store: what the dashboard shows (region, period, comparison) and how (language, theme, screen). */
export const useFiltersStore = defineStore('filters', () => {
  const region = ref(defaultFilterState.region)
  const period = ref(defaultFilterState.period)
  const compare = ref<CompareMode>(defaultFilterState.compare)
  const language = ref<Language>(defaultFilterState.language)
  const theme = ref<ThemeName>(defaultFilterState.theme)
  const bigScreen = ref(defaultFilterState.bigScreen)
  const decal = ref(defaultFilterState.decal)
  /** Bumped by auto-refresh (big screen) and Retry; modules refetch when it changes. */
  const refreshTick = ref(0)

  const range = computed(() => parsePeriod(period.value))
  const from = computed(() => range.value?.from ?? '')
  const to = computed(() => range.value?.to ?? '')
  /** The chart theme: the big screen is always dark. */
  const chartTheme = computed(() => (bigScreen.value ? 'big-screen' : theme.value))
  /** Ready to ask the API once a region and a period are known. */
  const ready = computed(() => Boolean(region.value && range.value))
  const scopeQuery = computed(() =>
    scopeQueryOf({ region: region.value, period: period.value, compare: compare.value }),
  )

  function apply(state: Partial<FilterState>) {
    if (state.region !== undefined) region.value = state.region
    if (state.period !== undefined) period.value = state.period
    if (state.compare !== undefined) compare.value = state.compare
    if (state.language !== undefined) language.value = state.language
    if (state.theme !== undefined) theme.value = state.theme
    if (state.bigScreen !== undefined) bigScreen.value = state.bigScreen
    if (state.decal !== undefined) decal.value = state.decal
  }

  const snapshot = (): FilterState => ({
    region: region.value,
    period: period.value,
    compare: compare.value,
    language: language.value,
    theme: theme.value,
    bigScreen: bigScreen.value,
    decal: decal.value,
  })

  function refresh() {
    refreshTick.value++
  }

  return {
    region,
    period,
    compare,
    language,
    theme,
    bigScreen,
    decal,
    refreshTick,
    from,
    to,
    chartTheme,
    ready,
    scopeQuery,
    apply,
    snapshot,
    refresh,
  }
})

export type FiltersStore = ReturnType<typeof useFiltersStore>
