// 接待记录 · receptions (../shared/import-format.md).
import { receptionKinds } from '@liaison/db/enums'
import { nullIfBlank, stationOf } from './common.ts'
import { names, type Register } from './types.ts'

const identity = [
  'station_id',
  'occurred_on',
  'record_no',
  'kind',
  'visitors',
  'deputy_attendances',
  'opinions_noted',
] as const

export const receptions: Register = {
  kind: 'receptions',
  sheetName: /接待|reception/i,
  table: 'receptions',
  idColumn: 'id',
  keyLabel: '记录编号',
  keyField: 'recordNo',
  columns: [
    { key: 'date', names: names('接待日期', '日期', '活动日期', 'date', 'occurred_on'), required: true },
    { key: 'station', names: names('联络站', '站点', '联络站(室)', '站点名称', 'station'), required: true },
    { key: 'kind', names: names('活动类型', '类型', 'kind', 'type') },
    {
      key: 'deputies',
      names: names('参加代表人次', '代表人数', '值班代表', 'deputies', 'deputy_attendances'),
    },
    {
      key: 'visitors',
      names: names('接待群众人次', '接待人数', '接待群众', '人次', 'visitors'),
      required: true,
    },
    {
      key: 'opinions',
      names: names('收集意见建议', '收集意见建议(件)', '收集意见', 'opinions', 'opinions_noted'),
    },
    { key: 'recordNo', names: names('记录编号', '编号', 'recordno', 'record_no', 'record') },
    { key: 'note', names: names('备注', 'note') },
  ],
  toRow(r, lookups, county) {
    const station = stationOf(r, lookups, 'station')
    const occurredOn = r.date('date', true)
    const kind = r.oneOf('kind', receptionKinds, 'in_station')
    // A station's activity receives tens of people and a few deputies: far more is checked (a digit typed twice),
    // and more than a city's people at one activity is refused.
    const visitors = r.count('visitors', true, { usual: 10_000, most: 1_000_000 })
    const deputies = r.count('deputies', false, { usual: 500, most: 100_000 }) ?? 0
    const opinions = r.count('opinions', false, { usual: 1_000, most: 1_000_000 })
    if (!station || r.failed) return null
    return {
      county_code: county,
      township_code: station.township_code,
      station_id: station.id,
      occurred_on: occurredOn,
      kind,
      visitors,
      deputy_attendances: deputies,
      opinions_noted: opinions,
      record_no: nullIfBlank(r.text('recordNo')),
      note: nullIfBlank(r.text('note')),
    }
  },
  // Without 记录编号 the kind and counts are the key, and come from the file (or its defaults) whatever it lacks.
  sources: {
    kind: ['kind'],
    deputy_attendances: ['deputies'],
    opinions_noted: ['opinions'],
    note: ['note'],
  },
  keyColumns: (row) => (row.record_no ? ['county_code', 'record_no'] : identity),
  uniqueKey: (row) => row.record_no !== null,
}
