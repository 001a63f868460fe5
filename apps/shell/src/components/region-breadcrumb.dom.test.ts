// The breadcrumb's landmark is named in the page's language, as a screen reader announces it.
import type { RegionNode } from '@liaison/contracts'
import { useFiltersStore } from '@liaison/filters'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { i18n, showLanguage } from '../i18n.ts'
import { useSessionStore } from '../session.ts'
import RegionBreadcrumb from './RegionBreadcrumb.vue'

const node = (code: string, name: string, level: RegionNode['level'], children: RegionNode[] = []) =>
  ({ code, name, level, children }) as RegionNode

describe('the region breadcrumb', () => {
  it('names its landmark in Chinese, and in English once English is chosen', async () => {
    setActivePinia(createPinia())
    useSessionStore().regions = [
      node('520523', '金沙县', 'county', [node('520523100', '后山镇', 'township')]),
    ]
    useFiltersStore().apply({ region: '520523100', period: '2025' })
    const wrapper = mount(RegionBreadcrumb, { global: { plugins: [i18n] } })
    expect(wrapper.get('nav').attributes('aria-label')).toBe('当前位置')
    await showLanguage('en')
    await wrapper.vm.$nextTick()
    expect(wrapper.get('nav').attributes('aria-label')).toBe('Breadcrumb')
    await showLanguage('zh-CN')
  })
})
