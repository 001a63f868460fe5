// A failed export says the API's reason in the page's language, not as its "中文 / English".
import { useFiltersStore } from '@liaison/filters'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import ExportDropdown from './ExportDropdown.vue'

const shown = vi.hoisted(() => [] as string[])
vi.mock('../element.ts', async (original) => ({
  ...(await original<typeof import('../element.ts')>()),
  showError: async (text: string) => void shown.push(text),
}))
vi.mock('./chart-export.ts', async (original) => ({
  ...(await original<typeof import('./chart-export.ts')>()),
  downloadExport: async () => {
    throw new Error('导出的数据过多 / Too much data to export')
  },
}))

async function failedExport(language: 'zh-CN' | 'en') {
  setActivePinia(createPinia())
  useFiltersStore().apply({ region: '520523', period: '2025', language })
  const wrapper = mount(ExportDropdown, {
    props: { title: '接待', subtitle: '金沙县 · 2025年', table: { ids: ['receptions'] } },
    global: { stubs: { ElDropdown: { name: 'ElDropdown', template: '<div><slot /></div>' } } },
  })
  wrapper.findComponent({ name: 'ElDropdown' }).vm.$emit('command', 'xlsx')
  await flushPromises()
  return shown.at(-1)
}

describe("a chart panel's export", () => {
  beforeEach(() => {
    shown.length = 0
  })

  it("says why it failed in the page's language", async () => {
    expect(await failedExport('zh-CN')).toBe('导出失败：导出的数据过多')
    expect(await failedExport('en')).toBe('Export failed: Too much data to export')
  })
})
