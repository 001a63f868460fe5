// The deterministic demo: the five places of the source articles, 2021–2025, calibrated to their figures.
import type { DbHandle } from '../index.ts'
import { buildReceptions } from './activity.ts'
import { buildPlans, buildProjects, type MicroProject } from './funding.ts'
import { buildOpinions, type Opinion, opinionEvents } from './opinions.ts'
import { calibration, type DemoCounty, demoCounties, demoYears } from './places.ts'
import { Random } from './random.ts'
import { buildReportbacks } from './reportbacks.ts'
import { countySizes, growth } from './sizes.ts'
import { buildDeputies, buildStations, loadTownships, type Township } from './world.ts'

export { calibration, demoCounties, demoCountyCodes, demoFrom, demoTo, demoYears } from './places.ts'

export interface SeedOptions {
  seed?: number
  /** 'demo' = the seven article counties at their real size. Larger scales come with the benchmark. */
  scale?: 'demo'
}

export async function isDatabaseEmpty(handle: DbHandle): Promise<boolean> {
  const [row] = await handle.rows<{ empty: boolean }>('select not exists (select 1 from stations) as empty')
  return row?.empty ?? true
}

const jinsha = calibration.jinsha
/** Per-county 2023 figures, jittered by a county's own generator for the other years. */
const noisy = (rnd: Random, value: number) => Math.round(value * (0.95 + rnd.next() * 0.1))

function counters() {
  const next: Record<string, number> = {}
  return (table: string) => () => (next[table] = (next[table] ?? 0) + 1)
}

/** Build every row of one county (pure, deterministic for its seed). */
async function buildCounty(
  handle: DbHandle,
  county: DemoCounty,
  rnd: Random,
  ids: ReturnType<typeof counters>,
) {
  const size = countySizes[county.code]!
  const calibrated = county.code === jinsha.county
  const townships = await loadTownships(handle, county, rnd)
  const byCode = new Map<string, Township>(townships.map((t) => [t.code, t]))
  const stations = buildStations(
    county,
    size,
    townships,
    rnd,
    ids('stations'),
    calibrated ? { stations: [11, 20, 26], rooms: [26, 48, 66] } : null,
  )
  const deputies = buildDeputies(size, townships, stations, rnd, ids('deputies'))
  const deputiesByTownship = new Map<string, typeof deputies>()
  for (const d of deputies)
    deputiesByTownship.set(d.townshipCode, [...(deputiesByTownship.get(d.townshipCode) ?? []), d])
  const receptions = demoYears.flatMap((year) => {
    const exact = calibrated && year === jinsha.year
    const total = exact ? jinsha.receptions : noisy(rnd, size.receptions * growth[year]!)
    const visitors = exact ? jinsha.visitors : noisy(rnd, total * size.visitorsPerActivity)
    return buildReceptions(stations, byCode, year, total, visitors, size.prefix, rnd, ids('receptions'))
  })
  const opinions: Opinion[] = []
  const projects: MicroProject[] = []
  for (const year of demoYears) {
    const exact = calibrated && year === jinsha.year
    const total = exact ? jinsha.opinionsCollected : noisy(rnd, size.opinions * growth[year]!)
    const online = exact ? jinsha.onlineCollected : Math.round(total * size.onlineShare)
    const cohort = buildOpinions(
      stations,
      byCode,
      deputiesByTownship,
      {
        year,
        total,
        online,
        prefix: size.prefix,
        ...(exact ? { resolvedByYearEnd: jinsha.opinionsResolved, allSatisfied: true } : {}),
      },
      rnd,
      ids('opinions'),
    )
    opinions.push(...cohort)
    const [count, funds] = calibrated
      ? (
          {
            2021: [0, 0],
            2022: [6, 150_000],
            2023: [jinsha.projects, jinsha.fundsAllocated],
            2024: [15, 450_000],
            2025: [17, 520_000],
          } as const
        )[year]
      : [
          Math.round(size.projects * growth[year]!),
          Math.round((size.projectFunds * growth[year]!) / 1000) * 1000,
        ]
    projects.push(
      ...buildProjects(
        county.code,
        townships,
        year,
        count,
        funds,
        !exact,
        cohort,
        size.prefix,
        rnd,
        ids('micro_projects'),
      ),
    )
  }
  const events = opinions.flatMap((o) => opinionEvents(o, rnd, ids('opinion_events')))
  const reportbacks = buildReportbacks(deputies, byCode, rnd, ids('reportbacks'))
  const kinds = (kind: string) => stations.filter((s) => s.kind === kind).length
  const plans = buildPlans(
    county.code,
    { stations: kinds('station'), rooms: kinds('room') },
    calibrated ? { stations: [12, 20], rooms: [30, 50] } : null,
    size.fundBudget,
    rnd,
  )
  return { townships, stations, deputies, receptions, opinions, events, projects, reportbacks, plans }
}

type Built = Awaited<ReturnType<typeof buildCounty>>

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

async function copyObjects<T extends object>(
  handle: DbHandle,
  table: string,
  rows: T[],
  omit: string[] = [],
) {
  if (rows.length === 0) return
  const keys = Object.keys(rows[0]!).filter((k) => !omit.includes(k))
  await handle.copyRows(
    table,
    keys.map(snake),
    rows.map((r) => keys.map((k) => (r as Record<string, unknown>)[k])),
  )
}

async function write(handle: DbHandle, all: Built[]) {
  const flat = <K extends keyof Built>(key: K): Built[K] =>
    all.flatMap((b) => b[key] as unknown[]) as Built[K]
  const stations = flat('stations')
  await copyObjects(handle, 'stations', stations, ['items'])
  // The seven-item flags arrive as one update per pattern rather than seven COPY columns of noise.
  const values = stations.map((s) => `(${s.id}, ${s.items.map(String).join(', ')})`).join(',\n')
  await handle.exec(`update stations s set ${itemColumns.map((c) => `${c} = v.${c}`).join(', ')}
    from (values ${values}) as v(id, ${itemColumns.join(', ')}) where s.id = v.id`)
  await copyObjects(handle, 'deputies', flat('deputies'))
  await copyObjects(handle, 'receptions', flat('receptions'))
  await copyObjects(handle, 'opinions', flat('opinions'))
  await copyObjects(handle, 'opinion_events', flat('events'))
  await copyObjects(handle, 'micro_projects', flat('projects'))
  await copyObjects(handle, 'reportbacks', flat('reportbacks'))
  await copyObjects(handle, 'plans', flat('plans'))
  const populations: [string, number][] = all.flatMap((b, i): [string, number][] => [
    [demoCounties[i]!.code, demoCounties[i]!.population],
    ...b.townships.map((t): [string, number] => [t.code, t.population]),
  ])
  await handle.exec(`update regions r set population = v.p from (values ${populations.map(([c, p]) => `('${c}', ${p})`).join(', ')}) as v(c, p) where r.code = v.c;
    insert into county_settings (county_code, timely_limit_days) values ${demoCounties.map((c) => `('${c.code}', ${c.code === '141122' ? 45 : 30})`).join(', ')} on conflict do nothing;
    ${['stations', 'deputies', 'receptions', 'opinions', 'opinion_events', 'micro_projects', 'reportbacks']
      .map(
        (t) =>
          `select setval(pg_get_serial_sequence('${t}', 'id'), (select coalesce(max(id), 0) + 1 from ${t}), false);`,
      )
      .join('\n')}`)
}

const dataTables =
  'county_settings, plans, reportbacks, micro_projects, opinion_events, opinions, receptions, deputies, stations'

/** Seed the demo into an empty database. On any failure the demo tables are emptied again: no partial seed. */
export async function seedDemo(handle: DbHandle, options: SeedOptions = {}) {
  const started = performance.now()
  const seed = options.seed ?? 20231231
  const ids = counters()
  const all: Built[] = []
  for (const [i, county] of demoCounties.entries())
    all.push(await buildCounty(handle, county, new Random(seed + i * 7919), ids))
  try {
    await write(handle, all)
  } catch (error) {
    await handle.exec(`truncate ${dataTables} restart identity cascade`)
    throw error
  }
  const count = (key: keyof Built) => all.reduce((n, b) => n + b[key].length, 0)
  const rows = {
    stations: count('stations'),
    deputies: count('deputies'),
    receptions: count('receptions'),
    opinions: count('opinions'),
    opinion_events: count('events'),
    micro_projects: count('projects'),
    reportbacks: count('reportbacks'),
    plans: count('plans'),
  }
  return { rows, seconds: (performance.now() - started) / 1000 }
}
