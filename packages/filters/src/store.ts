import { defineStore } from 'pinia'
import { computed, onScopeDispose, reactive, ref, toRefs } from 'vue'
import { parsePeriod } from './period.ts'
import type { FilterState } from './url-query.ts'
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

/** Below this width a big screen (a 1366 px wall monitor) draws its charts' text smaller: 'big-screen-compact'. */
export const compactBigScreenQuery = '(max-width: 1599.98px)'

/** Whether the window matches a media query, kept up to date (false without a window). */
function matching(query: string) {
  const list = typeof window === 'undefined' ? undefined : window.matchMedia?.(query)
  const matches = ref(list?.matches ?? false)
  const follow = (event: MediaQueryListEvent) => {
    matches.value = event.matches
  }
  list?.addEventListener('change', follow)
  onScopeDispose(() => list?.removeEventListener('change', follow))
  return matches
}

/** The one filter store: what the dashboard shows (region, period, comparison) and how (language, theme, screen). */
export const useFiltersStore = defineStore('filters', () => {
  // One reactive record of the state, so that apply need not name every filter.
  const state = reactive({ ...defaultFilterState })
  /** Bumped by auto-refresh (big screen) and Retry; modules refetch when it changes. */
  const refreshTick = ref(0)

  const scopeQuery = computed(() => scopeQueryOf(state))
  /** The period's first and last days ('' until a valid period is set). */
  const from = computed(() => scopeQuery.value.from!)
  const to = computed(() => scopeQuery.value.to!)
  const narrow = matching(compactBigScreenQuery)
  /** The chart theme: the big screen is always dark, its text smaller on a narrow one. */
  const chartTheme = computed(() =>
    state.bigScreen ? (narrow.value ? 'big-screen-compact' : 'big-screen') : state.theme,
  )
  /** Ready to ask the API once a region and a period are known. */
  const ready = computed(() => Boolean(state.region && from.value))

  function apply(next: Partial<FilterState>) {
    for (const [key, value] of Object.entries(next))
      if (value !== undefined) (state as Record<string, unknown>)[key] = value
  }

  // A correction the page makes to a link (a filter it cannot show) is not a step to go back to: the URL sync
  // replaces the history entry for it (takeCorrection), or Back would land on the link and be corrected again.
  let correcting = false
  function correct(next: Partial<FilterState>) {
    const before = JSON.stringify(state)
    apply(next)
    // Only a change is replaced: an unchanged state leaves nothing to sync, and the flag would fall on the
    // user's next step.
    correcting = JSON.stringify(state) !== before
  }
  function takeCorrection() {
    const was = correcting
    correcting = false
    return was
  }

  function refresh() {
    refreshTick.value++
  }

  return {
    ...toRefs(state),
    refreshTick,
    from,
    to,
    chartTheme,
    ready,
    scopeQuery,
    apply,
    correct,
    takeCorrection,
    refresh,
  }
})

export type FiltersStore = ReturnType<typeof useFiltersStore>
