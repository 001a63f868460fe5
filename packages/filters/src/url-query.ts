// The filter state <-> URL query mapping, as pure functions. Defaults are left out of the URL, except region and
// period, which are always written so that a shared link reproduces the view.

import { nationCode } from '@liaison/contracts/areas'
import { parsePeriod } from './period.ts'

export type CompareMode = 'yoy' | 'mom' | 'none'
export type Language = 'zh-CN' | 'en'
export type ThemeName = 'light' | 'dark'

export interface FilterState {
  region: string
  period: string
  compare: CompareMode
  language: Language
  theme: ThemeName
  bigScreen: boolean
  /** Decal patterns on charts, for colour-blind readers and black-and-white print. */
  decal: boolean
  /** The station whose detail is open (the stations module's drawer), so a link or Back reopens it. */
  station: number | null
}

export const defaultFilterState: FilterState = {
  region: '',
  period: '',
  compare: 'yoy',
  language: 'zh-CN',
  theme: 'light',
  bigScreen: false,
  decal: false,
  station: null,
}

type Query = Record<string, string | null | (string | null)[] | undefined>

/** A query parameter's first value (a link may repeat a parameter). */
export const first = (v: Query[string]) => (Array.isArray(v) ? (v[0] ?? undefined) : (v ?? undefined))

export function stateToQuery(state: FilterState): Record<string, string> {
  const query: Record<string, string> = {}
  if (state.region) query.region = state.region
  if (state.period) query.period = state.period
  if (state.compare !== defaultFilterState.compare) query.compare = state.compare
  if (state.language !== defaultFilterState.language) query.lang = state.language
  if (state.theme !== defaultFilterState.theme) query.theme = state.theme
  if (state.bigScreen) query.screen = 'big'
  if (state.decal) query.decal = '1'
  if (state.station) query.station = String(state.station)
  return query
}

/** Only the valid keys of the query; everything else keeps its current value. */
export function queryToState(query: Query): Partial<FilterState> {
  const state: Partial<FilterState> = {}
  const region = first(query.region)
  // The nation (CN) or a division code from province to township.
  if (region && (region === nationCode || /^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(region))) state.region = region
  const period = first(query.period)
  if (period && parsePeriod(period)) state.period = period
  const compare = first(query.compare)
  state.compare = compare === 'mom' || compare === 'none' ? compare : 'yoy'
  state.language = first(query.lang) === 'en' ? 'en' : 'zh-CN'
  state.theme = first(query.theme) === 'dark' ? 'dark' : 'light'
  state.bigScreen = first(query.screen) === 'big'
  state.decal = first(query.decal) === '1'
  // Digits only: Number() would take 1e3, 0x1A or ' 12 ', and the store would rewrite the link.
  const station = first(query.station)
  state.station = station && /^[1-9]\d{0,8}$/.test(station) ? +station : null
  return state
}

/** Same query, ignoring key order. */
export function sameQuery(a: Query, b: Query): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) if (String(first(a[key]) ?? '') !== String(first(b[key]) ?? '')) return false
  return true
}
