// A failed report says the API's reason in the page's language, not as its "中文 / English".
import { useFiltersStore } from '@liaison/filters'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { i18n, showLanguage } from '../i18n.ts'
import ReportDropdown from './ReportDropdown.vue'

const shown = vi.hoisted(() => [] as string[])
vi.mock('@liaison/ui', async (original) => ({
  ...(await original<typeof import('@liaison/ui')>()),
  showError: async (text: string) => void shown.push(text),
}))
vi.mock('@liaison/ui/menus', async (original) => ({
  ...(await original<typeof import('@liaison/ui/menus')>()),
  downloadExport: async () => {
    throw new Error('数据库暂不可用，请稍后重试 / Database unavailable')
  },
}))

async function failedReport(language: 'zh-CN' | 'en') {
  setActivePinia(createPinia())
  useFiltersStore().apply({ region: '520523', period: '2025', language })
  await showLanguage(language)
  const wrapper = mount(ReportDropdown, {
    global: {
      plugins: [i18n],
      stubs: { ElDropdown: { name: 'ElDropdown', template: '<div><slot /></div>' } },
    },
  })
  wrapper.findComponent({ name: 'ElDropdown' }).vm.$emit('command', 'docx')
  await flushPromises()
  return shown.at(-1)
}

describe('the report menu', () => {
  it("says why a report failed in the page's language", async () => {
    expect(await failedReport('zh-CN')).toBe('导出失败：数据库暂不可用，请稍后重试')
    expect(await failedReport('en')).toBe('Export failed: Database unavailable')
    await showLanguage('zh-CN')
  })
})
