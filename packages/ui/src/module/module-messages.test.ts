import { useFiltersStore } from '@liaison/filters'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createI18n } from 'vue-i18n'
import { useModuleMessages } from './module-messages.ts'

const zh = { title: '关键指标', count: '{n} 个站点' }
const en = { title: 'Key figures', count: '{n} stations' }

function mountWith(language: 'zh-CN' | 'en', english: () => Promise<typeof zh>) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const filters = useFiltersStore()
  filters.language = language
  // The shell's i18n follows the language (apps/shell/src/i18n.ts); here it is set beside the store.
  const i18n = createI18n({ legacy: false, locale: language, fallbackLocale: 'zh-CN' })
  const Probe = defineComponent(() => {
    const { t } = useModuleMessages(zh, english)
    return () => h('p', `${t('title')}|${t('count', { n: 3 })}`)
  })
  const wrapper = mount(Probe, { global: { plugins: [pinia, i18n] } })
  return { wrapper, filters, i18n }
}

describe('useModuleMessages', () => {
  let english: ReturnType<typeof vi.fn<() => Promise<typeof zh>>>
  beforeEach(() => {
    english = vi.fn(() => Promise.resolve(en))
  })

  it('speaks Chinese without loading the English texts', async () => {
    const { wrapper } = mountWith('zh-CN', english)
    await flushPromises()
    expect(wrapper.text()).toBe('关键指标|3 个站点')
    expect(english).not.toHaveBeenCalled()
  })

  it('shows blanks, not Chinese, until the English texts arrive', async () => {
    let arrive: (m: typeof zh) => void = () => {}
    english.mockImplementation(() => new Promise((resolve) => (arrive = resolve)))
    const { wrapper } = mountWith('en', english)
    expect(wrapper.text()).toBe('|')
    arrive(en)
    await flushPromises()
    expect(wrapper.text()).toBe('Key figures|3 stations')
    expect(english).toHaveBeenCalledTimes(1)
  })

  it('loads English once when the language is switched, and switches back without a request', async () => {
    const { wrapper, filters, i18n } = mountWith('zh-CN', english)
    filters.language = 'en'
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(wrapper.text()).toBe('Key figures|3 stations')
    filters.language = 'zh-CN'
    i18n.global.locale.value = 'zh-CN'
    await flushPromises()
    expect(wrapper.text()).toBe('关键指标|3 个站点')
    filters.language = 'en'
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(wrapper.text()).toBe('Key figures|3 stations')
    expect(english).toHaveBeenCalledTimes(1)
  })

  it('keeps the Chinese texts when the English ones cannot be loaded', async () => {
    english.mockImplementation(() => Promise.reject(new Error('offline')))
    const { wrapper } = mountWith('en', english)
    await flushPromises()
    expect(wrapper.text()).toBe('关键指标|3 个站点')
  })
})
