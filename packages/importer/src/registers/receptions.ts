// 接待记录 · receptions: columns, aliases and the checks of one row (../shared/import-format.md).
import { receptionKinds } from '@liaison/db/enums'
import type { ColumnSpec } from '../headers.ts'

export const receptionColumns: ColumnSpec<
  'date' | 'station' | 'kind' | 'deputies' | 'visitors' | 'opinions' | 'recordNo' | 'note'
>[] = [
  { key: 'date', names: ['接待日期', '日期', '活动日期', 'date'], required: true },
  { key: 'station', names: ['联络站', '站点', '联络站(室)', '站点名称', 'station'], required: true },
  { key: 'kind', names: ['活动类型', '类型', 'kind', 'type'] },
  { key: 'deputies', names: ['参加代表人次', '代表人数', '值班代表', 'deputies'] },
  { key: 'visitors', names: ['接待群众人次', '接待人数', '接待群众', '人次', 'visitors'], required: true },
  { key: 'opinions', names: ['收集意见建议', '收集意见建议(件)', 'opinions'] },
  { key: 'recordNo', names: ['记录编号', '编号', 'recordno', 'record'] },
  { key: 'note', names: ['备注', 'note'] },
]

/** 进站接待 or in_station, any case and spacing. */
export function receptionKind(text: string): string | null {
  if (!text) return 'in_station'
  const t = text.replace(/\s/g, '').toLowerCase()
  return (
    receptionKinds.find((k) => k.zh === t || k.value === t || k.en.toLowerCase().replace(/\s/g, '') === t)
      ?.value ?? null
  )
}
