import { watch } from 'vue'
import type { Router } from 'vue-router'
import type { FiltersStore } from './store.ts'
import { queryToState, sameQuery, stateToQuery } from './url-query.ts'

/**
 * Mirror the store in the current route's query: a filter change pushes a history entry (so back undoes it),
 * and a route change (back/forward, a pasted link) sets the store. Returns a function that stops the sync.
 */
export function syncFiltersWithRouter(store: FiltersStore, router: Router): () => void {
  const stopRoute = watch(
    () => router.currentRoute.value.query,
    (query) => {
      const next = queryToState(query)
      // Keep region and period when the URL has none (e.g. navigating between modules by path).
      if (!next.region) delete next.region
      if (!next.period) delete next.period
      store.apply(next)
    },
    { immediate: true },
  )
  const stopStore = watch(
    () => stateToQuery(store),
    (query) => {
      const route = router.currentRoute.value
      const corrected = store.takeCorrection()
      if (sameQuery(route.query, query)) return
      // Filling in the defaults, or correcting a link, is not a step the user can go back to.
      const firstFill = !route.query.region || !route.query.period
      const to = { path: route.path, query, hash: route.hash }
      void (firstFill || corrected ? router.replace(to) : router.push(to))
    },
    { immediate: true },
  )
  return () => {
    stopRoute()
    stopStore()
  }
}
