// 目标 · plans: one row per year of the county; keyed by the year.
import { parseShare, roundTo } from '../values.ts'
import { names, type Register } from './types.ts'

export const plans: Register = {
  kind: 'plans',
  sheetName: /目标|计划|规划|plan/i,
  table: 'plans',
  idColumn: 'year',
  keyLabel: '年度',
  columns: [
    { key: 'year', names: names('年度', '年份', 'year'), required: true },
    { key: 'stations', names: names('规划联络站', '规划联络站(个)', '联络站目标', 'stations_target') },
    { key: 'rooms', names: names('规划联络室', '规划联络室(个)', '联络室目标', 'rooms_target') },
    { key: 'share', names: names('述职目标比例', '述职比例', 'reportback_share') },
    { key: 'budget', names: names('专项资金预算', '专项资金预算(元)', '专项资金预算(万元)', 'fund_budget') },
  ],
  toRow(r, _lookups, county) {
    const year = r.count('year', true)
    if (year !== null && (year < 2000 || year > 2100))
      r.bad('year', '年度应在2000至2100之间', 'Year must be 2000–2100')
    const stationsTarget = r.count('stations')
    const roomsTarget = r.count('rooms')
    const written = parseShare(r.raw('share'))
    // numeric(5, 4): rounded as stored, so that the same file again is unchanged.
    const share = written === null ? null : roundTo(written, 4)
    if (share !== null && (Number.isNaN(share) || share < 0 || share > 1))
      r.bad('share', '比例应在0到100%之间', 'Share must be 0–100%')
    const budget = r.money('budget')
    if (r.failed) return null
    return {
      county_code: county,
      year,
      stations_target: stationsTarget,
      rooms_target: roomsTarget,
      reportback_share: share,
      fund_budget: budget,
    }
  },
  sources: {
    stations_target: ['stations'],
    rooms_target: ['rooms'],
    reportback_share: ['share'],
    fund_budget: ['budget'],
  },
  keyColumns: () => ['county_code', 'year'],
  uniqueKey: () => true,
}
