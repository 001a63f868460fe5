import type { DbHandle } from '../index.ts'
import { countryDivisions, type DivisionRow, villagesOf } from './division.ts'

/**
 * Insert the rows not there yet, in one statement: the rows go as four array parameters. A temporary table filled
 * by COPY needed several statements on one connection, which a pool does not promise.
 */
async function insertMissing(handle: DbHandle, rows: DivisionRow[]): Promise<number> {
  if (rows.length === 0) return 0
  const inserted = await handle.rows<{ n: number }>(
    `with added as (
       insert into regions (code, name, level, parent_code)
       select code, name, level, parent_code
       from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as r(code, name, level, parent_code)
       order by length(code), code
       on conflict (code) do nothing returning 1)
     select count(*)::int as n from added`,
    [
      rows.map((r) => r.code),
      rows.map((r) => r.name),
      rows.map((r) => r.level),
      rows.map((r) => r.parentCode),
    ],
  )
  return inserted[0]?.n ?? 0
}

/** Load the whole country down to townships, plus the villages of the given counties. Idempotent. */
export async function loadRegions(handle: DbHandle, options: { villagesOf?: readonly string[] } = {}) {
  const started = performance.now()
  const country = await insertMissing(handle, countryDivisions())
  const villages = options.villagesOf?.length
    ? await insertMissing(handle, await villagesOf(options.villagesOf))
    : 0
  return { inserted: country + villages, seconds: (performance.now() - started) / 1000 }
}
