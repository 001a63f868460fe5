import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import LazyMenu from './LazyMenu.vue'

// A stand-in for an Element Plus dropdown: it wraps the trigger and records what reaches it.
const seen: string[] = []
const FakeDropdown = defineComponent({
  props: { title: String },
  setup(props, { slots }) {
    return () =>
      h(
        'div',
        {
          class: 'fake-dropdown',
          'data-title': props.title,
          onClick: () => seen.push('click'),
          onKeydown: (e: KeyboardEvent) => seen.push(`keydown:${e.code}`),
        },
        slots.default?.({ busy: false }),
      )
  },
})

function mountMenu() {
  seen.length = 0
  const load = vi.fn(async () => ({ default: FakeDropdown }))
  const wrapper = mount(LazyMenu, {
    props: { menu: load, title: '月度趋势' } as never,
    slots: { default: '<button type="button" class="trigger">导出 ▾</button>' },
    attachTo: document.body,
  })
  return { wrapper, load }
}

beforeEach(() => setActivePinia(createPinia()))

describe('LazyMenu', () => {
  it('renders only the trigger until used; focusing it fetches the menu, using it renders the menu', async () => {
    const { wrapper, load } = mountMenu()
    expect(load).not.toHaveBeenCalled()
    expect(wrapper.find('.fake-dropdown').exists()).toBe(false)
    ;(wrapper.get('.trigger').element as HTMLElement).focus()
    await flushPromises()
    // Fetched, not rendered: the focused button stays where it is.
    expect(load).toHaveBeenCalledTimes(1)
    expect(wrapper.find('.fake-dropdown').exists()).toBe(false)
    expect(document.activeElement?.classList.contains('trigger')).toBe(true)
    await wrapper.get('.trigger').trigger('click')
    await flushPromises()
    expect(load).toHaveBeenCalledTimes(1)
    // The attributes go to the loaded menu; the trigger is inside it.
    expect(wrapper.get('.fake-dropdown').attributes('data-title')).toBe('月度趋势')
    expect(wrapper.find('.fake-dropdown .trigger').exists()).toBe(true)
    wrapper.unmount()
  })

  it('replays Enter on the loaded trigger, focused, so the keyboard lands in the menu', async () => {
    const { wrapper, load } = mountMenu()
    await wrapper.get('.trigger').trigger('keydown', { key: 'Enter', code: 'Enter' })
    await flushPromises()
    expect(load).toHaveBeenCalledTimes(1)
    expect(seen).toEqual(['keydown:Enter'])
    expect(document.activeElement?.classList.contains('trigger')).toBe(true)
    wrapper.unmount()
  })

  it('replays a click, and ignores keys that do not open a menu', async () => {
    const { wrapper, load } = mountMenu()
    await wrapper.get('.trigger').trigger('keydown', { key: 'a', code: 'KeyA' })
    await flushPromises()
    expect(load).not.toHaveBeenCalled()
    await wrapper.get('.trigger').trigger('click')
    await flushPromises()
    expect(seen).toEqual(['click'])
    wrapper.unmount()
  })

  it('replays only the last of several uses made while loading, and nothing once the focus has moved on', async () => {
    seen.length = 0
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const load = vi.fn(async () => {
      await gate
      return { default: FakeDropdown }
    })
    const wrapper = mount(LazyMenu, {
      props: { menu: load } as never,
      slots: { default: '<button type="button" class="trigger">导出 ▾</button>' },
      attachTo: document.body,
    })
    ;(wrapper.get('.trigger').element as HTMLElement).focus()
    await wrapper.get('.trigger').trigger('click')
    await wrapper.get('.trigger').trigger('keydown', { key: 'Enter', code: 'Enter' })
    release()
    await flushPromises()
    expect(load).toHaveBeenCalledTimes(1)
    // A toggle replayed twice would open and close it again.
    expect(seen).toEqual(['keydown:Enter'])
    wrapper.unmount()

    seen.length = 0
    let release2: () => void = () => {}
    const gate2 = new Promise<void>((resolve) => (release2 = resolve))
    const other = document.createElement('button')
    document.body.appendChild(other)
    const second = mount(LazyMenu, {
      props: {
        menu: async () => {
          await gate2
          return { default: FakeDropdown }
        },
      } as never,
      slots: { default: '<button type="button" class="trigger">导出 ▾</button>' },
      attachTo: document.body,
    })
    await second.get('.trigger').trigger('click')
    other.focus() // tabbed away while the code loaded
    release2()
    await flushPromises()
    expect(second.find('.fake-dropdown').exists()).toBe(true)
    expect(seen).toEqual([])
    expect(document.activeElement).toBe(other)
    second.unmount()
    other.remove()
  })

  it('says in the page language when the code cannot be fetched, and tries again on the next use', async () => {
    const load = vi.fn(async () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    const wrapper = mount(LazyMenu, {
      props: { menu: load } as never,
      slots: { default: '<button type="button" class="trigger">导出 ▾</button>' },
      attachTo: document.body,
    })
    // Element Plus's toast, or the browser's alert where even that cannot be loaded.
    const alert = vi.fn()
    vi.stubGlobal('alert', alert)
    const shown = () => `${document.body.textContent} ${alert.mock.calls.flat().join(' ')}`
    await wrapper.get('.trigger').trigger('click')
    // The toast loads Element Plus, which the dom project transforms on first use: 15 s was not enough once in CI
    // on a slow, loaded machine.
    await vi.waitFor(() => expect(shown()).toContain('控件加载失败，请检查网络后重试'), { timeout: 60_000 })
    await wrapper.get('.trigger').trigger('click')
    await flushPromises()
    expect(load).toHaveBeenCalledTimes(2)
    vi.unstubAllGlobals()
    wrapper.unmount()
  }, 70_000)
})
