import { useFiltersStore } from '@liaison/filters'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { prefetchModuleData, useModuleData } from './use-module-data.ts'

// The network is the browser's; here a fake fetch records each request and answers with its own URL.
const requests: string[] = []
beforeEach(() => {
  requests.length = 0
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      requests.push(url)
      return new Response(JSON.stringify({ url, n: requests.length }), { status: 200 })
    }),
  )
  setActivePinia(createPinia())
  useFiltersStore().apply({ region: '520523', period: '2025', compare: 'yoy' })
})
afterEach(() => vi.unstubAllGlobals())

function mountModule(name: string) {
  let state: ReturnType<typeof useModuleData<{ url: string; n: number }>> | undefined
  mount(
    defineComponent({
      setup() {
        state = useModuleData(name)
        return () => h('div')
      },
    }),
  )
  return state!
}

const url = (name: string) =>
  `/api/v1/modules/${name}/data?region=520523&from=2025-01-01&to=2025-12-31&compare=yoy`

describe('a module request started early', () => {
  it("is the module's first load: one request, its answer", async () => {
    prefetchModuleData('overview', useFiltersStore().scopeQuery)
    prefetchModuleData('overview', useFiltersStore().scopeQuery)
    expect(requests).toEqual([url('overview')])
    const state = mountModule('overview')
    await flushPromises()
    expect(requests).toEqual([url('overview')])
    expect(state.data.value).toEqual({ url: url('overview'), n: 1 })
    // Taken once: a reload asks the API again.
    await state.reload()
    expect(requests).toEqual([url('overview'), url('overview')])
    expect(state.data.value?.n).toBe(2)
  })

  it('is not used for another scope or another module', async () => {
    prefetchModuleData('overview', { ...useFiltersStore().scopeQuery, region: '520500' })
    const state = mountModule('overview')
    const stations = mountModule('stations')
    await flushPromises()
    expect(requests).toHaveLength(3)
    expect(state.data.value?.url).toBe(url('overview'))
    expect(stations.data.value?.url).toBe(url('stations'))
  })
})

describe('a failed module request', () => {
  const failWith = (answer: () => Promise<Response>) => vi.stubGlobal('fetch', vi.fn(answer))

  it("says the server cannot be reached in the page's language, not the browser's", async () => {
    failWith(() => Promise.reject(new TypeError('Failed to fetch')))
    const zh = mountModule('overview')
    await flushPromises()
    expect(zh.error.value).toBe('请检查网络后重试')
    // A message already shown follows a language switch, without asking the server again.
    useFiltersStore().apply({ language: 'en' })
    expect(zh.error.value).toBe('check the connection and try again')
    await zh.reload()
    expect(zh.error.value).toBe('check the connection and try again')
    expect(zh.data.value).toBeNull()
  })

  it("keeps the API's own message for an answer with an error", async () => {
    failWith(
      async () => new Response(JSON.stringify({ error: { message: '无权查看该地区' } }), { status: 403 }),
    )
    const state = mountModule('overview')
    await flushPromises()
    expect(state.error.value).toBe('无权查看该地区')
  })

  it("shows the half of the API's bilingual message in the page's language, and follows a switch", async () => {
    failWith(
      async () =>
        new Response(
          JSON.stringify({ error: { message: '数据库暂不可用，请稍后重试 / Database unavailable' } }),
          {
            status: 503,
          },
        ),
    )
    const state = mountModule('overview')
    await flushPromises()
    expect(state.error.value).toBe('数据库暂不可用，请稍后重试')
    useFiltersStore().apply({ language: 'en' })
    expect(state.error.value).toBe('Database unavailable')
  })
})
