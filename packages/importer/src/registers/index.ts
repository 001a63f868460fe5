// Every register, in the order they are written (stations before what names them).
import type { ImportKind } from '@liaison/db/enums'
import { deputies } from './deputies.ts'
import { opinions } from './opinions.ts'
import { plans } from './plans.ts'
import { projects } from './projects.ts'
import { receptions } from './receptions.ts'
import { reportbacks } from './reportbacks.ts'
import { stations } from './stations.ts'
import type { Register } from './types.ts'

export type { Conflict, DbRow, Register } from './types.ts'

export const registers: readonly Register[] = [
  stations,
  deputies,
  receptions,
  opinions,
  projects,
  reportbacks,
  plans,
]

/** Sheet names are tried most specific first: 代表述职 before 代表, 联络站接待记录 before 联络站. */
const byName = [receptions, opinions, projects, reportbacks, plans, deputies, stations]

export const registerOf = (kind: string): Register | undefined => registers.find((r) => r.kind === kind)

export function registerForSheet(name: string): Register | undefined {
  return byName.find((r) => r.sheetName.test(name))
}

export const isKind = (kind: string): kind is ImportKind => registers.some((r) => r.kind === kind)
