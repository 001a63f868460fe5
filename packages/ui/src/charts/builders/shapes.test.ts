// The station radar: its tooltip says each figure as the rest of the page does, and a missing figure is missing.
import { describe, expect, it } from 'vitest'
import { drawnTexts } from '../drawn.testing.ts'
import { buildRadarOption } from './shapes.ts'

const stations = [
  { name: '民兴街道<站>', receptions: 1234, satisfaction_rate: 20 / 21 },
  // No opinion evaluated yet: no satisfaction rate, not 0 %.
  { name: '后山镇', receptions: 7, satisfaction_rate: null },
]
const radar = (locale: 'zh-CN' | 'en') =>
  buildRadarOption(stations, 'light', {
    locale,
    nameKey: 'name',
    indicators: [
      { key: 'receptions', name: locale === 'en' ? 'Activities' : '接待走访活动', max: 2000 },
      { key: 'satisfaction_rate', name: locale === 'en' ? 'Satisfaction' : '满意率', max: 1, unit: 'rate' },
    ],
  })
type Tip = (p: { dataIndex: number; marker?: string }) => string
const tip = (locale: 'zh-CN' | 'en', dataIndex: number) =>
  (radar(locale).tooltip as { formatter?: Tip }).formatter?.({ dataIndex, marker: '●' })

describe('the station radar', () => {
  it("says each station's figures in their units and the page's language, a missing one as a dash", () => {
    expect(tip('zh-CN', 0)).toBe('●民兴街道&#60;站&#62;<br/>接待走访活动：1,234<br/>满意率：95.2%')
    expect(tip('zh-CN', 1)).toBe('●后山镇<br/>接待走访活动：7<br/>满意率：—')
    expect(tip('en', 0)).toBe('●民兴街道&#60;站&#62;<br/>Activities: 1,234<br/>Satisfaction: 95.2%')
    expect(tip('en', 1)).toBe('●后山镇<br/>Activities: 7<br/>Satisfaction: —')
  })

  it('gives ECharts no value where a station has none, so that it is not drawn as 0', () => {
    const option = radar('zh-CN')
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([
      [1234, 20 / 21],
      [7, '-'],
    ])
    // Drawn by ECharts (server-side SVG) with each point's value written beside it: 后山镇's satisfaction is no
    // point with a 0, only its activities' 7.
    const labelled = {
      ...option,
      series: [{ ...option.series[0]!, label: { show: true } }],
      legend: { show: false },
    }
    const texts = drawnTexts(labelled, 400, 400)
    expect(texts).toContain('7')
    expect(texts).not.toContain('0')
  })
})
