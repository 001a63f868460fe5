// Which register each sheet holds: by the kind asked for, by the sheet's name, else by its header.
import { findHeader } from './headers.ts'
import { type Problem, problem } from './problems.ts'
import type { Sheet } from './read-xlsx.ts'
import { type Register, registerForSheet, registerOf, registers } from './registers/index.ts'
import { cellText } from './values.ts'

function byHeader(sheet: Sheet): Register | undefined {
  let best: { register: Register; score: number } | undefined
  for (const register of registers) {
    const score = findHeader(sheet.rows, register.columns)?.found.size ?? 0
    if (score >= 2 && (!best || score > best.score)) best = { register, score }
  }
  return best?.register
}

/** A template's example sheet (填写示例) or a sheet of instructions: never records, whatever its header says. */
const isExample = (sheet: Sheet) => /示例|说明|example|instruction/i.test(sheet.name)

/** A problem with a whole sheet (no row, column or value). */
const aboutSheet = (sheet: Sheet, zh: string, en: string) => problem(sheet.name, null, null, null, zh, en)

const isEmpty = (sheet: Sheet) => sheet.rows.every((r) => r.every((c) => cellText(c) === ''))

export function planSheets(sheets: Sheet[], kind?: string) {
  const warnings: Problem[] = []
  const asked = kind ? registerOf(kind) : undefined
  if (kind && !asked)
    return {
      error: problem('', null, null, kind, `未知的台账类型：${kind}`, `Unknown register kind: ${kind}`),
      warnings,
    }
  if (sheets.every(isEmpty))
    return {
      error: problem('', null, null, null, '文件为空，没有任何记录', 'Empty: no records to import'),
      warnings,
    }
  const found: { register: Register; sheet: Sheet }[] = []
  for (const sheet of sheets) {
    if (isEmpty(sheet)) continue
    if (isExample(sheet)) {
      warnings.push(
        aboutSheet(sheet, '示例或说明工作表，未导入', 'Example or instructions sheet, not imported'),
      )
      continue
    }
    const named = registerForSheet(sheet.name)
    const register = (named && findHeader(sheet.rows, named.columns) ? named : byHeader(sheet)) ?? named
    if (asked && register !== asked && !(sheets.length === 1)) continue
    if (asked) found.push({ register: asked, sheet })
    else if (register) found.push({ register, sheet })
    else
      warnings.push(
        aboutSheet(
          sheet,
          '无法识别该工作表的台账类型，已忽略',
          'Sheet not recognised as a register, ignored',
        ),
      )
  }
  if (asked && !found.length && sheets[0] && !isEmpty(sheets[0]) && !isExample(sheets[0]))
    found.push({ register: asked, sheet: sheets[0] })
  if (!found.length)
    return {
      error: problem(
        '',
        null,
        null,
        null,
        '文件中没有可识别的台账（工作表名或表头）',
        'No register recognised in the file (by sheet name or header)',
      ),
      warnings,
    }
  return { sheets: found, warnings, error: null }
}
