// Every row of one demo county, built in memory from its own seeded generator: a county is the unit the
// seed writes (and the unit a larger scale streams), so peak memory is one county, not the whole demo.
import type { DbHandle } from '../index.ts'
import { buildReceptions } from './activity.ts'
import { buildDeputies } from './deputies.ts'
import { buildPlans, buildProjects, type MicroProject } from './funding.ts'
import { buildOpinions, type Opinion, opinionEvents } from './opinions.ts'
import { calibration, type DemoCounty, demoYears } from './places.ts'
import type { Random } from './random.ts'
import { buildReportbacks } from './reportbacks.ts'
import { countySizes, growth } from './sizes.ts'
import { buildStations, loadTownships, type Township } from './world.ts'

const jinsha = calibration.jinsha
/** 金沙县's micro-projects outside the article's year: [count, 元]; the fund grows after 2023's 13. */
const jinshaProjects: Record<number, readonly [number, number]> = {
  2021: [4, 110_000],
  2022: [6, 150_000],
  2023: [jinsha.projects, jinsha.fundsAllocated],
  2024: [15, 450_000],
  2025: [17, 520_000],
}

/** Per-county 2023 figures, jittered for the other years. */
const noisy = (rnd: Random, value: number) => Math.round(value * (0.95 + rnd.next() * 0.1))

/** Next id per table, shared by all counties so ids are unique across the demo. */
export type Ids = (table: string) => () => number

export function idCounters(): Ids {
  const next: Record<string, number> = {}
  return (table) => () => {
    next[table] = (next[table] ?? 0) + 1
    return next[table]
  }
}

export async function buildCounty(handle: DbHandle, county: DemoCounty, rnd: Random, ids: Ids) {
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
  for (const d of deputies) {
    const list = deputiesByTownship.get(d.townshipCode)
    if (list) list.push(d)
    else deputiesByTownship.set(d.townshipCode, [d])
  }
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
    const calibrate = exact ? { resolvedByYearEnd: jinsha.opinionsResolved, allSatisfied: true } : {}
    const cohort = buildOpinions(
      stations,
      byCode,
      deputiesByTownship,
      { year, total, online, prefix: size.prefix, ...calibrate },
      rnd,
      ids('opinions'),
    )
    opinions.push(...cohort)
    const [count, funds] = calibrated
      ? jinshaProjects[year]!
      : [
          Math.round(size.projects * growth[year]!),
          Math.round((size.projectFunds * growth[year]!) / 1000) * 1000,
        ]
    const spec = { countyCode: county.code, year, count, funds, allowCancelled: !exact, prefix: size.prefix }
    projects.push(...buildProjects(spec, townships, cohort, rnd, ids('micro_projects')))
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

export type CountyRows = Awaited<ReturnType<typeof buildCounty>>
