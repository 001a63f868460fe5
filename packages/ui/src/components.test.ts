import { useFiltersStore } from '@liaison/filters'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { loadCharts } from './charts/load.ts'
import KpiCard from './kpi/KpiCard.vue'
import { sparklinePoints } from './kpi/sparkline.ts'
import ChartPanel from './panel/ChartPanel.vue'
import DataTable from './table/DataTable.vue'
import RankingTable from './table/RankingTable.vue'
import { sortRows } from './table/sort.ts'

// happy-dom has no canvas: the chart itself is stubbed; its option is what the builders' tests check.
const chartStub = { props: ['option', 'theme'], template: '<div class="stub-chart" :data-theme="theme" />' }
const stubs = { VChart: chartStub, echarts: chartStub }

describe('ui components', () => {
  let pinia: ReturnType<typeof createPinia>
  beforeEach(() => {
    pinia = createPinia()
    setActivePinia(pinia)
  })
  const global = () => ({ plugins: [pinia], stubs })

  it('ChartPanel shows loading, error with retry, empty, then the chart with the store theme', async () => {
    // A wall display's width: below 1600 px the big screen's theme is 'big-screen-compact' (filters store).
    window.happyDOM.setViewport({ width: 1920, height: 1080 })
    const wrapper = mount(ChartPanel, {
      props: { title: '月度趋势', region: '金沙县', period: '2025年', source: '联络站台账', loading: true },
      global: global(),
    })
    expect(wrapper.text()).toContain('金沙县 · 2025年 · 数据来源：联络站台账')
    expect(wrapper.attributes('data-state')).toBe('loading')
    await wrapper.setProps({ loading: false, error: 'HTTP 500' })
    expect(wrapper.get('[role=alert]').text()).toContain('HTTP 500')
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(1)
    await wrapper.setProps({ error: null, empty: true })
    expect(wrapper.text()).toContain('暂无数据')
    useFiltersStore().bigScreen = true
    await wrapper.setProps({ empty: false, option: { aria: { label: { description: '逐月上升' } } } })
    // ECharts loads on demand: the panel stays in its loading state until it is registered.
    await loadCharts()
    await flushPromises()
    expect(wrapper.attributes('data-state')).toBe('ready')
    expect(wrapper.get('.stub-chart').attributes('data-theme')).toBe('liaison-big-screen')
    expect(wrapper.text()).toContain('逐月上升')
  })

  it('ChartPanel makes a chart one keyboard stop with its hint when asked, and only then', async () => {
    const wrapper = mount(ChartPanel, {
      props: { title: '乡镇地图', option: { series: [] }, keyboardHint: '用方向键选择乡镇' },
      global: global(),
    })
    const chart = wrapper.get('.stub-chart')
    expect(chart.attributes()).toMatchObject({
      tabindex: '0',
      role: 'application',
      'aria-label': '用方向键选择乡镇',
    })
    await wrapper.setProps({ keyboardHint: null })
    expect(wrapper.get('.stub-chart').attributes('tabindex')).toBeUndefined()
    expect(wrapper.get('.stub-chart').attributes('role')).toBeUndefined()
  })

  it('KpiCard colours a fall in a lower-is-better figure as good and shows progress to target', async () => {
    const wrapper = mount(KpiCard, {
      props: {
        label: '超期未办结',
        value: 12,
        unit: 'count',
        change: -0.25,
        higherIsBetter: false,
        target: 20,
      },
      global: global(),
    })
    expect(wrapper.text()).toContain('同比 -25.0%')
    expect(wrapper.get('.kpi__change').classes()).toContain('kpi__change--good')
    expect(wrapper.get('[role=progressbar]').attributes('aria-valuenow')).toBe('60')
    await wrapper.setProps({ unit: 'rate', value: 0.9996, change: 0.032, higherIsBetter: true, target: null })
    expect(wrapper.text()).toContain('99.9%')
    expect(wrapper.text()).toContain('+3.2 个百分点')
    expect(wrapper.get('.kpi__change').classes()).toContain('kpi__change--good')
  })

  it('RankingTable sorts from the keyboard, colours against the average, marks the current row and selects rows', async () => {
    const rows = [
      { code: '1', name: '平坝镇', rate: 0.9 },
      { code: '2', name: '安底镇', rate: 0.7 },
      { code: '3', name: '木孔镇', rate: null },
    ]
    const wrapper = mount(RankingTable, {
      props: {
        rows,
        columns: [{ key: 'rate', label: '办结率', unit: 'rate', higherIsBetter: true }],
        nameKey: 'name',
        nameLabel: '乡镇',
        rowKey: 'code',
        reference: { name: '县均', rate: 0.8 },
        referenceLabel: '县均',
        selectable: true,
        current: '2',
      },
      global: global(),
    })
    const names = () => wrapper.findAll('tbody th').map((c) => c.text())
    expect(names()).toEqual(['平坝镇', '安底镇', '木孔镇'])
    // The page's own township is marked among its county's.
    expect(wrapper.findAll('tbody tr[aria-current=true]').map((r) => r.get('th').text())).toEqual(['安底镇'])
    expect(wrapper.find('tbody td.tone-good').exists()).toBe(true)
    await wrapper.findAll('thead button')[1]!.trigger('click')
    expect(names()).toEqual(['安底镇', '平坝镇', '木孔镇'])
    await wrapper.findAll('tbody tr')[0]!.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('select')?.[0]?.[0]).toMatchObject({ code: '2' })
    // Space too, as on a button.
    await wrapper.findAll('tbody tr')[1]!.trigger('keydown', { key: ' ' })
    expect(wrapper.emitted('select')?.[1]?.[0]).toMatchObject({ code: '1' })
    expect(wrapper.text()).toContain('县均')
    // The reference row goes under the rows told to the owner, named as on screen.
    const told = wrapper.emitted('shown')?.at(-1)?.[0] as { rows: Record<string, unknown>[] }
    expect(told.rows.map((r) => r.name)).toEqual(['安底镇', '平坝镇', '木孔镇', '县均'])
    expect(told.rows.at(-1)).toMatchObject({ rate: 0.8 })
  })

  it('ranks by standing, best first, equal values alike, whichever way the table is sorted', async () => {
    const rows = [
      { code: '1', name: '平坝镇', n: 57 },
      { code: '2', name: '安底镇', n: 46 },
      { code: '3', name: '禹谟镇', n: 57 },
      { code: '4', name: '木孔镇', n: 39 },
    ]
    const wrapper = mount(RankingTable, {
      props: {
        rows,
        columns: [{ key: 'n', label: '活动' }],
        nameKey: 'name',
        nameLabel: '乡镇',
        rowKey: 'code',
      },
      global: global(),
    })
    const shown = () =>
      wrapper.findAll('tbody tr').map((tr) => `${tr.get('td').text()} ${tr.get('th').text()}`)
    expect(shown()).toEqual(['1 平坝镇', '1 禹谟镇', '3 安底镇', '4 木孔镇'])
    // Sorted the other way, the least is still 4th, not 1st.
    await wrapper.findAll('thead button')[1]!.trigger('click')
    expect(shown()).toEqual(['4 木孔镇', '3 安底镇', '1 平坝镇', '1 禹谟镇'])
    // The owner is told the rows as shown, for the panel's data file: in this order, with these ranks.
    const told = wrapper.emitted('shown')?.at(-1)?.[0] as {
      columns: { key: string }[]
      rows: Record<string, unknown>[]
    }
    expect(told.columns.map((c) => c.key)).toEqual(['rank', 'name', 'n'])
    expect(told.rows.map((r) => `${r.rank} ${r.name}`)).toEqual([
      '4 木孔镇',
      '3 安底镇',
      '1 平坝镇',
      '1 禹谟镇',
    ])
    // By name, the rows keep their standing in the first figure.
    await wrapper.findAll('thead button')[0]!.trigger('click')
    expect(shown()).toEqual(['3 安底镇', '4 木孔镇', '1 平坝镇', '1 禹谟镇'])
  })

  it('ranks a figure where lower is better from the lowest (days to resolve)', () => {
    const wrapper = mount(RankingTable, {
      props: {
        rows: [
          { code: '1', name: '甲', days: 12 },
          { code: '2', name: '乙', days: 5 },
        ],
        columns: [{ key: 'days', label: '办结天数', unit: 'days', higherIsBetter: false }],
        nameKey: 'name',
        nameLabel: '乡镇',
        rowKey: 'code',
      },
      global: global(),
    })
    expect(wrapper.findAll('tbody tr').map((tr) => `${tr.get('td').text()} ${tr.get('th').text()}`)).toEqual([
      '2 甲',
      '1 乙',
    ])
  })

  it("DataTable sorts as the ranking tables do, blanks last either way, and by a column's sort key", async () => {
    const rows = [
      { id: 1, name: '甲站', seven: 7, status: '已建成', rank: 2 },
      { id: 2, name: '乙站', seven: null, status: '已规范化', rank: 3 },
      { id: 3, name: '丙站', seven: 5, status: '建设中', rank: 1 },
      { id: 4, name: '丁站', seven: 7, status: '已规范化', rank: 3 },
    ]
    const wrapper = mount(DataTable, {
      props: {
        rows,
        rowKey: 'id',
        columns: [
          { key: 'name', label: '站点' },
          { key: 'seven', label: '七有' },
          { key: 'status', label: '状态', sortKey: 'rank' },
        ],
      },
      global: global(),
    })
    await flushPromises()
    const sortBy = async (prop: string, order: 'ascending' | 'descending') => {
      wrapper.findComponent({ name: 'ElTable' }).vm.$emit('sort-change', { prop, order })
      await flushPromises()
      return wrapper.findAll('tbody tr').map((tr) => tr.find('td').text())
    }
    expect(await sortBy('seven', 'descending')).toEqual(['甲站', '丁站', '丙站', '乙站'])
    expect(await sortBy('seven', 'ascending')).toEqual(['丙站', '甲站', '丁站', '乙站'])
    // By workflow, not by the label's pinyin (建设中 ‹ 已规范化 ‹ 已建成 would put 已建成 last).
    expect(await sortBy('status', 'ascending')).toEqual(['丙站', '甲站', '乙站', '丁站'])
  })

  it('sorts text by pinyin and draws sparklines', () => {
    expect(sortRows([{ n: '平坝镇' }, { n: '安底镇' }], 'n', 'asc').map((r) => r.n)).toEqual([
      '安底镇',
      '平坝镇',
    ])
    expect(sparklinePoints([1, null, 3], 100, 20).split(' ')).toHaveLength(2)
  })
})
