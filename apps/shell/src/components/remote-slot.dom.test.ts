// A module's slot shows the module last chosen: one chosen before it, still loading, does not take its place.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { type Component, defineComponent, h } from 'vue'
import { i18n } from '../i18n.ts'
import RemoteSlot from './RemoteSlot.vue'

/** Each module's code arrives, or fails to, when the test says so. */
const arriving = new Map<string, { resolve: (module: Component) => void; reject: (cause: Error) => void }>()
vi.mock('../remotes.ts', () => ({
  loadModule: (module: { name: string }) =>
    new Promise<Component>((resolve, reject) => arriving.set(module.name, { resolve, reject })),
}))

const module = (name: string) => ({
  name,
  entry: `/modules/${name}/mf-manifest.json`,
  title: { zh: name, en: name },
})
const drawing = (name: string) => defineComponent({ render: () => h('p', { 'data-drawn': name }, name) })

describe('a module slot', () => {
  it('ignores a module that arrives after another was chosen', async () => {
    setActivePinia(createPinia())
    const wrapper = mount(RemoteSlot, { props: { module: module('overview') }, global: { plugins: [i18n] } })
    // 县域总览 is still loading when 站点建设与对比 is chosen; 站点 arrives first, 总览 last.
    await wrapper.setProps({ module: module('stations') })
    arriving.get('stations')!.resolve(drawing('stations'))
    await flushPromises()
    arriving.get('overview')!.resolve(drawing('overview'))
    await flushPromises()
    expect(wrapper.get('[data-drawn]').attributes('data-drawn')).toBe('stations')
    expect(wrapper.attributes('data-state')).toBe('ready')
  })

  it("shows no error of a module no longer chosen, nor stops the chosen one's loading", async () => {
    setActivePinia(createPinia())
    const wrapper = mount(RemoteSlot, { props: { module: module('funding') }, global: { plugins: [i18n] } })
    await wrapper.setProps({ module: module('opinions') })
    // The first module's code fails after the second was chosen.
    arriving.get('funding')!.reject(new Error('funding unreachable'))
    await flushPromises()
    expect(wrapper.attributes('data-state')).toBe('loading')
    arriving.get('opinions')!.resolve(drawing('opinions'))
    await flushPromises()
    expect(wrapper.get('[data-drawn]').attributes('data-drawn')).toBe('opinions')
  })
})
