import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useFiltersStore } from './store.ts'
import { queryToState, stateToQuery } from './url-query.ts'
import { syncFiltersWithRouter } from './url-sync.ts'

const settle = async () => {
  for (let i = 0; i < 5; i++) await nextTick()
  await new Promise((r) => setTimeout(r, 0))
}

/** A store kept in step with a memory router that starts at `url`. */
async function syncedAt(url: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: {} }],
  })
  await router.push(url)
  const store = useFiltersStore()
  syncFiltersWithRouter(store, router)
  await settle()
  return { router, store }
}

describe('useFiltersStore', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('derives the API scope from region, period and comparison', () => {
    const store = useFiltersStore()
    expect(store.ready).toBe(false)
    store.apply({ region: '520523', period: '2025-Q3', compare: 'mom' })
    expect(store.scopeQuery).toEqual({
      region: '520523',
      from: '2025-07-01',
      to: '2025-09-30',
      compare: 'mom',
    })
    store.compare = 'none'
    expect(store.scopeQuery).not.toHaveProperty('compare')
  })

  it('draws the big screen dark, with smaller chart text below 1600 px, following the window', async () => {
    const viewport = (width: number) => window.happyDOM.setViewport({ width, height: 1080 })
    viewport(1920)
    const store = useFiltersStore()
    store.theme = 'light'
    expect(store.chartTheme).toBe('light')
    store.bigScreen = true
    expect(store.chartTheme).toBe('big-screen')
    viewport(1366)
    await settle()
    expect(store.chartTheme).toBe('big-screen-compact')
    viewport(1600)
    await settle()
    expect(store.chartTheme).toBe('big-screen')
  })

  it('round-trips through the URL query, leaving defaults out', () => {
    const store = useFiltersStore()
    store.apply({ region: '520523', period: '2025', theme: 'dark' })
    const query = stateToQuery(store)
    expect(query).toEqual({ region: '520523', period: '2025', theme: 'dark' })
    expect(queryToState(query)).toMatchObject({
      region: '520523',
      period: '2025',
      theme: 'dark',
      compare: 'yoy',
    })
    expect(queryToState({ region: 'x', period: 'nonsense' })).not.toHaveProperty('region')
    expect(queryToState({ region: 'CN' }).region).toBe('CN')
    expect(queryToState({ region: '5205' }).region).toBe('5205')
  })

  it('keeps an open station in the URL, and no station that is not a positive whole number', async () => {
    const { router, store } = await syncedAt('/m/stations?region=520523&period=2025&station=12')
    expect(store.station).toBe(12)
    store.station = null
    await settle()
    expect(router.currentRoute.value.query).not.toHaveProperty('station')
    // Back reopens it.
    router.back()
    await settle()
    expect(store.station).toBe(12)
    for (const bad of ['0', '-3', '1.5', 'x', '99999999999999999999', '1e3', '0x1A', ' 12 ', '012'])
      expect(queryToState({ station: bad }).station).toBeNull()
  })

  it('mirrors the store in the route, and back/forward restore it', async () => {
    const { router, store } = await syncedAt('/m/overview?region=520523&period=2025')
    expect(store.region).toBe('520523')
    store.period = '2024'
    await settle()
    expect(router.currentRoute.value.query).toMatchObject({ period: '2024', region: '520523' })
    store.compare = 'mom'
    await settle()
    router.back()
    await settle()
    expect(store.compare).toBe('yoy')
    expect(store.period).toBe('2024')
    router.back()
    await settle()
    expect(store.period).toBe('2025')
  })
  it('replaces the history entry of a link the page corrects, so Back does not return to it', async () => {
    const { router, store } = await syncedAt('/m/overview?region=520523&period=2024')
    // A link to a station the page cannot open, which the page then closes.
    await router.push('/m/stations?region=520523&period=2025&station=5')
    await settle()
    expect(store.station).toBe(5)
    store.correct({ station: null })
    await settle()
    expect(router.currentRoute.value.query).not.toHaveProperty('station')
    // The user's next change is a step again.
    store.compare = 'mom'
    await settle()
    router.back()
    await settle()
    expect([store.compare, store.station, store.period]).toEqual(['yoy', null, '2025'])
    router.back()
    await settle()
    expect([store.station, store.period]).toEqual([null, '2024'])
  })
  it('leaves the next step a step after a correction that changed nothing', async () => {
    const { router, store } = await syncedAt('/m/overview?region=520523&period=2025')
    store.correct({ station: null })
    await settle()
    store.period = '2024'
    await settle()
    router.back()
    await settle()
    expect(store.period).toBe('2025')
  })
})
