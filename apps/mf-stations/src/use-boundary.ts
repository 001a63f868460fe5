// The county's township boundary, when one was uploaded: GET /regions/<county>/boundary for the county of the
// region on screen (a county or one of its townships). Wider regions have no single county map: null.
import type { BoundaryResponse } from '@liaison/contracts'
import { useFiltersStore } from '@liaison/filters'
import { fetchJson, inLanguage } from '@liaison/ui'
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'

export type Boundary = NonNullable<BoundaryResponse['boundary']>

export function useBoundary() {
  const filters = useFiltersStore()
  const county = computed(() => (filters.region.length >= 6 ? filters.region.slice(0, 6) : null))
  const boundary = shallowRef<Boundary | null>(null)
  /** True until the first answer for this county: the panel waits instead of flashing the tiles. */
  const loading = ref(false)
  /** The API's message as it came ("中文 / English"); shown in the page's language, following a switch. */
  const failure = ref<string | null>(null)
  const error = computed(() => failure.value && inLanguage(failure.value, filters.language))
  let controller: AbortController | null = null

  async function load() {
    controller?.abort()
    failure.value = null
    if (!county.value) {
      boundary.value = null
      return
    }
    const current = new AbortController()
    controller = current
    loading.value = true
    try {
      const body = await fetchJson<BoundaryResponse>(`/regions/${county.value}/boundary`, {}, current.signal)
      if (!current.signal.aborted) boundary.value = body.boundary
    } catch (cause) {
      if (!current.signal.aborted) failure.value = cause instanceof Error ? cause.message : String(cause)
    } finally {
      if (controller === current) loading.value = false
    }
  }

  watch([county, () => filters.refreshTick], load, { immediate: true })
  onScopeDispose(() => controller?.abort())
  return { county, boundary, loading, error, reload: load }
}
