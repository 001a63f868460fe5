// Which register each sheet holds: by the kind asked for, by the sheet's name, else by its header.
import { importKinds } from '@liaison/db/enums'
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

const kindName = (register: Register) => importKinds.find((k) => k.value === register.kind)!

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
  // A hidden sheet (a backup copy of 接待记录, a template's drop-down lists) is not what the clerk sees or means to
  // import: read, a hidden copy doubled the rows or refused the file over a sheet the clerk could not find.
  const shown = sheets.filter((s) => !s.hidden)
  /** Why a sheet was skipped: withdrawn when a chosen register falls back to that sheet after all. */
  const skipped = new Map<Sheet, Problem>()
  const skip = (sheet: Sheet, zh: string, en: string) => {
    const warning = aboutSheet(sheet, zh, en)
    skipped.set(sheet, warning)
    warnings.push(warning)
  }
  for (const sheet of sheets) {
    if (isEmpty(sheet)) continue
    if (sheet.hidden) {
      // Said only when it looks like a register (a template's hidden drop-down lists are no news).
      if (registerForSheet(sheet.name) || byHeader(sheet))
        warnings.push(
          aboutSheet(
            sheet,
            `工作表“${sheet.name}”为隐藏工作表，未导入`,
            `Hidden sheet "${sheet.name}" not imported`,
          ),
        )
      continue
    }
    if (isExample(sheet)) {
      warnings.push(
        aboutSheet(sheet, '示例或说明工作表，未导入', 'Example or instructions sheet, not imported'),
      )
      continue
    }
    const named = registerForSheet(sheet.name)
    const register = (named && findHeader(sheet.rows, named.columns) ? named : byHeader(sheet)) ?? named
    // A register chosen for a one-sheet file is what that sheet holds, whatever its name or header says.
    if (asked && (register === asked || shown.length === 1)) found.push({ register: asked, sheet })
    // Another register than the one chosen: said, not skipped without a word.
    else if (asked && register)
      skip(
        sheet,
        `工作表“${sheet.name}”为${kindName(register).zh}台账，不是所选的${kindName(asked).zh}，未导入`,
        `Sheet "${sheet.name}" holds ${kindName(register).en}, not the ${kindName(asked).en} chosen: not imported`,
      )
    else if (register) found.push({ register, sheet })
    else skip(sheet, '无法识别该工作表的台账类型，已忽略', 'Sheet not recognised as a register, ignored')
  }
  const first = shown[0]
  if (asked && !found.length && first && !isEmpty(first) && !isExample(first)) {
    found.push({ register: asked, sheet: first })
    const warning = skipped.get(first)
    if (warning) warnings.splice(warnings.indexOf(warning), 1)
  }
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
