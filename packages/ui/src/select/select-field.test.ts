import { flushPromises, mount } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { chosenLabel } from './options.ts'
import SelectField from './SelectField.vue'

const years = [2025, 2024, 2023].map((y) => ({ value: y, label: `${y}年` }))

function mountField(props: Record<string, unknown> = {}) {
  return mount(SelectField, {
    props: { modelValue: 2024, options: years, label: '年份', ...props } as never,
    attrs: { class: 'period-picker__year', 'data-testid': 'year' },
    attachTo: document.body,
  })
}

/** The real select, once its code has been imported (a first import takes a while under vitest). */
async function loaded(wrapper: ReturnType<typeof mountField>) {
  await vi.waitFor(() => expect(wrapper.findComponent(ElSelect).exists()).toBe(true), { timeout: 5000 })
  return wrapper.findComponent(ElSelect)
}

beforeEach(() => setActivePinia(createPinia()))

describe('SelectField', () => {
  it('shows the chosen label in a stand-in combobox, without Element Plus, until used', async () => {
    const wrapper = mountField()
    await flushPromises()
    expect(wrapper.findComponent(ElSelect).exists()).toBe(false)
    expect(wrapper.get('.el-select__placeholder').text()).toBe('2024年')
    const input = wrapper.get('input[role=combobox]')
    expect(input.attributes('aria-label')).toBe('年份')
    // The box keeps the class and data attributes the real select gets.
    const box = wrapper.get('.el-select')
    expect(box.classes()).toContain('period-picker__year')
    expect(box.attributes('data-testid')).toBe('year')
    // Pointing at it fetches the code but does not swap (the focus would be lost).
    await wrapper.get('.lazy-field').trigger('pointerenter')
    await flushPromises()
    expect(wrapper.findComponent(ElSelect).exists()).toBe(false)
    wrapper.unmount()
  })

  it('becomes Element Plus’s select on a click, with the model, options and name; its choice comes back', async () => {
    const wrapper = mountField()
    await wrapper.get('.el-select__wrapper').trigger('click')
    const select = await loaded(wrapper)
    expect(select.props('modelValue')).toBe(2024)
    expect(select.attributes('class')).toContain('period-picker__year')
    expect(wrapper.get('input[role=combobox]').attributes('aria-label')).toBe('年份')
    // The click was replayed on it: its list is open.
    await vi.waitFor(() =>
      expect(wrapper.get('input[role=combobox]').attributes('aria-expanded')).toBe('true'),
    )
    select.vm.$emit('update:modelValue', 2023)
    expect(wrapper.emitted('update:modelValue')).toEqual([[2023]])
    wrapper.unmount()
  })

  it('opens on ArrowDown but not on other keys (Space does not open Element Plus’s select)', async () => {
    const wrapper = mountField()
    await wrapper.get('input[role=combobox]').trigger('keydown', { key: 'a', code: 'KeyA' })
    await wrapper.get('input[role=combobox]').trigger('keydown', { key: ' ', code: 'Space' })
    await flushPromises()
    expect(wrapper.findComponent(ElSelect).exists()).toBe(false)
    await wrapper.get('input[role=combobox]').trigger('keydown', { key: 'ArrowDown', code: 'ArrowDown' })
    await loaded(wrapper)
    await nextTick()
    // The real select's combobox has the keyboard.
    expect(document.activeElement?.classList.contains('el-select__input')).toBe(true)
    wrapper.unmount()
  })

  it('renders a multiple select at once', async () => {
    const wrapper = mountField({ modelValue: [2025, 2023], multiple: true })
    expect((await loaded(wrapper)).props('multiple')).toBe(true)
    wrapper.unmount()
  })
})

describe('chosenLabel', () => {
  it('names the chosen option, or several joined, or nothing', () => {
    expect(chosenLabel(years, 2023)).toBe('2023年')
    expect(chosenLabel(years, [2025, 2023])).toBe('2025年、2023年')
    expect(chosenLabel(years, 1999)).toBe('')
  })
})
