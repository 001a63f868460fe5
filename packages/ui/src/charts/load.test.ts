import { ComponentModel } from 'echarts/core'
import { describe, expect, it } from 'vitest'
import {
  chartsReadyFor,
  loadCharts,
  loadedCharts,
  loadTooltip,
  needsExtras,
  needsMarkers,
  tooltipLoaded,
} from './load.ts'

const trend = { series: [{ type: 'bar' }, { type: 'line' }] }
const donut = { series: [{ type: 'pie' }] }
const planned = { series: [{ type: 'bar', markLine: { data: [{ yAxis: 12 }] } }, { type: 'line' }] }
/** Whether ECharts has a component registered (what setOption would build a model for). */
const registered = (name: string) => ComponentModel.hasClass(name)

describe('ECharts on demand', () => {
  it('tells bars and lines from the charts in the extra registration', () => {
    expect(needsExtras(trend)).toBe(false)
    expect(needsExtras(null)).toBe(false)
    expect(needsExtras(donut)).toBe(true)
    expect(needsExtras({ series: { type: 'funnel' } })).toBe(true)
    expect(needsExtras({ radar: {}, series: [{ type: 'radar' }] })).toBe(true)
    // Small multiples and exported charts carry titles.
    expect(needsExtras({ title: [{ text: 'a' }], series: [{ type: 'bar' }] })).toBe(true)
  })

  it('tells charts with reference lines', () => {
    expect(needsMarkers(planned)).toBe(true)
    expect(needsMarkers(trend)).toBe(false)
    expect(needsMarkers({ series: { type: 'bar', markLine: {} } })).toBe(true)
    expect(needsMarkers(null)).toBe(false)
  })

  it('is not ready before loading, loads bars and lines first, the tooltip when asked, then the extras an option needs', async () => {
    expect(loadedCharts.value).toBeNull()
    expect(chartsReadyFor(trend)).toBe(false)
    const charts = await loadCharts(trend)
    expect(loadedCharts.value).toBe(charts)
    expect(chartsReadyFor(trend)).toBe(true)
    // The tooltip is not part of it: it loads when asked (a pointer on a chart, or a moment after the first).
    expect(registered('tooltip')).toBe(false)
    expect(tooltipLoaded.value).toBe(false)
    expect(loadTooltip()).toBe(loadTooltip())
    await loadTooltip()
    expect(registered('tooltip')).toBe(true)
    expect(tooltipLoaded.value).toBe(true)
    expect(chartsReadyFor(donut)).toBe(false)
    // A second call gives the same registration (one ECharts).
    expect(await loadCharts(donut)).toBe(charts)
    expect(chartsReadyFor(donut)).toBe(true)
  })

  it('registers reference lines only for a chart that draws them', async () => {
    expect(registered('markLine')).toBe(false)
    expect(chartsReadyFor(planned)).toBe(false)
    await loadCharts(planned)
    expect(registered('markLine')).toBe(true)
    expect(chartsReadyFor(planned)).toBe(true)
  })
})
