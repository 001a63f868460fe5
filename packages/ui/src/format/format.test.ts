import { describe, expect, it } from 'vitest'
import { formatDateTime } from './date-time.ts'
import {
  beijingDay,
  changeTone,
  formatChange,
  formatDate,
  formatNumber,
  formatRate,
  formatValue,
  formatYuan,
} from './index.ts'

describe('formatting', () => {
  it('writes large numbers with 万 and 亿 in Chinese, K/M in English', () => {
    expect(formatNumber(12600, 'zh-CN', { compact: true })).toBe('1.26万')
    expect(formatNumber(5_000_000, 'zh-CN', { compact: true })).toBe('500万')
    expect(formatNumber(123_456_789, 'zh-CN', { compact: true })).toBe('1.23亿')
    expect(formatNumber(9999, 'zh-CN', { compact: true })).toBe('9,999')
    expect(formatNumber(12600, 'en', { compact: true })).toBe('12.6K')
    // A K is a tenth of a 万: one decimal fewer, the same precision in both languages.
    expect(formatNumber(12_345, 'en', { compact: true })).toBe('12.3K')
    expect(formatYuan(520_000, 'en', { compact: true, fixed: true })).toBe('¥520.0K')
    expect(formatYuan(520_000, 'zh-CN', { compact: true, fixed: true })).toBe('¥52.00万')
    expect(formatYuan(448_200, 'en', { compact: true, fixed: true })).toBe('¥448.2K')
    expect(formatYuan(5_500_000, 'en', { compact: true, fixed: true })).toBe('¥5.50M')
    // Under ten thousand, the whole figure in both languages (people received: 1,536, not 1.54K).
    expect(formatNumber(1536, 'en', { compact: true })).toBe('1,536')
    expect(formatNumber(9999, 'en', { compact: true })).toBe('9,999')
    expect(formatNumber(1259, 'en')).toBe('1,259')
    expect(formatNumber(null, 'en')).toBe('—')
  })

  it('keeps each precision its own, however the calls interleave (formatters are reused)', () => {
    const calls = [0, 2, 1, 0, 2].map((digits) => formatNumber(1234.567, 'zh-CN', { digits }))
    expect(calls).toEqual(['1,235', '1,234.57', '1,234.6', '1,235', '1,234.57'])
    expect(formatNumber(1234.5, 'en', { digits: 0 })).toBe('1,235')
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5')
  })

  it('never rounds a rate up to 100% or down to 0%', () => {
    expect(formatRate(0.9996)).toBe('99.9%')
    expect(formatRate(1)).toBe('100%')
    expect(formatRate(0.797)).toBe('79.7%')
    expect(formatRate(0.0004)).toBe('0.1%')
    expect(formatRate(0)).toBe('0%')
    expect(formatRate(680 / 853)).toBe('79.7%')
    // Rounded as the Word report rounds it: 37 of 2,000 is 1.85%, which both show as 1.9%.
    expect(formatRate(37 / 2000)).toBe('1.9%')
    expect(formatRate(0.0295)).toBe('3.0%')
  })

  it('formats money in yuan', () => {
    expect(formatYuan(370_000, 'zh-CN', { compact: true })).toBe('¥37万')
    expect(formatYuan(5_000_000, 'en')).toBe('¥5,000,000')
    expect(formatYuan(4_610_000, 'en', { compact: true })).toBe('¥4.61M')
    expect(formatYuan(14_230.8, 'zh-CN')).toBe('¥14,231')
    expect(formatYuan(448_200, 'zh-CN', { compact: true })).toBe('¥44.82万')
    // Side by side (the KPI cards), one precision.
    expect(formatYuan(520_000, 'zh-CN', { compact: true, fixed: true })).toBe('¥52.00万')
    expect(formatYuan(5_500_000, 'en', { compact: true, fixed: true })).toBe('¥5.50M')
    expect(formatYuan(9_999, 'zh-CN', { compact: true, fixed: true })).toBe('¥9,999')
    // Thousands of 万 are grouped like any other figure (the national funding KPI read ¥1850.00万).
    expect(formatYuan(18_500_000, 'zh-CN', { compact: true, fixed: true })).toBe('¥1,850.00万')
    expect(formatYuan(12_000_000, 'zh-CN', { compact: true })).toBe('¥1,200万')
    expect(formatNumber(-12_345_000, 'zh-CN', { compact: true })).toBe('-1,234.5万')
    expect(formatValue(0.074, 'rate', 'zh-CN')).toBe('7.4%')
    expect(formatValue(12.5, 'days', 'zh-CN')).toBe('12.5 天')
  })

  it('writes rate changes in percentage points and count changes relatively', () => {
    expect(formatChange(0.032, 'rate', 'zh-CN')).toEqual({ text: '+3.2 个百分点', direction: 'up' })
    expect(formatChange(-0.032, 'rate', 'en')).toEqual({ text: '-3.2 pp', direction: 'down' })
    expect(formatChange(0.1234, 'count', 'zh-CN').text).toBe('+12.3%')
    expect(formatChange(null, 'count', 'zh-CN').direction).toBe('flat')
    // A fall rounds as a rise does (−1/80 is −1.25 %), and one too small to show is no change.
    expect(formatChange(-1 / 80, 'count', 'zh-CN')).toEqual({ text: '-1.3%', direction: 'down' })
    expect(formatChange(-0.0185, 'rate', 'zh-CN').text).toBe('-1.9 个百分点')
    expect(formatChange(-0.0004, 'count', 'zh-CN')).toEqual({ text: '0.0%', direction: 'flat' })
    expect(changeTone('up', false)).toBe('bad')
    expect(changeTone('down', false)).toBe('good')
    expect(changeTone('up', null)).toBe('neutral')
  })

  it('formats dates', () => {
    expect(formatDate('2025-03-05', 'zh-CN')).toBe('2025年3月5日')
    expect(formatDate('2025-03-05', 'en')).toBe('5 Mar 2025')
    // Stored in UTC, read in Beijing time: 02:05 UTC on the 23rd is 10:05 there.
    expect(formatDateTime('2026-11-23T02:05:31Z', 'zh-CN')).toBe('2026/11/23 10:05:31')
    expect(formatDateTime('2026-11-22T20:00:00Z', 'en')).toBe('11/23/2026, 04:00:00')
    expect(formatDateTime('2026-11-22T16:01:00Z', 'zh-CN')).toBe('2026/11/23 00:01:00')
    expect(formatDateTime('2026-11-22T16:01:00Z', 'en')).toBe('11/23/2026, 00:01:00')
    expect(formatDateTime(null, 'en')).toBe('—')
  })

  it('dates a moment by the day in Beijing, which starts at 16:00 UTC', () => {
    expect(beijingDay(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29')
    expect(beijingDay(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30')
    expect(formatDate(beijingDay(new Date('2026-12-31T16:30:00Z')), 'zh-CN')).toBe('2027年1月1日')
  })
})
