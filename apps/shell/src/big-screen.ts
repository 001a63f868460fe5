import { useFiltersStore } from '@liaison/filters'
import { onScopeDispose, type Ref, watch } from 'vue'
import { useRouter } from 'vue-router'
import { useSessionStore } from './session.ts'

// A wall display is left unattended: pick up new registrations within a minute.
const refreshEveryMs = 60_000
const rotateEveryMs = 30_000

/** Big-screen mode: full screen when the browser allows it, refresh every 60 s, optionally rotate modules. */
export function useBigScreen(rotating: Ref<boolean>) {
  const filters = useFiltersStore()
  const session = useSessionStore()
  const router = useRouter()
  let refreshTimer: ReturnType<typeof setInterval> | undefined
  let rotateTimer: ReturnType<typeof setInterval> | undefined

  function rotate() {
    const names = session.modules.map((m) => m.name)
    const at = names.findIndex((n) => n === router.currentRoute.value.params.name)
    const next = names[(at + 1) % names.length]
    // As the module tabs do: an open station belongs to the stations page, not to the next module's link.
    const query = { ...router.currentRoute.value.query, station: undefined }
    if (next) void router.push({ path: `/m/${next}`, query })
  }

  watch(
    () => filters.bigScreen,
    (on) => {
      clearInterval(refreshTimer)
      if (on) {
        refreshTimer = setInterval(filters.refresh, refreshEveryMs)
        // Only a user gesture may enter full screen; a shared link just gets the layout.
        document.documentElement.requestFullscreen?.().catch(() => {})
      } else {
        rotating.value = false
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {})
      }
    },
    { immediate: true },
  )
  watch(
    rotating,
    (on) => {
      clearInterval(rotateTimer)
      if (on) rotateTimer = setInterval(rotate, rotateEveryMs)
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    clearInterval(refreshTimer)
    clearInterval(rotateTimer)
  })
}
