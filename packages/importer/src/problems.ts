import type { ImportProblem } from '@liaison/contracts'

/** One problem in a file, named as Excel names it (sheet, row number, column header). */
export type Problem = ImportProblem

export const problem = (
  sheet: string,
  row: number | null,
  column: string | null,
  value: unknown,
  zh: string,
  en: string,
): Problem => ({
  sheet,
  row,
  column,
  value: value === null || value === undefined || value === '' ? null : String(value).slice(0, 200),
  message: { zh, en },
})
