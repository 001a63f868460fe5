import { describe, expect, it } from 'vitest'
import { averageLabel, nationCode } from './areas.ts'

describe('averageLabel', () => {
  it('names the reference row after the region, as the summary says 全县, 全市 or 全区', () => {
    const zh = (code: string, name: string) => averageLabel(code, name).zh
    expect(zh('520523', '金沙县')).toBe('县均')
    expect(zh('532503', '蒙自市')).toBe('市均')
    expect(zh('520203', '六枝特区')).toBe('区均')
    expect(zh('5226', '黔东南苗族侗族自治州')).toBe('州均')
    expect(zh('52', '贵州省')).toBe('省均')
    // The nation and a township by their own words.
    expect(zh(nationCode, '全国')).toBe('全国平均')
    expect(zh('520523108', '平坝镇')).toBe('乡镇均')
    expect(averageLabel('532503', '蒙自市').en).toBe('County average')
  })
})
