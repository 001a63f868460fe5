// Read, check and convert the receptions register of a file: every problem is reported, nothing is written here.
import type { DbOrTx } from '@liaison/db'
import { rowsOf } from '@liaison/metrics'
import { sql } from 'drizzle-orm'
import { matchHeader } from './headers.ts'
import { type Problem, problem } from './problems.ts'
import type { Sheet } from './read.ts'
import { receptionColumns, receptionKind } from './registers/receptions.ts'
import { cellText, parseDate, parseNumber } from './values.ts'

export interface ReceptionRecord {
  row: number
  stationId: number
  townshipCode: string
  occurredOn: string
  kind: string
  deputyAttendances: number
  visitors: number
  opinionsNoted: number | null
  recordNo: string | null
  note: string | null
}

/** The header is the first row that names at least two known columns. */
export function findHeader(sheet: Sheet) {
  for (let i = 0; i < Math.min(sheet.rows.length, 20); i++) {
    const cells = (sheet.rows[i] ?? []).map(cellText)
    const match = matchHeader(cells, receptionColumns)
    if (match.found.size >= 2) return { index: i, ...match }
  }
  return null
}

async function stationLookup(db: DbOrTx, county: string) {
  const rows = await rowsOf<{ id: number; code: string; name: string; township_code: string }>(
    db,
    sql`select id, code, name, township_code from stations where county_code = ${county}`,
  )
  const byCode = new Map(rows.map((r) => [r.code.trim(), r]))
  const byName = new Map<string, typeof rows>()
  for (const r of rows) byName.set(r.name.trim(), [...(byName.get(r.name.trim()) ?? []), r])
  return (text: string) =>
    byCode.get(text) ??
    (byName.get(text)?.length === 1 ? byName.get(text)![0] : byName.get(text) ? 'ambiguous' : null)
}

export async function checkReceptions(db: DbOrTx, sheet: Sheet, county: string, today: string) {
  const errors: Problem[] = []
  const warnings: Problem[] = []
  const records: ReceptionRecord[] = []
  const header = findHeader(sheet)
  if (!header) {
    errors.push(
      problem(
        sheet.name,
        null,
        null,
        null,
        '未找到表头（需至少包含两个已知列名）',
        'No header row (it must name at least two known columns)',
      ),
    )
    return { errors, warnings, records }
  }
  for (const column of receptionColumns.filter((c) => c.required && !header.found.has(c.key))) {
    errors.push(
      problem(
        sheet.name,
        header.index + 1,
        column.names[0]!,
        null,
        `缺少必填列“${column.names[0]}”`,
        `Required column missing: ${column.names[0]}`,
      ),
    )
  }
  for (const label of header.unknown)
    warnings.push(
      problem(sheet.name, header.index + 1, label, null, '未识别的列，已忽略', 'Unknown column, ignored'),
    )
  if (errors.length) return { errors, warnings, records }
  const lookup = await stationLookup(db, county)
  const seen = new Map<string, number>()
  const col = (key: (typeof receptionColumns)[number]['key']) => header.found.get(key)
  for (let i = header.index + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i] ?? []
    const row = i + 1
    const text = (key: Parameters<typeof col>[0]) => (col(key) ? cellText(cells[col(key)!.index]) : '')
    const raw = (key: Parameters<typeof col>[0]) => (col(key) ? cells[col(key)!.index] : undefined)
    if (cells.every((c) => cellText(c) === '')) continue
    if (cells.some((c) => /^(合计|总计|小计)$/.test(cellText(c).replace(/\s/g, '')))) {
      warnings.push(problem(sheet.name, row, null, null, '合计行，未导入', 'Total row, not imported'))
      continue
    }
    const bad = (key: Parameters<typeof col>[0], zh: string, en: string) =>
      errors.push(
        problem(
          sheet.name,
          row,
          col(key)?.label ?? key,
          raw(key) instanceof Date ? text(key) : (raw(key) ?? null),
          zh,
          en,
        ),
      )
    const date = parseDate(raw('date'))
    if (!date) bad('date', '不是有效日期', 'Not a date')
    else if (date > today) bad('date', '日期晚于今天', 'Date is in the future')
    const station = lookup(text('station'))
    if (station === null) bad('station', '本县没有该联络站（按编码或名称）', 'Unknown station in this county')
    if (station === 'ambiguous')
      bad('station', '站点名称重名，请用站点编码', 'Station name is ambiguous: use its code')
    const kind = receptionKind(text('kind'))
    if (!kind) bad('kind', '未知活动类型', 'Unknown activity type')
    const count = (key: 'visitors' | 'deputies' | 'opinions', required: boolean) => {
      const n = parseNumber(raw(key))
      const unit = col(key)?.unit
      if (n === null) {
        if (required) bad(key, '必填', 'Required')
        return required ? null : key === 'opinions' ? null : 0
      }
      if (Number.isNaN(n) || !Number.isInteger(n)) {
        bad(key, '不是整数', 'Not a whole number')
        return null
      }
      if (n < 0) {
        bad(key, '不能为负数', 'Negative count')
        return null
      }
      return unit === '万' ? n * 10_000 : n
    }
    const visitors = count('visitors', true)
    const deputies = count('deputies', false)
    const opinions = count('opinions', false)
    const recordNo = text('recordNo') || null
    if (recordNo) {
      if (seen.has(recordNo))
        bad(
          'recordNo',
          `记录编号与第${seen.get(recordNo)}行重复`,
          `Duplicate record number (row ${seen.get(recordNo)})`,
        )
      seen.set(recordNo, row)
    }
    if (date && station && station !== 'ambiguous' && kind && visitors !== null && deputies !== null) {
      records.push({
        row,
        stationId: station.id,
        townshipCode: station.township_code,
        occurredOn: date,
        kind,
        deputyAttendances: deputies,
        visitors,
        opinionsNoted: opinions,
        recordNo,
        note: text('note') || null,
      })
    }
  }
  return { errors, warnings, records }
}
