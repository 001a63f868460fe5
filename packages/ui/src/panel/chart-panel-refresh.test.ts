// While a panel shows the last answer and the next is loading, none of its exports can be taken: the file would
// hold the old figures under the new period and region.
import { useFiltersStore } from '@liaison/filters'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { loadCharts } from '../charts/load.ts'
import ChartPanel from './ChartPanel.vue'
import ExportDropdown from './ExportDropdown.vue'

const calls = vi.hoisted(() => ({ downloads: 0, saves: 0, errors: [] as string[] }))
vi.mock('../element.ts', async (original) => ({
  ...(await original<typeof import('../element.ts')>()),
  showError: async (text: string) => void calls.errors.push(text),
}))
vi.mock('./chart-export.ts', async (original) => ({
  ...(await original<typeof import('./chart-export.ts')>()),
  downloadExport: async () => void calls.downloads++,
  recordExport: async () => {},
  saveFile: () => void calls.saves++,
}))

const chartStub = { props: ['option', 'theme'], template: '<div class="stub-chart" />' }
const option = {
  dataset: { source: [{ month: '2025-01', receptions: 3 }] },
  series: [{ type: 'bar', encode: { x: 'month', y: 'receptions' } }],
}

describe('exports while the data are refreshing', () => {
  let pinia: ReturnType<typeof createPinia>
  beforeEach(() => {
    pinia = createPinia()
    setActivePinia(pinia)
    calls.downloads = 0
    calls.saves = 0
    calls.errors.length = 0
  })

  it("ChartPanel disables its export button while loading over its chart, saying why in the page's language", async () => {
    const filters = useFiltersStore()
    const wrapper = mount(ChartPanel, {
      props: {
        title: '月度趋势',
        region: '金沙县',
        period: '2025年',
        option,
        exportTable: { ids: ['receptions'] },
      },
      global: { plugins: [pinia], stubs: { VChart: chartStub, echarts: chartStub } },
    })
    await loadCharts(option)
    await flushPromises()
    expect(wrapper.attributes('data-state')).toBe('ready')
    const button = () => wrapper.get('[data-action=export]')
    expect(button().attributes('aria-disabled')).toBeUndefined()
    expect(button().attributes('title')).toBeUndefined()
    // Another period chosen: the old chart stays, dimmed, while the new answer loads.
    await wrapper.setProps({ loading: true, period: '2024年' })
    expect(wrapper.classes()).toContain('is-stale')
    expect(button().attributes('aria-disabled')).toBe('true')
    expect(button().attributes('title')).toBe('数据更新中，请稍候再导出')
    filters.language = 'en'
    await flushPromises()
    expect(button().attributes('title')).toBe('The data are refreshing; export when they have loaded')
    await wrapper.setProps({ loading: false })
    expect(button().attributes('aria-disabled')).toBeUndefined()
    expect(button().attributes('title')).toBeUndefined()
  })

  it('ExportDropdown disables the menu and every item, and exports nothing, while refreshing', async () => {
    useFiltersStore().apply({ region: '520523', period: '2025', language: 'zh-CN' })
    const wrapper = mount(ExportDropdown, {
      props: {
        title: '月度趋势',
        subtitle: '金沙县 · 2025年',
        option,
        table: { ids: ['receptions'] },
        refreshing: true,
      },
      global: {
        stubs: {
          ElDropdown: {
            name: 'ElDropdown',
            props: ['disabled'],
            template:
              '<div class="dropdown" :data-disabled="String(disabled)"><slot /><slot name="dropdown" /></div>',
          },
          ElDropdownMenu: { template: '<ul><slot /></ul>' },
          ElDropdownItem: {
            props: ['disabled', 'command'],
            template: '<li :data-command="command" :aria-disabled="String(Boolean(disabled))"><slot /></li>',
          },
          ChoiceItems: { inheritAttrs: false, template: '<li />' },
        },
      },
    })
    expect(wrapper.get('.dropdown').attributes('data-disabled')).toBe('true')
    const items = wrapper.findAll('li[data-command]')
    expect(items.map((i) => i.attributes('data-command'))).toEqual(['png2', 'png3', 'svg', 'xlsx', 'csv'])
    for (const item of items) expect(item.attributes('aria-disabled')).toBe('true')
    // A command that reaches it all the same (a menu left open as the refresh began) does nothing.
    wrapper.findComponent({ name: 'ElDropdown' }).vm.$emit('command', 'xlsx')
    await flushPromises()
    expect([calls.downloads, calls.saves, calls.errors]).toEqual([0, 0, []])
    // Once the new answer is in, the same command exports.
    await wrapper.setProps({ refreshing: false })
    expect(wrapper.get('.dropdown').attributes('data-disabled')).toBe('false')
    for (const item of wrapper.findAll('li[data-command]'))
      expect(item.attributes('aria-disabled')).toBe('false')
    wrapper.findComponent({ name: 'ElDropdown' }).vm.$emit('command', 'csv')
    await flushPromises()
    expect(calls.errors).toEqual([])
    expect(calls.saves + calls.downloads).toBe(1)
  })
})
