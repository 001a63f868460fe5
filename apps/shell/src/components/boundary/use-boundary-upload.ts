// The boundary workflow of one county: what is stored now, upload a file to replace it, delete it. Results are
// kept as data (problems, message keys, the API's own bilingual text) so they follow a change of language.
import type { BoundaryProblem, BoundaryResponse, BoundaryUploadResponse } from '@liaison/contracts'
import { ref, shallowRef, watch } from 'vue'
import { ApiError, api, BoundaryRefusedError } from '../../api.ts'
import { useSessionStore } from '../../session.ts'

export interface Notice {
  type: 'success' | 'error'
  key: 'failed' | 'removed'
  cause?: string
}

export function useBoundaryUpload(initialCounty: string) {
  const session = useSessionStore()
  const county = ref(initialCounty)
  const current = shallowRef<BoundaryResponse['boundary']>(null)
  const file = shallowRef<File | null>(null)
  const busy = ref(false)
  const stored = shallowRef<BoundaryUploadResponse | null>(null)
  const refused = shallowRef<BoundaryProblem[] | null>(null)
  const notice = ref<Notice | null>(null)

  const failed = (cause: unknown): Notice => ({
    type: 'error',
    key: 'failed',
    cause: cause instanceof ApiError ? cause.message : String(cause),
  })
  function clearResults() {
    stored.value = null
    refused.value = null
    notice.value = null
  }

  async function loadCurrent() {
    current.value = null
    if (!county.value) return
    try {
      current.value = (await api.boundary(county.value)).boundary
    } catch (cause) {
      notice.value = failed(cause)
    }
  }
  watch(
    county,
    () => {
      clearResults()
      void loadCurrent()
    },
    { immediate: true },
  )

  function choose(next: File | null) {
    file.value = next
    clearResults()
  }

  async function send() {
    if (!file.value || !county.value) return
    busy.value = true
    clearResults()
    try {
      stored.value = await api.uploadBoundary(county.value, file.value, session.csrfToken)
      file.value = null
      await loadCurrent()
    } catch (cause) {
      if (cause instanceof BoundaryRefusedError) refused.value = cause.errors
      else notice.value = failed(cause)
    } finally {
      busy.value = false
    }
  }

  async function remove() {
    busy.value = true
    clearResults()
    try {
      await api.deleteBoundary(county.value, session.csrfToken)
      notice.value = { type: 'success', key: 'removed' }
      await loadCurrent()
    } catch (cause) {
      notice.value = failed(cause)
    } finally {
      busy.value = false
    }
  }

  return { county, current, file, busy, stored, refused, notice, choose, send, remove }
}
