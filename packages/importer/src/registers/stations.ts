// 联络站 · stations: keyed by 站点编码, else by name inside the county.
import { sevenItems, stationKinds, stationStatuses } from '@liaison/db/enums'
import type { Lookups } from '../lookups.ts'
import { parseNumber, roundTo } from '../values.ts'
import { nullIfBlank, townshipOf } from './common.ts'
import { names, type Register } from './types.ts'

const existingCode = (s: ReturnType<Lookups['station']>) => (s && s !== 'ambiguous' ? s.code : null)

const sevenColumns = [
  'has_venue',
  'has_signage',
  'has_equipment',
  'has_info',
  'has_rules',
  'has_archives',
  'has_records',
]

export const stations: Register = {
  kind: 'stations',
  sheetName: /联络站|站点|station/i,
  table: 'stations',
  idColumn: 'id',
  keyLabel: '站点编码',
  keyField: 'code',
  columns: [
    { key: 'name', names: names('站点名称', '联络站名称', '名称', 'station', 'name'), required: true },
    { key: 'code', names: names('站点编码', '编码', 'code') },
    {
      key: 'township',
      names: names('所属乡镇', '乡镇', '乡镇(街道)', '所属乡镇(街道)', 'township'),
      required: true,
    },
    { key: 'village', names: names('村(社区)', '村', '社区', 'village') },
    { key: 'kind', names: names('类型', '站点类型', 'kind', 'type') },
    { key: 'status', names: names('状态', '建设状态', 'status') },
    { key: 'builtOn', names: names('建成日期', 'built_on', 'builton') },
    { key: 'standardisedOn', names: names('规范化日期', 'standardised_on', 'standardisedon') },
    { key: 'area', names: names('面积', '面积(平方米)', '面积(m2)', '面积(㎡)', 'area', 'area_m2') },
    { key: 'head', names: names('站长', 'head') },
    { key: 'liaisons', names: names('联络员人数', '联络员', 'liaisons') },
    { key: 'seven', names: names('七有', 'seven', 'seven_items') },
  ],
  toRow(r, lookups, county) {
    const name = r.text('name')
    if (!name) r.bad('name', '必填', 'Required')
    const township = townshipOf(r, lookups, 'township')
    const village = r.text('village')
    const villageCode = village && township ? lookups.village(village, township) : null
    if (village && township && !villageCode)
      r.warn('village', '该乡镇下没有此村（社区），未记录', 'Unknown village in this township, left empty')
    const kind = r.oneOf('kind', stationKinds, 'station')
    const status = r.oneOf('status', stationStatuses, 'built')
    const builtOn = r.date('builtOn')
    const standardisedOn = r.date('standardisedOn')
    if (builtOn && standardisedOn && standardisedOn < builtOn)
      r.bad('standardisedOn', '规范化日期早于建成日期', 'Standardised before it was built')
    // Built and standardised stations are counted as of their dates: an undated one would be accepted yet counted
    // in no built, standardised or coverage figure, with nothing to tell the importer why. (A date that is not one
    // is an error of its own.)
    // An online station is never counted as built (it has no premises): no date is missing.
    const physical = kind !== 'online'
    if (physical && !r.text('builtOn') && (status === 'built' || status === 'standardised'))
      r.warn(
        'builtOn',
        '未填建成日期：该站不计入建成数、覆盖率和七有达标数',
        'No built date: the station is not counted as built, in coverage or in seven-standard compliance',
      )
    if (physical && !r.text('standardisedOn') && status === 'standardised')
      r.warn(
        'standardisedOn',
        '状态为已规范化但未填规范化日期：不计入规范化数',
        'Standardised with no standardised date: not counted as standardised',
      )
    const written = parseNumber(r.raw('area'))
    // numeric(8, 1): rounded as stored, so that the same file again is unchanged.
    const area = written === null ? null : roundTo(written, 1)
    // The column holds up to 9,999,999.9 m².
    if (area !== null && (Number.isNaN(area) || area < 0 || area >= 1e7))
      r.bad('area', '面积应为不超过一千万的非负数', 'Area must be a non-negative number under 10,000,000')
    // A station is a room or a small building (120 m² in the template): over 10,000 m² is checked.
    else if (area !== null && area > 10_000)
      r.warn(
        'area',
        '超过10,000平方米，远大于常见值，请核对位数和单位',
        'Over 10,000 m², far above the usual: check the digits and the unit',
      )
    const heads = r.text('head') ? 1 : 0
    const liaisons = r.count('liaisons', false, { usual: 1_000, most: 100_000 }) ?? 0
    const seven = Object.fromEntries(sevenColumns.map((c) => [c, false]))
    const sevenText = r.text('seven').replace(/\s/g, '')
    if (sevenText) {
      const n = parseNumber(sevenText)
      if (n !== null && !Number.isNaN(n)) {
        if (!Number.isInteger(n) || n < 0 || n > 7)
          r.bad('seven', '七有项数应为0到7', 'Seven items: a count from 0 to 7')
        else for (const c of sevenColumns.slice(0, n)) seven[c] = true
      } else
        for (const part of sevenText.split(/[,，、;；/]/).filter(Boolean)) {
          const i = sevenItems.findIndex((s) => s.zh === part || s.value === part.toLowerCase())
          if (i < 0) r.bad('seven', `无法识别七有项“${part}”`, `Unknown seven-item entry: ${part}`)
          else seven[sevenColumns[i]!] = true
        }
    }
    if (r.failed || !township) return null
    return {
      county_code: county,
      township_code: township,
      village_code: villageCode,
      code: nullIfBlank(r.text('code')) ?? existingCode(lookups.station(name)) ?? name,
      name,
      kind,
      status,
      built_on: builtOn,
      standardised_on: standardisedOn,
      area_m2: area,
      staff_heads: heads,
      staff_liaisons: liaisons,
      ...seven,
    }
  },
  sources: {
    village_code: ['village'],
    kind: ['kind'],
    status: ['status'],
    built_on: ['builtOn'],
    standardised_on: ['standardisedOn'],
    area_m2: ['area'],
    staff_heads: ['head'],
    staff_liaisons: ['liaisons'],
    ...Object.fromEntries(sevenColumns.map((c) => [c, ['seven']])),
  },
  settle(row, _previous, kept) {
    const built = row.built_on as string | null
    const standardised = row.standardised_on as string | null
    if (!built || !standardised || standardised >= built) return null
    return kept.has('standardised_on')
      ? {
          key: 'builtOn',
          zh: `建成日期晚于已存的规范化日期（${standardised}）`,
          en: `Built after the standardised date stored (${standardised})`,
        }
      : {
          key: 'standardisedOn',
          zh: `规范化日期早于已存的建成日期（${built}）`,
          en: `Standardised before the built date stored (${built})`,
        }
  },
  keyColumns: () => ['county_code', 'code'],
  uniqueKey: () => true,
}
