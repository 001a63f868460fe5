import type { DbHandle } from '../index.ts'
import { countryDivisions, type DivisionRow, villagesOf } from './division.ts'

const columns = ['code', 'name', 'level', 'parent_code']

async function insertMissing(handle: DbHandle, rows: DivisionRow[]): Promise<number> {
  if (rows.length === 0) return 0
  // COPY into a temporary table, then insert what is missing: idempotent and fast on both engines.
  await handle.exec(`create temporary table if not exists regions_load (code text, name text, level text, parent_code text);
    truncate regions_load`)
  await handle.copyRows(
    'regions_load',
    columns,
    rows.map((r) => [r.code, r.name, r.level, r.parentCode]),
  )
  const inserted = await handle.rows<{ n: number }>(
    `with added as (
       insert into regions (code, name, level, parent_code)
       select code, name, level, parent_code from regions_load order by length(code), code
       on conflict (code) do nothing returning 1)
     select count(*)::int as n from added`,
  )
  await handle.exec('drop table regions_load')
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
