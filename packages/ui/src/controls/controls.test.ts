import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import SegmentedControl from './SegmentedControl.vue'
import ToggleSwitch from './ToggleSwitch.vue'

describe('ToggleSwitch', () => {
  it('is a checkbox with role switch, named by its label, that toggles its model', async () => {
    const wrapper = mount(ToggleSwitch, { props: { modelValue: false }, slots: { default: '深色' } })
    const input = wrapper.get('input[role=switch]')
    expect(wrapper.get('label').text()).toBe('深色')
    expect(wrapper.find('.el-switch.is-checked').exists()).toBe(false)
    await input.setValue(true)
    expect(wrapper.emitted('update:modelValue')).toEqual([[true]])
    await wrapper.setProps({ modelValue: true })
    expect(wrapper.find('.el-switch.is-checked').exists()).toBe(true)
    expect((input.element as HTMLInputElement).checked).toBe(true)
  })
})

describe('SegmentedControl', () => {
  const options = [
    { value: 'yoy', label: '同比' },
    { value: 'mom', label: '环比' },
    { value: 'none', label: '不对比' },
  ]
  it('is one named radio group; choosing a button sets the model and marks it active', async () => {
    const wrapper = mount(SegmentedControl, { props: { modelValue: 'yoy', options, label: '对比' } })
    expect(wrapper.get('[role=radiogroup]').attributes('aria-label')).toBe('对比')
    const radios = wrapper.findAll('input[type=radio]')
    expect(new Set(radios.map((r) => r.attributes('name'))).size).toBe(1)
    expect(wrapper.get('.is-active').text()).toBe('同比')
    await radios[1]!.setValue(true)
    expect(wrapper.emitted('update:modelValue')).toEqual([['mom']])
    await wrapper.setProps({ modelValue: 'mom' })
    expect(wrapper.get('.is-active').text()).toBe('环比')
  })
})
