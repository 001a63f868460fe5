// Writing the demo: COPY per table in foreign-key order, with explicit ids; then the per-county settings,
// populations and the identity sequences, which only make sense once every county is in.
import type { DbHandle } from '../index.ts'
import type { CountyRows } from './county.ts'
import type { DemoCounty } from './places.ts'

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const itemColumns = [
  'has_venue',
  'has_signage',
  'has_equipment',
  'has_info',
  'has_rules',
  'has_archives',
  'has_records',
]

/** COPY plain objects: their keys (camelCase) are the columns. */
async function copyObjects<T extends object>(handle: DbHandle, table: string, rows: T[]) {
  if (rows.length === 0) return
  const keys = Object.keys(rows[0]!)
  await handle.copyRows(
    table,
    keys.map(snake),
    rows.map((r) => keys.map((k) => (r as Record<string, unknown>)[k])),
  )
}

/** The tables the demo fills, in the order they are written (parents first). */
export const demoTables = [
  'stations',
  'deputies',
  'receptions',
  'opinions',
  'opinion_events',
  'micro_projects',
  'reportbacks',
  'plans',
  'county_settings',
] as const

export async function writeCounty(handle: DbHandle, rows: CountyRows): Promise<Record<string, number>> {
  const stations = rows.stations.map(({ items, ...station }) => ({
    ...station,
    ...Object.fromEntries(itemColumns.map((column, i) => [column, items[i]])),
  }))
  const tables: [string, object[]][] = [
    ['stations', stations],
    ['deputies', rows.deputies],
    ['receptions', rows.receptions],
    ['opinions', rows.opinions],
    ['opinion_events', rows.events],
    ['micro_projects', rows.projects],
    ['reportbacks', rows.reportbacks],
    ['plans', rows.plans],
  ]
  for (const [table, list] of tables) await copyObjects(handle, table, list)
  return Object.fromEntries(tables.map(([table, list]) => [table, list.length]))
}

/** 交城县 keeps a longer limit: local rules range from days to three months. */
const timelyLimitDays = (countyCode: string) => (countyCode === '141122' ? 45 : 30)

export async function finishSeed(
  handle: DbHandle,
  counties: { county: DemoCounty; townships: CountyRows['townships'] }[],
) {
  const populations = counties.flatMap(({ county, townships }) => [
    `('${county.code}', ${county.population})`,
    ...townships.map((t) => `('${t.code}', ${t.population})`),
  ])
  // Identity columns are BY DEFAULT and the demo gave explicit ids: move each sequence past them.
  const sequences = demoTables
    .filter((t) => t !== 'plans' && t !== 'county_settings')
    .map(
      (t) =>
        `select setval(pg_get_serial_sequence('${t}', 'id'), (select coalesce(max(id), 0) + 1 from ${t}), false);`,
    )
  const settings = counties.map(({ county }) => `('${county.code}', ${timelyLimitDays(county.code)})`)
  await handle.exec(`insert into county_settings (county_code, timely_limit_days) values ${settings.join(', ')};
    update regions r set population = v.population
    from (values ${populations.join(', ')}) as v(code, population) where r.code = v.code;
    ${sequences.join('\n')}`)
}
