// The county map's boundary request: a failure is said in the page's language, not as the API's "中文 / English".
import { useFiltersStore } from '@liaison/filters'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { useBoundary } from './use-boundary.ts'

afterEach(() => vi.unstubAllGlobals())

describe('the county boundary', () => {
  it("shows the half of the API's message in the page's language, and follows a switch", async () => {
    setActivePinia(createPinia())
    useFiltersStore().apply({ region: '520523', period: '2025' })
    const message = '数据库暂不可用，请稍后重试 / Database unavailable'
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error: { message } }), { status: 503 })),
    )
    let state: ReturnType<typeof useBoundary> | undefined
    mount(
      defineComponent({
        setup() {
          state = useBoundary()
          return () => h('div')
        },
      }),
    )
    await flushPromises()
    expect(state!.error.value).toBe('数据库暂不可用，请稍后重试')
    useFiltersStore().apply({ language: 'en' })
    expect(state!.error.value).toBe('Database unavailable')
  })
})
