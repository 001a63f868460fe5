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

/**
 * COPY a batch of counties, one COPY per table: each COPY costs a round trip or two (≈80 ms on postgres.js
 * over TCP), so the demo writes its seven counties as one batch; larger scales write a few counties at a time.
 */
export async function writeCounties(handle: DbHandle, batch: CountyRows[]): Promise<Record<string, number>> {
  const all = <K extends keyof CountyRows>(key: K): CountyRows[K] =>
    batch.flatMap((rows) => rows[key] as unknown[]) as CountyRows[K]
  const stations = all('stations').map(({ items, ...station }) => ({
    ...station,
    ...Object.fromEntries(itemColumns.map((column, i) => [column, items[i]])),
  }))
  const tables: [string, object[]][] = [
    ['stations', stations],
    ['deputies', all('deputies')],
    ['receptions', all('receptions')],
    ['opinions', all('opinions')],
    ['opinion_events', all('events')],
    ['micro_projects', all('projects')],
    ['reportbacks', all('reportbacks')],
    ['plans', all('plans')],
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
