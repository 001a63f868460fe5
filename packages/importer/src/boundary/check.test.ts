import { describe, expect, it } from 'vitest'
import { checkBoundary, type Township } from './check.ts'

const townships: Township[] = [
  { code: '520523001', name: '西洛街道' },
  { code: '520523108', name: '平坝镇' },
  { code: '520523115', name: '后山镇' },
]
/** A closed square ring at an offset, so features differ. */
const square = (x: number) => [
  [
    [106 + x, 27],
    [106.1 + x, 27],
    [106.1 + x, 27.1],
    [106 + x, 27.1],
    [106 + x, 27],
  ],
]
const feature = (properties: object, geometry: object = { type: 'Polygon', coordinates: square(0) }) => ({
  type: 'Feature',
  properties,
  geometry,
})
const file = (features: object[], extra: object = {}) =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features })
const check = (text: string) => checkBoundary(text, townships, '金沙县')

describe('checkBoundary', () => {
  it('matches features by 9- or 12-digit code, by name, by a county-prefixed name and by GIS field names', () => {
    const result = check(
      file([
        feature({ code: '520523001' }),
        feature({ adcode: 520523108000, name: 'ignored when the code matches' }),
        feature({ XZQMC: ' 金沙县后山镇 ' }, { type: 'MultiPolygon', coordinates: [square(0.2)] }),
      ]),
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.collection.features.map((f) => f.properties)).toEqual(townships)
    expect(result.collection.features[2]!.geometry.type).toBe('MultiPolygon')
    expect(result.missing).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.schematic).toBe(false)
  })

  it('keeps only the geometry and the matched code and name, and reads the schematic mark', () => {
    const result = check(file([feature({ name: '平坝镇', population: 1 })], { schematic: true }))
    expect(result).toMatchObject({ ok: true, schematic: true })
    if (!result.ok) return
    expect(result.collection.features[0]).toEqual({
      type: 'Feature',
      properties: { code: '520523108', name: '平坝镇' },
      geometry: { type: 'Polygon', coordinates: square(0) },
    })
  })

  it('lists townships without a feature and merges several features of one township, as warnings', () => {
    const result = check(
      file([
        feature({ name: '平坝镇' }),
        feature({ code: '520523108' }, { type: 'Polygon', coordinates: square(1) }),
      ]),
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.collection.features).toHaveLength(1)
    expect(result.collection.features[0]!.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [square(0), square(1)],
    })
    expect(result.missing.map((t) => t.name)).toEqual(['西洛街道', '后山镇'])
    expect(result.warnings.map((w) => w.message.zh)).toEqual([
      '要素 #1、#2 都属于平坝镇，已合并为一个区域',
      '2 个乡镇（街道）没有边界，地图上不显示：西洛街道、后山镇',
    ])
  })

  it('names every feature that does not match, in Chinese and English', () => {
    const result = check(
      file([
        feature({ name: '平坝镇' }),
        feature({ name: '不存在镇' }),
        feature({ code: '520523999', name: '后山' }),
        feature({ id: 4 }),
        feature({ code: '520523001', name: '平坝镇' }),
      ]),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.feature, e.label])).toEqual([
      [2, '不存在镇'],
      [3, '520523999 后山'],
      [4, null],
      [5, '520523001 平坝镇'],
    ])
    expect(result.errors[0]!.message).toEqual({
      zh: '与本县（区）的乡镇（街道）都不匹配（名称 不存在镇）',
      en: "Matches none of the county's townships (name 不存在镇)",
    })
    expect(result.errors[2]!.message.en).toMatch(/^No code or name property/)
    expect(result.errors[3]!.message.zh).toBe('代码 520523001 是西洛街道，名称却是平坝镇')
  })

  it('refuses geometry that is not a closed Polygon/MultiPolygon in range, saying where', () => {
    const open = [
      [
        [106, 27],
        [106.1, 27],
        [106.1, 27.1],
        [106, 27.1],
      ],
    ]
    const result = check(
      file([
        feature({ name: '西洛街道' }, { type: 'Point', coordinates: [106, 27] }),
        feature({ name: '平坝镇' }, { type: 'Polygon', coordinates: open }),
        feature(
          { name: '后山镇' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [200, 27],
                [106.1, 27],
                [106.1, 27.1],
                [200, 27],
              ],
            ],
          },
        ),
        { type: 'Topology' },
      ]),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.feature, e.message.zh])).toEqual([
      [1, '几何类型应为 Polygon 或 MultiPolygon [type]'],
      [2, '环未闭合（首尾坐标不同） [coordinates, 0]'],
      [3, '经度应在 -180 到 180 之间 [coordinates, 0, 0, 0]'],
      [4, '不是 GeoJSON 要素（Feature）'],
    ])
    expect(result.errors[1]!.message.en).toBe(
      'A ring is not closed (first and last positions differ) [coordinates, 0]',
    )
  })

  it('refuses a file that is not JSON, not a FeatureCollection, or empty', () => {
    const whole = (text: string) => {
      const result = check(text)
      return result.ok ? null : result.errors.map((e) => [e.feature, e.message.en])
    }
    expect(whole('{"type": "FeatureCollection",')![0]![1]).toMatch(/^The file is not valid JSON: /)
    expect(whole(JSON.stringify(feature({ name: '平坝镇' })))).toEqual([
      [null, 'Expected a GeoJSON FeatureCollection ("type": "FeatureCollection" with a features array)'],
    ])
    expect(whole(file([]))).toEqual([[null, 'The file holds no features']])
    // A byte-order mark (Windows editors write one) is not an error.
    expect(check(`\uFEFF${file([feature({ name: '平坝镇' })])}`).ok).toBe(true)
  })
})
