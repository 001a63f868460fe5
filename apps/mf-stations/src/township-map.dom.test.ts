// The township map's keyboard announcement and schematic subtitle read in the page's language, its punctuation
// too: full-width ：（） in Chinese only.
import { useFiltersStore } from '@liaison/filters'
import { compileMessage } from '@liaison/ui'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import TownshipMap from './TownshipMap.vue'
import type { Boundary } from './use-boundary.ts'

// The panel is a keyboard stop with a chart that takes the highlight; ECharts itself is not needed here.
vi.mock('@liaison/ui', async (original) => ({
  ...(await original<typeof import('@liaison/ui')>()),
  registerBoundary: async (name: string) => name,
  ChartPanel: {
    name: 'ChartPanel',
    props: ['region'],
    setup(_: unknown, { expose }: { expose: (exposed: Record<string, unknown>) => void }) {
      expose({ chart: { dispatchAction: () => {} } })
      return {}
    },
    template: '<div role="application" tabindex="0"><slot name="footer" /></div>',
  },
  SelectField: { template: '<div />' },
}))

const boundary = {
  geojson: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: '平坝镇' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [106, 27],
              [106.1, 27],
              [106.1, 27.1],
              [106, 27],
            ],
          ],
        },
      },
    ],
  },
  schematic: true,
  uploadedAt: '2025-06-01T00:00:00Z',
  fileName: null,
  missing: [],
} as unknown as Boundary
const rows = [{ name: '平坝镇', area: '520523108', seven_standard_rate: 0.8 }]

async function announced(language: 'zh-CN' | 'en') {
  setActivePinia(createPinia())
  useFiltersStore().apply({ region: '520523', period: '2025', language })
  const i18n = createI18n({ legacy: false, locale: language, messageCompiler: compileMessage })
  const wrapper = mount(TownshipMap, {
    props: {
      rows,
      boundary,
      county: '520523',
      region: language === 'en' ? 'Jinsha' : '金沙县',
      loading: false,
      error: null,
    },
    global: { plugins: [i18n] },
  })
  await flushPromises()
  await wrapper.get('[role=application]').trigger('keydown', { key: 'ArrowRight' })
  return {
    live: wrapper.get('[aria-live]').text(),
    region: wrapper.findComponent({ name: 'ChartPanel' }).props('region'),
  }
}

describe('the township map', () => {
  it('announces a township in Chinese with full-width punctuation', async () => {
    expect(await announced('zh-CN')).toEqual({
      live: '平坝镇：“七有”达标率 80.0%（1/1）',
      region: '金沙县（示意边界）',
    })
  })

  it('announces a township in English with English punctuation', async () => {
    expect(await announced('en')).toEqual({
      live: '平坝镇: Seven-item compliance 80.0% (1/1)',
      region: 'Jinsha (schematic boundary)',
    })
  })
})
