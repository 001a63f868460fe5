// While a new answer loads over the last one, the key figures are dimmed and busy, and each card's comparison word
// stays the one its change was fetched with.
import type { Kpi } from '@liaison/contracts'
import { useFiltersStore } from '@liaison/filters'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import KpiGrid from './KpiGrid.vue'

const kpi = (id: string, value: number, change: number): Kpi => ({
  id,
  label: { zh: id, en: id },
  formula: { zh: `${id}的定义`, en: `definition of ${id}` },
  unit: 'count',
  value,
  previous: null,
  change,
  higherIsBetter: true,
  target: null,
})

describe('KpiGrid while a new answer loads over the last', () => {
  let pinia: ReturnType<typeof createPinia>
  beforeEach(() => {
    pinia = createPinia()
    setActivePinia(pinia)
  })

  const mountGrid = () =>
    mount(KpiGrid, {
      props: {
        kpis: [kpi('receptions', 120, 0.25)],
        title: '关键指标',
        panelId: 'x-kpis',
        loading: false,
        error: null,
      },
      global: { plugins: [pinia] },
    })

  it('is dimmed and aria-busy, then not once the answer is in', async () => {
    const wrapper = mountGrid()
    const grid = () => wrapper.get('section.kpi-grid')
    expect(grid().attributes('aria-busy')).toBe('false')
    expect(grid().classes()).not.toContain('is-stale')
    await wrapper.setProps({ loading: true })
    // The last figures stay (not the first load's panel), dimmed and busy.
    expect(grid().attributes('aria-busy')).toBe('true')
    expect(grid().classes()).toContain('is-stale')
    expect(wrapper.get('[data-kpi=receptions]').text()).toContain('120')
    await wrapper.setProps({ loading: false, kpis: [kpi('receptions', 90, -0.1)] })
    expect(grid().attributes('aria-busy')).toBe('false')
    expect(grid().classes()).not.toContain('is-stale')
  })

  it('keeps the comparison word of the figures shown until the new ones arrive', async () => {
    const filters = useFiltersStore()
    const wrapper = mountGrid()
    const change = () => wrapper.get('[data-kpi=receptions] .kpi__change').text()
    expect(change()).toContain('同比 +25.0%')
    // 同比 → 环比: the request starts in the same tick; the old change is still a year-on-year one.
    filters.compare = 'mom'
    await wrapper.setProps({ loading: true })
    await flushPromises()
    expect(change()).toContain('同比 +25.0%')
    expect(change()).not.toContain('环比')
    await wrapper.setProps({ loading: false, kpis: [kpi('receptions', 120, -0.1)] })
    await flushPromises()
    expect(change()).toContain('环比 -10.0%')
    // Comparison off: the old change line stays until the answer without changes arrives.
    filters.compare = 'none'
    await wrapper.setProps({ loading: true })
    await flushPromises()
    expect(change()).toContain('环比 -10.0%')
    await wrapper.setProps({ loading: false })
    await flushPromises()
    expect(wrapper.find('[data-kpi=receptions] .kpi__change').exists()).toBe(false)
  })
})
