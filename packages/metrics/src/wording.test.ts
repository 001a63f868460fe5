import { describe, expect, it } from 'vitest'
import { previousPeriod } from './period.ts'
import {
  count,
  countChangeZh,
  countOf,
  dateEn,
  percent,
  periodEn,
  periodZh,
  rateChangeZh,
  yuanZh,
} from './wording.ts'

describe('Chinese number forms', () => {
  it('writes counts, rates and money as a county report does', () => {
    expect(count(1259)).toBe('1,259')
    expect(countOf(1, 'opinion was', 'opinions were')).toBe('1 opinion was')
    expect(countOf(1259, 'opinion was', 'opinions were')).toBe('1,259 opinions were')
    expect(countOf(0, 'opinion', 'opinions')).toBe('0 opinions')
    expect(percent(680 / 853)).toBe('79.7%')
    expect(percent(1)).toBe('100%')
    expect(percent(0.9996)).toBe('99.9%') // never rounded up to 100%
    expect(percent(0.00001)).toBe('0.1%') // never rounded down to nothing
    expect(percent(0)).toBe('0%')
    // As the dashboard rounds it (formatRate): 37 of 2,000 is 1.85%, 1.9%, never 1.8% in the report.
    expect(percent(37 / 2000)).toBe('1.9%')
    expect(percent(0.0295)).toBe('3%')
    expect(yuanZh(370_000)).toBe('37万元')
    expect(yuanZh(4_610_000)).toBe('461万元')
    expect(yuanZh(12_345)).toBe('1.23万元')
    // Thousands grouped in 万, and 亿 from a hundred million up (a nation's allocations read 115778.5万元).
    expect(yuanZh(12_345_678)).toBe('1,234.57万元')
    expect(yuanZh(1_157_785_000)).toBe('11.58亿元')
    expect(yuanZh(8_925_800_000)).toBe('89.26亿元')
    expect(yuanZh(99_999_999)).toBe('1亿元')
    expect(yuanZh(9_999.6)).toBe('1万元')
    expect(yuanZh(8_500)).toBe('8,500元')
  })

  it('words changes with the right sign, and none without a base', () => {
    expect(rateChangeZh(0.032, 'yoy')).toBe('同比提高3.2个百分点')
    expect(rateChangeZh(-0.01, 'mom')).toBe('环比下降1个百分点')
    expect(rateChangeZh(0.0001, 'yoy')).toBe('同比持平')
    expect(countChangeZh(0.123, 'yoy')).toBe('同比增长12.3%')
    expect(countChangeZh(-0.04, 'yoy')).toBe('同比下降4%')
    expect(countChangeZh(null, 'yoy')).toBe('')
    // As the card rounds them: −1/80 is 下降1.3%, 1.85 points are 1.9; a rise of 99.96 % is 100 %, not capped.
    expect(countChangeZh(-1 / 80, 'yoy')).toBe('同比下降1.3%')
    expect(rateChangeZh(0.0185, 'yoy')).toBe('同比提高1.9个百分点')
    expect(countChangeZh(0.9996, 'yoy')).toBe('同比增长100%')
  })
})

describe('the comparison period', () => {
  it('year on year is the same span a year earlier', () => {
    expect(previousPeriod('2023-01-01', '2023-12-31', 'yoy')).toEqual({
      from: '2022-01-01',
      to: '2022-12-31',
    })
    expect(previousPeriod('2024-01-01', '2024-02-29', 'yoy')).toEqual({
      from: '2023-01-01',
      to: '2023-02-28',
    })
  })
  it('year on year, a range of more than a year compares with the same span years earlier, not overlapping', () => {
    expect(previousPeriod('2023-01-01', '2025-12-31', 'yoy')).toEqual({
      from: '2020-01-01',
      to: '2022-12-31',
    })
    expect(previousPeriod('2024-01-01', '2025-01-31', 'yoy')).toEqual({
      from: '2022-01-01',
      to: '2023-01-31',
    })
    expect(previousPeriod('2022-03-01', '2023-02-28', 'yoy')).toEqual({
      from: '2021-03-01',
      to: '2022-02-28',
    })
  })
  it('month on month is the span just before: whole months by months, else by days', () => {
    expect(previousPeriod('2023-03-01', '2023-03-31', 'mom')).toEqual({
      from: '2023-02-01',
      to: '2023-02-28',
    })
    expect(previousPeriod('2023-04-01', '2023-06-30', 'mom')).toEqual({
      from: '2023-01-01',
      to: '2023-03-31',
    })
    expect(previousPeriod('2023-03-10', '2023-03-19', 'mom')).toEqual({
      from: '2023-02-28',
      to: '2023-03-09',
    })
  })
})

describe('English dates', () => {
  it('writes dates and periods as English prose does, not as ISO keys', () => {
    expect(dateEn('2025-12-31')).toBe('31 December 2025')
    expect(dateEn('2024-02-29')).toBe('29 February 2024')
    expect(periodEn('2025-01-01', '2025-12-31')).toBe('In 2025')
    expect(periodEn('2025-07-01', '2025-09-30')).toBe('In Q3 2025')
    expect(periodEn('2025-06-01', '2025-06-30')).toBe('In June 2025')
    expect(periodEn('2024-02-01', '2024-02-29')).toBe('In February 2024')
    expect(periodEn('2025-07-01', '2025-08-31')).toBe('From 1 July 2025 to 31 August 2025')
    expect(periodEn('2025-06-02', '2025-06-30')).toBe('From 2 June 2025 to 30 June 2025')
    expect(periodZh('2025-04-01', '2025-06-30')).toBe('2025年第2季度')
    expect(periodZh('2025-06-01', '2025-06-30')).toBe('2025年6月')
    expect(periodZh('2025-06-01', '2025-06-29')).toBe('2025年6月1日至6月29日')
    expect(periodZh('2024-07-01', '2025-06-30')).toBe('2024年7月1日至2025年6月30日')
  })
})
