// The station drawer never shows one station's details under another's request, nor after that request failed.
import { useFiltersStore } from '@liaison/filters'
import { compileMessage } from '@liaison/ui'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import StationDrawer from './StationDrawer.vue'

// Element Plus's drawer loads lazily (an async component): the test draws its title and body in place.
vi.mock('@liaison/ui', async (original) => ({
  ...(await original<typeof import('@liaison/ui')>()),
  ElDrawer: { props: ['modelValue', 'title'], template: '<section :data-title="title"><slot /></section>' },
  ChartPanel: { template: '<div />' },
}))

/** /stations/1 answers 民兴街道's station; any other, 503 after `delayMs`. */
function answering(delayMs = 0) {
  return vi.fn(async (url: string) => {
    if (url.startsWith('/api/v1/stations/1?'))
      return new Response(
        JSON.stringify({
          station: { id: 1, name: '民兴街道人大代表联络站', kind: 'station', township_name: '民兴街道' },
          deputies: [],
          monthly: [],
        }),
        { headers: { 'content-type': 'application/json' } },
      )
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    return new Response(
      JSON.stringify({ error: { code: 'unavailable', message: '暂时无法访问', details: null } }),
      {
        status: 503,
        headers: { 'content-type': 'application/json' },
      },
    )
  })
}

/** Every station's details are `station`'s. */
const answeringWith = (station: Record<string, unknown>) =>
  vi.fn(
    async () =>
      new Response(JSON.stringify({ station, deputies: [], monthly: [] }), {
        headers: { 'content-type': 'application/json' },
      }),
  )

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messageCompiler: compileMessage })

describe('the station drawer', () => {
  afterEach(() => vi.unstubAllGlobals())

  it("clears a station's details when another is asked for, and keeps them cleared when that fails", async () => {
    setActivePinia(createPinia())
    useFiltersStore().apply({ period: '2025' })
    vi.stubGlobal('fetch', answering(20))
    const wrapper = mount(StationDrawer, { props: { stationId: 1 }, global: { plugins: [i18n] } })
    await flushPromises()
    expect(wrapper.get('section').attributes('data-title')).toBe('民兴街道人大代表联络站')
    expect(wrapper.find('[data-station-detail]').exists()).toBe(true)
    await wrapper.setProps({ stationId: 2 })
    // While station 2 loads, station 1's name and facts are gone.
    expect(wrapper.get('section').attributes('data-title')).not.toContain('民兴街道')
    expect(wrapper.find('[data-station-detail]').exists()).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 40))
    await flushPromises()
    expect(wrapper.get('[role=alert]').text()).toContain('暂时无法访问')
    expect(wrapper.get('section').attributes('data-title')).not.toContain('民兴街道')
    // Another period: the earlier period's details are gone while the new ones load (its months read as zeros).
    await wrapper.setProps({ stationId: 1 })
    await flushPromises()
    expect(wrapper.find('[data-station-detail]').exists()).toBe(true)
    useFiltersStore().period = '2024'
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[data-station-detail]').exists()).toBe(false)
    await flushPromises()
    expect(wrapper.find('[data-station-detail]').exists()).toBe(true)
  })

  it("shows the API's bilingual message in the page's language only, and follows a switch", async () => {
    setActivePinia(createPinia())
    useFiltersStore().apply({ period: '2025' })
    const message = '无权访问该站点 / Not allowed to see this station'
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: { code: 'forbidden', message, details: null } }), {
            status: 403,
            headers: { 'content-type': 'application/json' },
          }),
      ),
    )
    const wrapper = mount(StationDrawer, { props: { stationId: 9 }, global: { plugins: [i18n] } })
    await flushPromises()
    expect(wrapper.get('[role=alert]').text()).toBe('无权访问该站点')
    useFiltersStore().apply({ language: 'en' })
    await wrapper.vm.$nextTick()
    expect(wrapper.get('[role=alert]').text()).toBe('Not allowed to see this station')
  })

  it('calls a working online station 已开通, with the day it went live: it has no premises to build', async () => {
    setActivePinia(createPinia())
    useFiltersStore().apply({ period: '2025' })
    const online = {
      id: 3,
      name: '金沙县网上人大代表联络站',
      kind: 'online',
      status: 'built',
      built_on: '2021-03-01',
    }
    vi.stubGlobal('fetch', answeringWith(online))
    const wrapper = mount(StationDrawer, { props: { stationId: 3 }, global: { plugins: [i18n] } })
    await flushPromises()
    const facts = wrapper.get('[data-station-detail]').text()
    expect(facts).toContain('状态已开通')
    expect(facts).toContain('开通日期2021年3月1日')
    expect(facts).not.toContain('已建成')
    // Before it went live (a period before 2021) it is 未开通, not 建设中.
    const before = { ...online, status: 'building' }
    vi.stubGlobal('fetch', answeringWith(before))
    await wrapper.setProps({ stationId: 4 })
    await flushPromises()
    expect(wrapper.get('[data-station-detail]').text()).toContain('状态未开通开通日期')
  })
})
