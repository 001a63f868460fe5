// Check one sheet of a register row by row: every problem is named (sheet, Excel row, column, value), nothing written.
import { findHeader, type MatchedColumn } from './headers.ts'
import type { Lookups } from './lookups.ts'
import { type Problem, problem } from './problems.ts'
import type { Sheet } from './read-xlsx.ts'
import type { DbRow, Register } from './registers/types.ts'
import { cellText, parseDate, parseEnum, parseMoney, parseNumber } from './values.ts'

export type { Problem } from './problems.ts'

type Enum<V extends string> = readonly { value: V; zh: string; en: string }[]

export interface RowReader {
  sheet: string
  row: number
  has(key: string): boolean
  raw(key: string): unknown
  text(key: string): string
  bad(key: string, zh: string, en: string): null
  warn(key: string, zh: string, en: string): void
  /** A required column that is blank is an error; a blank optional one is null. */
  date(key: string, required?: boolean): string | null
  /** Checked against what the column can plausibly hold (`Plausible`). */
  count(key: string, required?: boolean, plausible?: Plausible): number | null
  money(key: string, required?: boolean, plausible?: Plausible): number | null
  oneOf<V extends string>(
    key: string,
    list: Enum<V>,
    fallback?: V | null,
    aliases?: Record<string, V>,
  ): V | null
  /** Set when any check of this row failed. */
  failed: boolean
}

/**
 * What a figure can be: over `usual` it is imported with a warning (far more often a slip of a digit or of the unit
 * than a fact); over `most` it cannot be true and refuses the file, as one such typo would swamp every total.
 */
export interface Plausible {
  usual: number
  most: number
}

/** A row ready to write, with the sheet's columns (those it lacks keep their stored values on update). */
export interface CheckedRow {
  sheet: string
  row: number
  data: DbRow
  given: ReadonlyMap<string, MatchedColumn>
}

export interface Checked {
  errors: Problem[]
  warnings: Problem[]
  rows: CheckedRow[]
}

/** A column as the sheet heads it, or, when the sheet lacks it, as the template does. */
export const columnLabel = (
  columns: Register['columns'],
  found: ReadonlyMap<string, MatchedColumn>,
  key: string,
) => found.get(key)?.label ?? columns.find((c) => c.key === key)?.names[0] ?? key

// What the columns hold (packages/db/src/schema): counts are integers, money numeric(14, 2). A larger value
// would fail the whole import at the database with no row to name.
const maxCount = 2_147_483_647
const moneyLimit = 1e12

function reader(
  sheet: string,
  row: number,
  cells: unknown[],
  found: Map<string, MatchedColumn>,
  today: string,
  errors: Problem[],
  warnings: Problem[],
  columns: Register['columns'],
): RowReader {
  const col = (key: string) => found.get(key)
  const label = (key: string) => columnLabel(columns, found, key)
  const raw = (key: string) => (col(key) ? cells[col(key)!.index] : undefined)
  const text = (key: string) => cellText(raw(key))
  const shown = (key: string) => (raw(key) instanceof Date ? text(key) : (raw(key) ?? null))
  const r: RowReader = {
    sheet,
    row,
    failed: false,
    has: (key) => found.has(key),
    raw,
    text,
    bad(key, zh, en) {
      r.failed = true
      errors.push(problem(sheet, row, label(key), shown(key), zh, en))
      return null
    },
    warn(key, zh, en) {
      warnings.push(problem(sheet, row, label(key), shown(key), zh, en))
    },
    date(key, required = false) {
      if (text(key) === '') return required ? r.bad(key, '必填', 'Required') : null
      const date = parseDate(raw(key))
      if (!date)
        return r.bad(
          key,
          '不是有效日期（可写作2025-06-14、2025/6/14或2025年6月14日）',
          'Not a date (write 2025-06-14, 2025/6/14 or 2025年6月14日)',
        )
      if (date > today) return r.bad(key, '日期晚于今天', 'Date is in the future')
      return date
    },
    count(key, required = false, plausible) {
      const n = parseNumber(raw(key))
      if (n === null) return required ? r.bad(key, '必填', 'Required') : null
      if (Number.isNaN(n) || !Number.isInteger(n))
        return r.bad(key, '不是整数（如12或1,259）', 'Not a whole number (e.g. 12 or 1,259)')
      if (n < 0) return r.bad(key, '不能为负数', 'Negative count')
      if (n > maxCount) return r.bad(key, `数值过大（不超过${maxCount}）`, `Too large (at most ${maxCount})`)
      if (plausible && n > plausible.most) {
        const most = plausible.most.toLocaleString('en')
        return r.bad(
          key,
          `超过${most}，不可能属实，请核对位数`,
          `Over ${most}, which cannot be true: check the digits`,
        )
      }
      if (plausible && n > plausible.usual) {
        const usual = plausible.usual.toLocaleString('en')
        r.warn(
          key,
          `超过${usual}，远大于常见值，请核对位数`,
          `Over ${usual}, far above the usual: check the digits`,
        )
      }
      return n
    },
    money(key, required = false, plausible) {
      const n = parseMoney(raw(key), col(key)?.unit ?? null)
      if (n === null) return required ? r.bad(key, '必填', 'Required') : null
      if (Number.isNaN(n))
        return r.bad(
          key,
          '不是有效金额（如12.5或1,259；千位分隔符每三位一个）',
          'Not an amount (e.g. 12.5 or 1,259; thousands in threes)',
        )
      if (n < 0) return r.bad(key, '金额不能为负数', 'Negative amount')
      if (n >= moneyLimit)
        return r.bad(key, '金额过大（应小于1万亿元）', 'Amount too large (under 1 trillion yuan)')
      const wan = (yuan: number) =>
        yuan >= 1e8 ? `${(yuan / 1e8).toLocaleString('en')}亿元` : `${(yuan / 1e4).toLocaleString('en')}万元`
      if (plausible && n > plausible.most)
        return r.bad(
          key,
          `超过${wan(plausible.most)}，不可能属实，请核对位数和单位（元或万元）`,
          `Over ${plausible.most.toLocaleString('en')} yuan, which cannot be true: check the digits and the unit (元 or 万元)`,
        )
      if (plausible && n > plausible.usual)
        r.warn(
          key,
          `超过${wan(plausible.usual)}，远大于常见值，请核对位数和单位（元或万元）`,
          `Over ${plausible.usual.toLocaleString('en')} yuan, far above the usual: check the digits and the unit (元 or 万元)`,
        )
      return n
    },
    oneOf(key, list, fallback = null, aliases = {}) {
      const t = text(key)
      if (t === '') return fallback
      const v = parseEnum(list, t, aliases)
      if (v) return v
      const allowed = list.map((e) => e.zh).join('、')
      return r.bad(
        key,
        `无法识别，应为：${allowed}`,
        `Unknown value; expected one of ${list.map((e) => e.en).join(', ')}`,
      )
    },
  }
  return r
}

const isTotal = (cells: unknown[]) =>
  cells.some((c) => /^(合计|总计|小计|共计)[:：]?$/.test(cellText(c).replace(/\s/g, '')))

export function checkSheet(
  register: Register,
  sheet: Sheet,
  lookups: Lookups,
  county: string,
  today: string,
): Checked {
  const errors: Problem[] = []
  const warnings: Problem[] = []
  const rows: Checked['rows'] = []
  const offset = sheet.rowOffset ?? 0
  const header = findHeader(sheet.rows, register.columns)
  if (!header) {
    // Name the columns this register needs, so the clerk knows what the header row should say.
    const needed = [
      ...register.columns.filter((c) => c.required).map((c) => c.names[0]!),
      ...(register.requiredAny ?? []).map((g) => register.columns.find((c) => c.key === g[0])!.names[0]!),
    ]
    errors.push(
      problem(
        sheet.name,
        null,
        null,
        null,
        `未找到表头：应有一行列名，至少包含两个已知列名，如“${needed.join('”“')}”（可下载模板对照）`,
        `No header row: one row must name at least two known columns, such as ${needed.join(', ')} (see the template)`,
      ),
    )
    return { errors, warnings, rows }
  }
  const missing = [
    ...register.columns.filter((c) => c.required && !header.found.has(c.key)).map((c) => [c.names[0]!]),
    ...(register.requiredAny ?? [])
      .filter((g) => !g.some((k) => header.found.has(k)))
      .map((g) => g.map((k) => register.columns.find((c) => c.key === k)!.names[0]!)),
  ]
  for (const cols of missing)
    errors.push(
      problem(
        sheet.name,
        header.index + 1 + offset,
        cols.join(' / '),
        null,
        `缺少必填列“${cols.join('”或“')}”`,
        `Required column missing: ${cols.join(' or ')}`,
      ),
    )
  for (const label of header.unknown)
    warnings.push(
      problem(
        sheet.name,
        header.index + 1 + offset,
        label,
        null,
        '未识别的列，已忽略',
        'Unknown column, ignored',
      ),
    )
  if (errors.length) return { errors, warnings, rows }
  const seen = new Map<string, number>()
  /** The key texts of every row so far, wrong or not: a duplicate of a wrong row is told in the same round. */
  const seenText = new Map<string, number>()
  const duplicate = (row: number, key: string, first: number) =>
    errors.push(
      problem(
        sheet.name,
        row,
        register.keyLabel,
        key,
        `与第${first}行重复`,
        `Duplicate key (same as row ${first})`,
      ),
    )
  const read = [...header.found.values()].map((c) => c.index)
  for (let i = header.index + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i] ?? []
    const row = i + 1 + offset
    // Before the blank check: 合计 written in an ignored column (序号) over blank read columns is still a total row.
    if (isTotal(cells)) {
      warnings.push(problem(sheet.name, row, null, null, '合计行，未导入', 'Total row, not imported'))
      continue
    }
    // Blank in every column read is a blank row, whatever the ignored ones hold (a pre-numbered 序号, a formula's 0).
    if (read.every((index) => cellText(cells[index]) === '')) continue
    const r = reader(sheet.name, row, cells, header.found, today, errors, warnings, register.columns)
    const data = register.toRow(r, lookups, county)
    const text = register.keyField ? r.text(register.keyField) : ''
    const before = text ? seenText.get(text) : undefined
    if (text && before === undefined) seenText.set(text, row)
    if (!data || r.failed) {
      if (before !== undefined) duplicate(row, text, before)
      continue
    }
    const key = JSON.stringify(register.keyColumns(data).map((c) => data[c]))
    if (!register.uniqueKey(data)) {
      // Two identical receptions without 记录编号 may both have happened (two sessions of a day): both are kept, and
      // the clerk is told, since a row typed twice looks the same.
      const first = seen.get(key)
      if (first !== undefined)
        warnings.push(
          problem(
            sheet.name,
            row,
            null,
            null,
            `与第${first}行完全相同，仍作为另一条记录导入；如为重复登记请删除，或填写记录编号`,
            `Identical to row ${first}, imported as a record of its own; if it was entered twice, delete it or give each a record number`,
          ),
        )
      else seen.set(key, row)
    } else {
      const first = seen.get(key) ?? before
      if (first !== undefined) {
        duplicate(row, keyShown(register, data, county), first)
        continue
      }
      seen.set(key, row)
    }
    const absent = sheet.absent?.get(i)
    const given = absent?.size
      ? new Map([...header.found].filter(([, column]) => !absent.has(column.index)))
      : header.found
    rows.push({ sheet: sheet.name, row, data, given })
  }
  return { errors, warnings, rows }
}

/** A row's key as the clerk wrote it (the county, the same on every row, left out). */
const keyShown = (register: Register, data: DbRow, county: string) =>
  register
    .keyColumns(data)
    .map((c) => data[c])
    .filter((v) => v !== county)
    .join(' ')

/**
 * The same key on two sheets of one register (社情民意2024 and 社情民意2025 sharing a 登记编号): each sheet is
 * checked on its own (checkSheet), and the database would refuse the whole import without naming a row.
 */
export function duplicatesAcrossSheets(
  register: Register,
  sheets: { name: string; rows: Checked['rows'] }[],
  county: string,
): Problem[] {
  const seen = new Map<string, { sheet: string; row: number }>()
  const errors: Problem[] = []
  for (const sheet of sheets)
    for (const { row, data } of sheet.rows) {
      if (!register.uniqueKey(data)) continue
      const key = JSON.stringify(register.keyColumns(data).map((c) => data[c]))
      const first = seen.get(key)
      if (!first) seen.set(key, { sheet: sheet.name, row })
      else if (first.sheet !== sheet.name)
        errors.push(
          problem(
            sheet.name,
            row,
            register.keyLabel,
            keyShown(register, data, county),
            `与工作表“${first.sheet}”第${first.row}行重复`,
            `Duplicate key (same as sheet "${first.sheet}", row ${first.row})`,
          ),
        )
    }
  return errors
}
