import { describe, expect, it } from 'vitest'
import { chartsReadyFor, loadCharts, loadedCharts, needsExtras } from './load.ts'

const trend = { series: [{ type: 'bar' }, { type: 'line' }] }
const donut = { series: [{ type: 'pie' }] }

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

  it('is not ready before loading, loads bars and lines first, then the extras an option needs', async () => {
    expect(loadedCharts.value).toBeNull()
    expect(chartsReadyFor(trend)).toBe(false)
    const charts = await loadCharts(trend)
    expect(loadedCharts.value).toBe(charts)
    expect(chartsReadyFor(trend)).toBe(true)
    expect(chartsReadyFor(donut)).toBe(false)
    // A second call gives the same registration (one ECharts).
    expect(await loadCharts(donut)).toBe(charts)
    expect(chartsReadyFor(donut)).toBe(true)
  })
})
