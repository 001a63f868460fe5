import { describe, expect, it } from 'vitest'
import { framedOption } from '../../panel/chart-export.ts'
import { registerBoundary } from '../boundary.ts'
import { getMap } from '../extras.ts'
import { boundaryAspect, buildMapOption } from './map.ts'

const rows = [
  { township: '520523108', name: '平坝镇', seven_standard_rate: 0.8, stations_built: 6 },
  { township: '520523115', name: '后山镇', seven_standard_rate: null, stations_built: 3 },
]
const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 0.1, y],
    [x + 0.1, y + 0.1],
    [x, y + 0.1],
    [x, y],
  ],
]
const boundary = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: '520523108', name: '平坝镇' },
      geometry: { type: 'Polygon', coordinates: square(106, 27) },
    },
    {
      type: 'Feature',
      properties: { code: '520523115', name: '后山镇' },
      geometry: { type: 'Polygon', coordinates: square(106.1, 27.2) },
    },
  ],
}

describe('township map', () => {
  it('shades the registered map by one figure from a dataset, rates on a 0–100% legend', () => {
    const option = buildMapOption(rows, 'light', {
      locale: 'zh-CN',
      map: 'test-county',
      value: 'seven_standard_rate',
      label: '“七有”达标率',
      unit: 'rate',
      description: '“七有”达标率：最高 平坝镇 80%',
    })
    expect(option.dataset.source).toBe(rows)
    expect(option.series[0]).toMatchObject({
      type: 'map',
      map: 'test-county',
      encode: { itemName: 'name', value: 'seven_standard_rate' },
      preserveAspect: 'contain',
    })
    expect(option.visualMap).toMatchObject({ min: 0, max: 1, dimension: 'seven_standard_rate' })
    expect(option.visualMap.formatter(0.5)).toBe('50.0%')
    // The marker for a township pointed at says its figure as the tooltip does, not the axis' whole percent.
    expect(option.visualMap.formatter(0.797)).toBe('79.7%')
    expect(option.visualMap.text).toEqual(['100%', '0%'])
    expect(option.aria).toMatchObject({
      enabled: true,
      label: { description: '“七有”达标率：最高 平坝镇 80%' },
    })
    // The tooltip names the township and its value; a township without one reads a dash, not NaN.
    const tip = option.tooltip.formatter
    expect(tip({ name: '平坝镇', data: rows[0] })).toBe('平坝镇<br/>“七有”达标率：80.0%')
    expect(tip({ name: '后山镇', data: rows[1] })).toBe('后山镇<br/>“七有”达标率：—')
    expect(tip({ name: '岩孔街道' })).toBe('岩孔街道<br/>“七有”达标率：—')
  })

  it('scales a count legend to the largest township', () => {
    const option = buildMapOption(rows, 'dark', {
      locale: 'en',
      map: 'test-county',
      value: 'stations_built',
      label: 'Stations built',
      unit: 'count',
    })
    expect(option.visualMap).toMatchObject({ min: 0, max: 6, text: ['6', '0'] })
    expect(option.visualMap.inRange.color).toEqual(['#1f3547', '#56B4E9'])
    expect(option.tooltip.formatter({ name: '平坝镇', data: rows[0] })).toBe('平坝镇<br/>Stations built: 6')
  })

  it('registers a boundary with ECharts once per name and keeps the county in shape', async () => {
    expect(await registerBoundary('county-test-1', boundary)).toBe('county-test-1')
    const regions = () => (getMap('county-test-1') as { geoJSON: typeof boundary }).geoJSON.features
    expect(regions().map((f) => f.properties.name)).toEqual(['平坝镇', '后山镇'])
    // A second call under the same name does not register again (a new upload comes with a new name).
    await registerBoundary('county-test-1', { ...boundary, features: [] })
    expect(regions()).toHaveLength(2)
    expect(boundaryAspect(boundary)).toBeCloseTo(Math.cos((27.15 * Math.PI) / 180), 6)
  })

  it('exports framed: the map and its legend move between the header and the footer', () => {
    const option = buildMapOption(rows, 'light', {
      locale: 'zh-CN',
      map: 'test-county',
      value: 'stations_built',
      label: '已建成站室',
      unit: 'count',
    })
    const frame = {
      title: '乡镇（街道）地图',
      subtitle: '金沙县 · 2025年',
      footer: ['口径：…', '数据来源：…'],
      background: '#fff',
      textColour: '#000',
      mutedColour: '#666',
    }
    const framed = framedOption(option, frame) as typeof option
    // 64 px of title on top; two 22 px footer lines and 8 px below.
    expect(framed.series[0]).toMatchObject({ type: 'map', top: 8 + 64, bottom: 8 + 52, left: 64 })
    expect(framed.visualMap).toMatchObject({ left: 0, bottom: 52 })
    expect(framed.visualMap).not.toHaveProperty('top')
    expect(option.series[0]).toMatchObject({ top: 8, bottom: 8 })
  })
})
