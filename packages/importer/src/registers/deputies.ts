// 代表 · deputies: keyed by 代表编码 inside the county (a deputy named without a code keeps the name's row).
import { deputyCategories, deputyLevels } from '@liaison/db/enums'
import { categoryOf, nullIfBlank, stationOf, townshipOf } from './common.ts'
import { names, type Register } from './types.ts'

const levelAliases = {
  全国人大代表: 'national',
  全国级: 'national',
  省级: 'provincial',
  省人大代表: 'provincial',
  市: 'city',
  州: 'city',
  市级: 'city',
  州级: 'city',
  市州: 'city',
  市人大代表: 'city',
  县: 'county',
  区: 'county',
  县级: 'county',
  区级: 'county',
  县区: 'county',
  县人大代表: 'county',
  乡: 'township',
  镇: 'township',
  乡级: 'township',
  镇级: 'township',
  乡镇: 'township',
  乡镇级: 'township',
  乡镇人大代表: 'township',
} as const

const categoryAliases = {
  专业技术人员: 'professional',
  专业技术人员代表: 'professional',
  专业技术代表: 'professional',
  企业: 'enterprise',
  农村: 'rural',
  农民: 'rural',
  职务: 'official',
  领导干部: 'official',
} as const

export const deputies: Register = {
  kind: 'deputies',
  sheetName: /代表(名册|信息|花名)?$|deput/i,
  table: 'deputies',
  idColumn: 'id',
  keyLabel: '代表编码',
  keyField: 'code',
  columns: [
    { key: 'name', names: names('姓名', '代表姓名', 'name'), required: true },
    { key: 'code', names: names('代表编码', '编码', 'code') },
    { key: 'level', names: names('层级', '代表层级', 'level'), required: true },
    { key: 'category', names: names('类别', '代表类别', 'category') },
    { key: 'township', names: names('所属乡镇', '乡镇', '乡镇(街道)', 'township') },
    { key: 'station', names: names('进站站点', '联络站', '进站联络站', 'station') },
    { key: 'group', names: names('代表小组', '小组', 'group') },
    { key: 'term', names: names('届次', 'term') },
    { key: 'phone', names: names('联系电话', '电话', '手机', 'phone') },
  ],
  toRow(r, lookups, county) {
    const name = r.text('name')
    if (!name) r.bad('name', '必填', 'Required')
    const level = r.text('level')
      ? r.oneOf('level', deputyLevels, null, levelAliases)
      : r.bad('level', '必填', 'Required')
    const category = categoryOf(r, 'category', deputyCategories, categoryAliases)
    const station = stationOf(r, lookups, 'station', false)
    const township = townshipOf(r, lookups, 'township', false) ?? station?.township_code ?? null
    let code = nullIfBlank(r.text('code'))
    if (!code && name) {
      const existing = lookups.deputy(name)
      if (existing === 'ambiguous')
        r.bad('name', '本县有同名代表，请填写代表编码', 'Two deputies share this name: give the code')
      code = existing ? (existing as { code: string }).code : name
    }
    if (r.failed) return null
    return {
      county_code: county,
      township_code: township,
      station_id: station?.id ?? null,
      code,
      name,
      level,
      category,
      group_name: nullIfBlank(r.text('group')),
      term: nullIfBlank(r.text('term')),
      phone: nullIfBlank(r.text('phone')),
    }
  },
  sources: {
    township_code: ['township', 'station'],
    station_id: ['station'],
    category: ['category'],
    group_name: ['group'],
    term: ['term'],
    phone: ['phone'],
  },
  keyColumns: () => ['county_code', 'code'],
  uniqueKey: () => true,
}
