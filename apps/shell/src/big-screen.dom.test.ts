// The big screen's rotation goes to the next module with the region and period, not with an open station: on the
// stations page again, a station carried round would be taken for a link (and announced as one it cannot open).
import { useFiltersStore } from '@liaison/filters'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useBigScreen } from './big-screen.ts'
import { useSessionStore } from './session.ts'

vi.mock('vue-router', async (original) => {
  const actual = await original<typeof import('vue-router')>()
  return { ...actual, useRouter: () => router }
})

let router: ReturnType<typeof createRouter>

describe('big-screen rotation', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    setActivePinia(createPinia())
    router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/m/:name', component: {} }] })
  })
  afterEach(() => vi.useRealTimers())

  it('moves to the next module every 30 s with the filters and without the open station', async () => {
    const session = useSessionStore()
    session.modules = [
      { name: 'overview' },
      { name: 'stations' },
      { name: 'opinions' },
    ] as typeof session.modules
    await router.push('/m/stations?region=520523&period=2025&station=5')
    useFiltersStore().bigScreen = true
    const rotating = ref(true)
    const scope = effectScope()
    scope.run(() => useBigScreen(rotating))
    await vi.advanceTimersByTimeAsync(30_000)
    await nextTick()
    expect(router.currentRoute.value.path).toBe('/m/opinions')
    expect(router.currentRoute.value.query).toEqual({ region: '520523', period: '2025' })
    scope.stop()
  })
})
