// The station comparison keeps its radar and small multiples to the region on screen, draws the latest period's
// months, and says a failed station request in the page's language.
import { useFiltersStore } from '@liaison/filters'
import { compileMessage } from '@liaison/ui'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import ComparePanel from './ComparePanel.vue'

// The panels' options are what is checked: the panel and the picker are drawn as placeholders.
vi.mock('@liaison/ui', async (original) => ({
  ...(await original<typeof import('@liaison/ui')>()),
  ChartPanel: { name: 'ChartPanel', props: ['panelId', 'option', 'empty'], template: '<div />' },
  SelectField: { name: 'SelectField', props: ['modelValue'], template: '<div />' },
}))

type Row = Record<string, string | number | null>
const station = (id: number, name: string, receptions: number): Row => ({
  station: id,
  station_name: name,
  receptions,
  visitors: receptions * 3,
  opinions_collected: 2,
  resolution_rate: 0.5,
  satisfaction_rate: null,
})
const months = (id: number, ...list: [string, number][]) =>
  list.map(([month, receptions]) => ({ station: id, month, receptions }))

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messageCompiler: compileMessage })
beforeEach(() => {
  setActivePinia(createPinia())
  useFiltersStore().apply({ region: '520523', period: '2025' })
  i18n.global.locale.value = 'zh-CN'
})
afterEach(() => vi.unstubAllGlobals())

const mountPanel = (comparison: Row[], monthly: Row[]) =>
  mount(ComparePanel, {
    props: { stations: [], comparison, monthly, openable: new Set<number>(), loading: false, error: null },
    global: { plugins: [i18n] },
  })
const optionOf = (wrapper: VueWrapper, panel: string) =>
  wrapper
    .findAllComponents({ name: 'ChartPanel' })
    .find((p) => p.props('panelId') === panel)
    ?.props('option') as Record<string, unknown> | null
const radarStations = (wrapper: VueWrapper) =>
  (optionOf(wrapper, 'stations-radar')?.series as { data: { name: string }[] }[] | undefined)?.[0]?.data.map(
    (d) => d.name,
  )
const cells = (wrapper: VueWrapper) =>
  ((optionOf(wrapper, 'stations-multiples')?.title as { text: string }[] | undefined) ?? []).map(
    (t) => t.text,
  )

describe('the station comparison', () => {
  it("drops the county's picks on a drill-down into a township and takes the township's leading stations", async () => {
    vi.stubGlobal('fetch', vi.fn())
    const county = [station(1, '甲站', 30), station(2, '乙站', 20), station(3, '丙站', 10)]
    const wrapper = mountPanel(county, [...months(1, ['2025-01', 3]), ...months(2, ['2025-01', 2])])
    await flushPromises()
    expect(radarStations(wrapper)).toEqual(['甲站', '乙站'])
    // The township holds only 丙站: the module's data for it comes, the panel stays mounted.
    await wrapper.setProps({ comparison: [station(3, '丙站', 10)], monthly: months(3, ['2025-01', 1]) })
    await flushPromises()
    expect(radarStations(wrapper)).toEqual(['丙站'])
    expect(cells(wrapper)).toEqual(['丙站'])
  })

  it("draws the latest period's months of a picked station, not an earlier request's answering late", async () => {
    // Picked stations without months in the module's data are asked for: 2024's answer comes after 2025's.
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const year = new URL(url, 'http://x').searchParams.get('from')!.slice(0, 4)
        if (year === '2024') await new Promise((resolve) => setTimeout(resolve, 30))
        return new Response(JSON.stringify({ monthly: months(1, [`${year}-03`, year === '2024' ? 5 : 9]) }))
      }),
    )
    useFiltersStore().apply({ period: '2024' })
    const wrapper = mountPanel([station(1, '甲站', 30)], [])
    useFiltersStore().apply({ period: '2025' })
    await wrapper.setProps({ monthly: [] })
    await new Promise((resolve) => setTimeout(resolve, 60))
    await flushPromises()
    const datasets = optionOf(wrapper, 'stations-multiples')?.dataset as { source: Row[] }[] | undefined
    expect(datasets?.[0]?.source.find((r) => r.month === '2025-03')?.receptions).toBe(9)
  })

  it("says why a station has no months in the page's language, not the API's two", async () => {
    const message = '数据库暂不可用，请稍后重试 / Database unavailable'
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error: { message } }), { status: 503 })),
    )
    const wrapper = mountPanel([station(1, '甲站', 30)], [])
    await flushPromises()
    expect(cells(wrapper)).toEqual(['甲站（数据库暂不可用，请稍后重试）'])
    useFiltersStore().apply({ language: 'en' })
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(cells(wrapper)).toEqual(['甲站 (Database unavailable)'])
  })
})
