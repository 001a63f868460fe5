import type { Kpi } from '@liaison/contracts'
import { useFiltersStore } from '@liaison/filters'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createI18n } from 'vue-i18n'
import { loadCharts } from '../charts/load.ts'
import { figureSuffix } from '../format/index.ts'
import ModulePage from './ModulePage.vue'
import PanelModule from './PanelModule.vue'
import { areaOf, panelHeight, useModulePage } from './use-module-page.ts'

const chartStub = { props: ['option', 'theme'], template: '<div class="stub-chart" />' }
const stubs = { VChart: chartStub, echarts: chartStub }

const kpi = (id: string, unit: string, value: number): Kpi => ({
  id,
  label: { zh: id, en: id },
  formula: { zh: `${id}的定义`, en: `definition of ${id}` },
  unit,
  value,
  previous: null,
  change: null,
  higherIsBetter: true,
  target: null,
})
const answer = {
  meta: {
    region: { code: '520523', name: '金沙县', level: 'county' },
    areasOf: { code: '520523', name: '金沙县', level: 'county' },
  },
  kpis: [kpi('opinions_collected', 'count', 853), kpi('resolution_rate', 'rate', 0.797)],
  breakdowns: { townships: [{ township: '520523108', township_name: '平坝镇', opinions_collected: 40 }] },
}

describe('useModulePage and ModulePage', () => {
  let pinia: ReturnType<typeof createPinia>
  const fetchMock = vi.fn()
  beforeEach(() => {
    pinia = createPinia()
    setActivePinia(pinia)
    fetchMock.mockReset()
    fetchMock.mockResolvedValue(new Response(JSON.stringify(answer), { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  function mountPage() {
    const Page = defineComponent({
      setup() {
        const page = useModulePage<typeof answer>('opinions', { source: () => '社情民意台账' })
        return () =>
          h(ModulePage, {
            name: 'opinions',
            kpis: page.data.value?.kpis ?? [],
            kpiTitle: '办理概况',
            head: page.head.value,
            panels: page.data.value
              ? [
                  { id: 'a', title: '甲', option: { dataset: {} }, empty: false },
                  { id: 'b', title: '乙', option: { dataset: {} }, empty: false, wide: true },
                ]
              : [],
            labelOf: (id: string) => (id === 'resolution_rate' ? '办结率' : undefined),
            onChartClick: page.drill,
          })
      },
    })
    return mount(Page, { global: { plugins: [pinia], stubs } })
  }

  it('asks the composite endpoint once with the scope, then draws the KPIs and panels with one subtitle', async () => {
    const filters = useFiltersStore()
    filters.region = '520523'
    filters.period = '2023'
    const wrapper = mountPage()
    expect(wrapper.find('[data-state=loading]').exists()).toBe(true)
    await flushPromises()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const url = String(fetchMock.mock.calls[0]![0])
    expect(url).toBe('/api/v1/modules/opinions/data?region=520523&from=2023-01-01&to=2023-12-31&compare=yoy')
    expect(wrapper.get('[data-kpi=opinions_collected]').text()).toContain('853件')
    expect(wrapper.get('[data-kpi=resolution_rate]').text()).toContain('办结率')
    // Each card's definition is its hint, in the page's language.
    expect(wrapper.get('[data-kpi=opinions_collected] h3').attributes('title')).toBe(
      'opinions_collected的定义',
    )
    const panels = wrapper.findAll('[data-panel=a], [data-panel=b]')
    expect(panels).toHaveLength(2)
    expect(panels[0]!.text()).toContain('金沙县 · 2023年 · 数据来源：社情民意台账')
    expect(wrapper.get('[data-panel=b]').classes()).toContain('module-page__wide')
  })

  it('makes a whole module of its messages and its panel builder (PanelModule)', async () => {
    const filters = useFiltersStore()
    filters.region = '520523'
    filters.period = '2023'
    const messages = {
      'zh-CN': {
        source: '社情民意台账',
        kpis: '办理概况',
        kpi: { resolution_rate: '办结率' },
        byArea: '各{areas}',
      },
      en: {
        source: 'Opinion register',
        kpis: 'Handling',
        kpi: { resolution_rate: 'Resolved' },
        byArea: 'By {areas}',
      },
    }
    const built: unknown[] = []
    const panels = (data: unknown, theme: string, locale: string, t: (key: string) => string) => {
      built.push({ data, theme, locale })
      return [{ id: 'areas', title: t('byArea'), option: { dataset: {} }, empty: false }]
    }
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', fallbackLocale: 'zh-CN' })
    const wrapper = mount(PanelModule, {
      props: { name: 'opinions', messages, panels: panels as never },
      global: { plugins: [pinia, i18n], stubs },
    })
    await flushPromises()
    expect(String(fetchMock.mock.calls[0]![0])).toContain('/api/v1/modules/opinions/data?region=520523')
    expect(wrapper.get('.kpi-grid h2').text()).toBe('办理概况')
    expect(wrapper.get('[data-kpi=resolution_rate]').text()).toContain('办结率')
    // The builder had the answer, the theme and the language; its titles name the region's areas.
    expect(built.at(-1)).toEqual({ data: answer, theme: filters.chartTheme, locale: 'zh-CN' })
    expect(wrapper.get('[data-panel=areas]').text()).toContain('各乡镇（街道）')
    expect(wrapper.get('[data-panel=areas]').text()).toContain('数据来源：社情民意台账')
  })

  it('names the compared townships in the subtitle of the panels that list them, not the township', async () => {
    const filters = useFiltersStore()
    filters.region = '520523005'
    filters.period = '2023'
    const township = {
      ...answer,
      meta: { ...answer.meta, region: { code: '520523005', name: '民兴街道', level: 'township' } },
    }
    fetchMock.mockResolvedValue(new Response(JSON.stringify(township), { status: 200 }))
    const panels = () => [
      { id: 'own', title: '甲', option: { dataset: {} }, empty: false },
      { id: 'areas', title: '乙', option: { dataset: {} }, empty: false, areas: true },
    ]
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', fallbackLocale: 'zh-CN' })
    const wrapper = mount(PanelModule, {
      props: { name: 'opinions', messages: { 'zh-CN': { source: '社情民意台账' } }, panels: panels as never },
      global: { plugins: [pinia, i18n], stubs },
    })
    await flushPromises()
    expect(wrapper.get('[data-panel=own]').text()).toContain('民兴街道 · 2023年')
    expect(wrapper.get('[data-panel=areas]').text()).toContain('金沙县各乡镇（街道） · 2023年')
    filters.language = 'en'
    await flushPromises()
    expect(wrapper.get('[data-panel=areas]').text()).toContain('Townships of 金沙县 · 2023')
  })

  it('dims the key figures and disables every export while a new scope loads over the last answer', async () => {
    const filters = useFiltersStore()
    filters.region = '520523'
    filters.period = '2023'
    const changed = { ...answer, kpis: [{ ...kpi('opinions_collected', 'count', 853), change: 0.25 }] }
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(changed), { status: 200 }))
    const wrapper = mountPage()
    await flushPromises()
    await loadCharts({ dataset: {} })
    await flushPromises()
    const grid = () => wrapper.get('section.kpi-grid')
    const exports = () => wrapper.findAll('[data-panel] [data-action=export]')
    const change = () => wrapper.get('[data-kpi=opinions_collected] .kpi__change').text()
    expect(grid().attributes('aria-busy')).toBe('false')
    expect(exports()).toHaveLength(2)
    for (const button of exports()) expect(button.attributes('aria-disabled')).toBeUndefined()
    expect(change()).toContain('同比 +25.0%')
    // Another period and comparison: the answer is held back, the last one stays on screen meanwhile.
    let answerNow: (response: Response) => void = () => {}
    fetchMock.mockReturnValueOnce(new Promise<Response>((resolve) => (answerNow = resolve)))
    filters.period = '2024'
    filters.compare = 'mom'
    await flushPromises()
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(grid().attributes('aria-busy')).toBe('true')
    expect(grid().classes()).toContain('is-stale')
    expect(change()).toContain('同比 +25.0%')
    expect(exports()).toHaveLength(2)
    for (const button of exports()) {
      expect(button.attributes('aria-disabled')).toBe('true')
      expect(button.attributes('title')).toBe('数据更新中，请稍候再导出')
    }
    const next = { ...answer, kpis: [{ ...kpi('opinions_collected', 'count', 700), change: -0.1 }] }
    answerNow(new Response(JSON.stringify(next), { status: 200 }))
    await flushPromises()
    expect(grid().attributes('aria-busy')).toBe('false')
    expect(grid().classes()).not.toContain('is-stale')
    expect(change()).toContain('环比 -10.0%')
    for (const button of exports()) expect(button.attributes('aria-disabled')).toBeUndefined()
  })

  it('drills down to the area of a clicked bar or row', () => {
    expect(areaOf({ data: { area: '520523108' } })).toBe('520523108')
    expect(areaOf({ area: '5205' })).toBe('5205')
    expect(areaOf({ township: '520523101' })).toBe('520523101')
    expect(areaOf({ data: { name: '金沙县' } })).toBeNull()
  })

  it('makes a panel of sideways bars tall enough for a label on every row', () => {
    expect(panelHeight({})).toBe('var(--lz-chart-height, 300px)')
    // Twenty opinion categories: 18 px a row and the legend, axis and margins, never below the theme's height.
    expect(panelHeight({ rows: 20 })).toBe('max(var(--lz-chart-height, 300px), 460px)')
  })

  it('writes the measure word of each figure', () => {
    expect(figureSuffix('opinions_collected', 'count', 'zh-CN')).toBe('件')
    expect(figureSuffix('overdue', 'count', 'zh-CN')).toBe('件')
    expect(figureSuffix('receptions', 'count', 'zh-CN')).toBe('次')
    expect(figureSuffix('receptions_per_station', 'count', 'zh-CN')).toBe('次')
    expect(figureSuffix('visitors', 'people', 'zh-CN')).toBe('人次')
    expect(figureSuffix('reportback_done', 'people', 'zh-CN')).toBe('人')
    expect(figureSuffix('stations_planned', 'count', 'zh-CN')).toBe('个')
    expect(figureSuffix('opinions_collected', 'count', 'en')).toBe('')
  })
})
