// Everything a row may name, looked up inside the county: stations, townships, deputies, opinions.
import type { DbOrTx } from '@liaison/db'
import { rowsOf } from '@liaison/metrics'
import { sql } from 'drizzle-orm'

export interface Station {
  id: number
  code: string
  name: string
  township_code: string
}
export interface Deputy {
  id: number
  code: string
  name: string
  township_code: string | null
}
type Found<T> = T | 'ambiguous' | null

function index<T>(rows: T[], keys: (row: T) => string[]) {
  const map = new Map<string, T[]>()
  for (const row of rows)
    for (const key of keys(row)) {
      if (!key) continue
      if (!map.has(key)) map.set(key, [])
      map.get(key)!.push(row)
    }
  return (text: string): Found<T> => {
    const hits = [...new Set(map.get(text.trim()) ?? [])]
    return hits.length === 1 ? hits[0]! : hits.length > 1 ? 'ambiguous' : null
  }
}

export interface Lookups {
  station(text: string): Found<Station>
  township(text: string): Found<{ code: string; name: string }>
  village(text: string, township: string): string | null
  deputy(text: string): Found<Deputy>
  opinion(registerNo: string): number | null
}

export async function loadLookups(db: DbOrTx, county: string): Promise<Lookups> {
  const stations = await rowsOf<Station>(
    db,
    sql`select id, code, name, township_code from stations where county_code = ${county}`,
  )
  const regions = await rowsOf<{ code: string; name: string; level: string; parent_code: string }>(
    db,
    sql`select code, name, level, parent_code from regions where code like ${`${county}%`} and level in ('township', 'village')`,
  )
  const deputies = await rowsOf<Deputy>(
    db,
    sql`select id, code, name, township_code from deputies where county_code = ${county}`,
  )
  const opinions = await rowsOf<{ id: number; register_no: string }>(
    db,
    sql`select id, register_no from opinions where county_code = ${county}`,
  )
  const townships = regions.filter((r) => r.level === 'township')
  const villages = regions.filter((r) => r.level === 'village')
  const stationByCode = index(stations, (s) => [s.code.trim()])
  const stationByName = index(stations, (s) => [s.name.trim()])
  const deputyByCode = index(deputies, (d) => [d.code.trim()])
  const deputyByName = index(deputies, (d) => [d.name.trim()])
  const opinionIds = new Map(opinions.map((o) => [o.register_no.trim(), Number(o.id)]))
  return {
    station: (t) => stationByCode(t) ?? stationByName(t),
    township: index(townships, (r) => [r.code, r.name.trim()]),
    village: (t, township) =>
      villages.find((v) => v.parent_code === township && (v.code === t.trim() || v.name === t.trim()))
        ?.code ?? null,
    deputy: (t) => deputyByCode(t) ?? deputyByName(t),
    opinion: (no) => opinionIds.get(no.trim()) ?? null,
  }
}
