// The area rollups (packages/db/src/schema/rollups.ts), each defined once: its facts as rows to be summed, its
// keys, measures and the breakdowns it keeps. rollups.ts maintains them; area-reads.ts reads them.
import { sevenItemRate } from '@liaison/contracts/figures'
import { sevenItems } from '@liaison/db/enums'
import { type SQL, sql } from 'drizzle-orm'

export interface RollupTable {
  name: string
  /** Key columns after area_code, dim and dim_value. */
  keys: string[]
  /** Summed columns. */
  measures: string[]
  /** Breakdowns kept besides the total (dim = ''). */
  dims: string[]
  /** Flows are rebuilt month by month (from the city up, from the facts); stocks county by county, every level
   * holding every breakdown (their ancestors are sums of counties). */
  kind: 'flow' | 'stock'
  /** Its rows differ by breakdown (a township's first station of each kind): one pass per breakdown. */
  rowsPerDim?: true
  /** Keeps its breakdowns only: its totals are another table's. */
  withoutTotal?: true
  /** The finest area level kept (code length: 6 counties, 4 cities) and the finest that keeps the breakdowns. */
  finest: 6 | 4
  finestWithDims: 6 | 4
  /** The facts as rows of county_code, the keys, the breakdown columns and the measures. `where` filters the fact
   * table (alias given) by county and, for flows, by the month of the date column; `dim` is the breakdown the
   * rows will be grouped by (null: total). */
  rows(where: (alias: string, dateColumn: string | null) => SQL, dim: string | null): SQL
}

/** The first day of a date's month. Through `timestamp`: date_trunc on a date would go through timestamptz and
 * look up the time zone on every row (≈ 8× slower over millions of opinions). */
export const monthOf = (expr: string) => `date_trunc('month', (${expr})::timestamp)::date`
export const month = (expr: string) => sql.raw(monthOf(expr))

/** The day an opinion (alias o) was replied to: its reply date; where the register gives none, its resolution (答复
 * comes before 办结: a resolved opinion has been replied to), or for one the register marks 已答复, its receipt (as the
 * steps before a reply are dated), so that the replies counted are the opinions the statuses show replied. */
export const replyDay =
  "coalesce(o.replied_on, o.resolved_on, case when o.status = 'replied' then o.received_on end)"

export const receptionsRollup: RollupTable = {
  name: 'rollup_receptions',
  keys: ['month'],
  measures: ['receptions', 'visitors', 'deputy_attendances'],
  dims: ['kind'],
  kind: 'flow',
  finest: 6,
  finestWithDims: 4,
  rows: (where) =>
    sql`select r.county_code, ${month('r.occurred_on')} as month, r.kind, 1 as receptions,
          coalesce(r.visitors, 0) as visitors, coalesce(r.deputy_attendances, 0) as deputy_attendances
        from receptions r where ${where('r', 'occurred_on')}`,
}

export const projectsRollup: RollupTable = {
  name: 'rollup_projects',
  // event_month: the month a completed project was completed (its approval's without a date), so that a period's
  // end decides whether it counts as completed.
  keys: ['month', 'event_month'],
  measures: ['projects', 'projects_completed', 'funds_allocated', 'funds_spent'],
  dims: ['category', 'status'],
  kind: 'flow',
  finest: 6,
  finestWithDims: 4,
  rows: (where) =>
    sql`select p.county_code, ${month('p.approved_on')} as month,
          case when p.status = 'completed' then ${month('coalesce(p.completed_on, p.approved_on)')} end as event_month,
          p.category, p.status,
          (p.status <> 'cancelled')::int as projects, (p.status = 'completed')::int as projects_completed,
          case when p.status <> 'cancelled' then coalesce(p.allocated, 0) else 0 end as funds_allocated,
          case when p.status <> 'cancelled' then coalesce(p.spent, 0) else 0 end as funds_spent
        from micro_projects p where ${where('p', 'approved_on')}`,
}

/** An opinion cohort's counts: collected, then those that count events (replied, resolved and its kinds). */
export const cohortMeasures = [
  'collected',
  'replied',
  'resolved',
  'timely',
  'evaluated',
  'satisfied_or_basic',
  'satisfied',
]

/**
 * Each opinion as up to four event rows: received (in its month of receipt), replied, resolved (with its
 * timeliness and evaluation) and the month it became overdue. It is overdue at the end of month k when k is not
 * before the month of `received + limit + 1` and it is not resolved by then: so it enters the overdue count in
 * that month and leaves it in the month it is resolved (both only when the first comes before the second).
 * Four plain scans: a lateral VALUES per opinion was twice as slow over millions of rows.
 */
export const opinionsRollup: RollupTable = {
  name: 'rollup_opinions',
  keys: ['month', 'event_month'],
  measures: [...cohortMeasures, 'overdue_from', 'overdue_until'],
  // Not by status: an opinion's status at a period's end depends on that end (opinionStatusRollup keeps it).
  dims: ['category', 'channel', 'route'],
  kind: 'flow',
  finest: 6,
  finestWithDims: 4,
  rows: (where) => {
    const limit = 'coalesce(cs.timely_limit_days, 30)'
    const overdue = monthOf(`o.received_on + ${limit} + 1`)
    const resolved = monthOf('o.resolved_on')
    // One scan per kind of event; every branch names every measure (0 where the event does not count it).
    const event = (eventMonth: string, measures: Record<string, string>) =>
      sql.raw(`select o.county_code, ${monthOf('o.received_on')} as month, ${eventMonth} as event_month,
            o.category, o.channel, o.route,
            ${opinionsRollup.measures.map((m) => `${measures[m] ?? '0'} as ${m}`).join(', ')}
          from opinions o left join county_settings cs on cs.county_code = o.county_code
          where `)
    return sql.join(
      [
        sql`${event('null::date', { collected: '1' })} ${where('o', 'received_on')}`,
        sql`${event(monthOf(replyDay), { replied: '1' })} ${where('o', 'received_on')}
          and ${sql.raw(replyDay)} is not null`,
        sql`${event(resolved, {
          resolved: '1',
          timely: `(o.resolved_on - o.received_on <= ${limit})::int`,
          evaluated: '(o.evaluation is not null)::int',
          satisfied_or_basic: `coalesce(o.evaluation in ('satisfied', 'basic'), false)::int`,
          satisfied: `coalesce(o.evaluation = 'satisfied', false)::int`,
          overdue_until: `(${resolved} > ${overdue})::int`,
        })} ${where('o', 'received_on')} and o.resolved_on is not null`,
        sql`${event(overdue, { overdue_from: '1' })} ${where('o', 'received_on')}
          and (o.resolved_on is null or ${sql.raw(resolved)} > ${sql.raw(overdue)})`,
      ],
      sql` union all `,
    )
  },
}

/**
 * An opinion's (alias o) status, given whether its resolution and its reply (replyDay) have happened (SQL
 * conditions): 已办结, 已答复, or before its reply the register's step (收集, 上报, 办理: the importer dates them all on
 * receipt), or 办理中 for one the register has replied or resolved later.
 */
export const opinionStatusWhen = (resolved: SQL, replied: SQL) =>
  sql`case when ${resolved} then 'resolved' when ${replied} then 'replied'
    when o.status in ('replied', 'resolved') then 'handling' else o.status end`

/**
 * A unit's moves between statuses, as rows to be summed: the unit as +1 under its first status, and at each of its
 * events (taking effect in `order` within one month) its counts after the event under its status then, less its
 * counts before under its status before. Summed up to a month's end, the rows give every unit's status and counts
 * at that end. `select` writes one row's select: `happened(x)` is whether event x has happened then (an SQL
 * condition), `event` the event of the row (null: the first status).
 */
function moves<E extends string>(
  order: readonly E[],
  monthOfEvent: Record<E, string>,
  select: (happened: (x: E) => string, sign: 1 | -1, event: E | null) => SQL,
): SQL {
  const at = (e: E | null, including: boolean) => (x: E) => {
    if (e === null) return 'false'
    if (x === e) return String(including)
    const before = order.indexOf(x) < order.indexOf(e) ? '<=' : '<'
    return `coalesce(${monthOfEvent[x]} ${before} ${monthOfEvent[e]}, false)`
  }
  const rows = [
    select(at(null, true), 1, null),
    ...order.flatMap((e) => [select(at(e, true), 1, e), select(at(e, false), -1, e)]),
  ]
  return sql.join(rows, sql` union all `)
}

/** Counts (SQL conditions) as the measures of a moves row, with its sign. */
const signed = (counts: string[], measures: string[], sign: 1 | -1) =>
  sql.raw(counts.map((c, i) => `${sign} * (${c})::int as ${measures[i]}`).join(', '))

const opinionEvents = ['replied', 'resolved', 'overdue'] as const

/** Each opinion's moves (replied, resolved, became overdue) between statuses, by month of receipt. */
export const opinionStatusRollup: RollupTable = {
  name: 'rollup_opinion_status',
  keys: ['month', 'event_month'],
  measures: [...cohortMeasures, 'overdue'],
  dims: ['status'],
  withoutTotal: true,
  kind: 'flow',
  // A county's rows would be about as many as its opinions: a county reads its facts.
  finest: 4,
  finestWithDims: 4,
  rows: (where) => {
    const limit = 'coalesce(cs.timely_limit_days, 30)'
    const monthOfEvent = {
      replied: monthOf(replyDay),
      resolved: monthOf('o.resolved_on'),
      overdue: monthOf(`o.received_on + ${limit} + 1`),
    }
    const happens = {
      replied: `${replyDay} is not null`,
      resolved: 'o.resolved_on is not null',
      // Only while open: once resolved, becoming overdue changes nothing.
      overdue: `(o.resolved_on is null or ${monthOfEvent.resolved} > ${monthOfEvent.overdue})`,
    }
    return moves(opinionEvents, monthOfEvent, (happened, sign, event) => {
      const [replied, resolved, overdue] = opinionEvents.map(happened)
      const counts = [
        'true',
        replied!,
        resolved!,
        `${resolved} and o.resolved_on - o.received_on <= ${limit}`,
        `${resolved} and o.evaluation is not null`,
        `${resolved} and coalesce(o.evaluation in ('satisfied', 'basic'), false)`,
        `${resolved} and coalesce(o.evaluation = 'satisfied', false)`,
        `${overdue} and not ${resolved}`,
      ]
      return sql`select o.county_code, ${month('o.received_on')} as month,
          ${sql.raw(event ? monthOfEvent[event] : monthOf('o.received_on'))} as event_month,
          ${opinionStatusWhen(sql.raw(resolved!), sql.raw(replied!))} as status,
          ${signed(counts, opinionStatusRollup.measures, sign)}
        from opinions o left join county_settings cs on cs.county_code = o.county_code
        where ${where('o', 'received_on')} and ${sql.raw(event ? happens[event] : 'true')}`
    })
  },
}

/** Resolved opinions by their exact days to resolve (for medians and percentiles). */
export const opinionDaysRollup: RollupTable = {
  name: 'rollup_opinion_days',
  keys: ['month', 'event_month', 'days'],
  measures: ['opinions'],
  dims: [],
  kind: 'flow',
  // A county's histograms would be nearly as many rows as its opinions: a county reads its facts.
  finest: 4,
  finestWithDims: 4,
  rows: (where) =>
    sql`select o.county_code, ${month('o.received_on')} as month, ${month('o.resolved_on')} as event_month,
          o.resolved_on - o.received_on as days, 1 as opinions
        from opinions o where ${where('o', 'received_on')} and o.resolved_on is not null`,
}

/** A station (alias s) with premises: an online station has none, so it is never built nor meets 七有. */
export const physical = `s.kind <> 'online'`

/** Each item of 七有: the measure counting built stations that meet it (seven_venue …), the station column it reads
 * and the catalogue's figure of it (seven_venue_rate …). */
export const sevenItemMeasures = sevenItems.map((i) => ({
  item: i,
  measure: `seven_${i.value}`,
  column: `has_${i.value}`,
  rate: sevenItemRate(i.value),
}))
/** A station (alias s) meets all seven items. */
export const allSeven = sevenItemMeasures.map((i) => `s.${i.column}`).join(' and ')
const itemMeasures = sevenItemMeasures.map((i) => i.measure)
const stationMeasures = [
  'built',
  'standardised',
  'standardised_planned_kinds',
  'seven',
  ...itemMeasures,
  'townships_covered',
]

/** Each station as the month it was built and the month it was standardised (and a row without a month, so
 * every kind present has its row); a township is covered from the month its first 联络站 was built
 * (per breakdown value: the first such station of that value). */
export const stationsRollup: RollupTable = {
  name: 'rollup_stations',
  keys: ['month'],
  measures: stationMeasures,
  // Not by status: a station's changes with time (stationStatusRollup keeps it).
  dims: ['kind'],
  kind: 'stock',
  rowsPerDim: true,
  finest: 6,
  finestWithDims: 6,
  rows: (where, dim) => {
    const counts = `s.kind = 'station' and s.built_on is not null`
    const partition = sql.raw(`s.township_code, (${counts})${dim ? `, s.${dim}` : ''}`)
    const built = (condition: string) => sql.raw(`(${physical} and ${condition})::int`)
    const items = sevenItemMeasures.map((i) => built(`s.${i.column}`))
    const none = sql.raw(itemMeasures.map(() => '0').join(', '))
    return sql`select s.county_code, e.month, s.kind, ${sql.raw(stationMeasures.map((m) => `e.${m}`).join(', '))}
        from (select s.*, case when ${sql.raw(counts)}
                then row_number() over (partition by ${partition} order by s.built_on, s.id) end as nth
              from stations s where ${where('s', null)}) s
        cross join lateral (values
          (null::date, 0, 0, 0, 0, ${none}, 0, true),
          (${month('s.built_on')}, ${built('true')}, 0, 0, ${built(allSeven)}, ${sql.join(items, sql`, `)},
            coalesce(s.nth = 1, false)::int, s.built_on is not null),
          (${month('s.standardised_on')}, 0, (${sql.raw(physical)})::int, (s.kind in ('station', 'room'))::int, 0, ${none}, 0,
            s.standardised_on is not null)
        ) e(month, ${sql.raw(stationMeasures.join(', '))}, happens)
        where e.happens`
  },
}

/**
 * A station's (alias s) status, given whether it has been standardised and built (SQL conditions): 已规范化, 已建成,
 * or before that the register's 规划 or 建设中 (建设中 for one the register has built later: its works' start is not
 * recorded). Without dates the register's status stands.
 */
export const stationStatusWhen = (standardised: SQL, built: SQL) =>
  sql`case when ${standardised} then 'standardised' when ${built} then 'built'
    when s.built_on is null and s.standardised_on is null or s.status in ('planned', 'building') then s.status
    else 'building' end`

const stationEvents = ['built', 'standardised'] as const

/** Each station's moves (built, standardised) between statuses; `present` counts the stations of a status. */
export const stationStatusRollup: RollupTable = {
  name: 'rollup_station_status',
  keys: ['month'],
  measures: ['present', 'built', 'standardised', 'standardised_planned_kinds', 'seven', ...itemMeasures],
  dims: ['status'],
  withoutTotal: true,
  kind: 'stock',
  finest: 6,
  finestWithDims: 6,
  rows: (where) => {
    const monthOfEvent = { built: monthOf('s.built_on'), standardised: monthOf('s.standardised_on') }
    return moves(stationEvents, monthOfEvent, (happened, sign, event) => {
      const [built, standardised] = stationEvents.map(happened)
      const builtWith = (condition: string) => `${physical} and ${built} and ${condition}`
      const counts = [
        'true',
        builtWith('true'),
        `${physical} and ${standardised}`,
        `s.kind in ('station', 'room') and ${standardised}`,
        builtWith(allSeven),
        ...sevenItemMeasures.map((i) => builtWith(`s.${i.column}`)),
      ]
      return sql`select s.county_code, ${sql.raw(event ? monthOfEvent[event] : 'null::date')} as month,
          ${stationStatusWhen(sql.raw(standardised!), sql.raw(built!))} as status,
          ${signed(counts, stationStatusRollup.measures, sign)}
        from stations s where ${where('s', null)} and ${sql.raw(event ? `s.${event}_on is not null` : 'true')}`
    })
  },
}

/** Each deputy: counted always (month null), covered from the month their station was built (an online station is
 * never built: it has no premises, as stations built count them), required to report
 * from the month the county's term window opens (1 January of the plan's first year with a report-back share;
 * always without one), reported from the month of their first report-back in that window. */
export const deputiesRollup: RollupTable = {
  name: 'rollup_deputies',
  keys: ['month'],
  measures: ['deputies_total', 'deputies_covered', 'reportback_required', 'reportback_done'],
  dims: ['level', 'category'],
  kind: 'stock',
  finest: 6,
  finestWithDims: 6,
  rows: (where) =>
    sql`select d.county_code, e.month, d.level, d.category, e.deputies_total, e.deputies_covered,
          e.reportback_required, e.reportback_done
        from deputies d
        left join stations s on s.id = d.station_id
        cross join lateral (select make_date(min(pl.year), 1, 1) as opens from plans pl
          where pl.county_code = d.county_code and pl.reportback_share is not null) w
        left join lateral (select min(rb.held_on) as first from reportbacks rb where rb.deputy_id = d.id
          and rb.held_on >= coalesce(w.opens, date '1900-01-01')) rb on true
        cross join lateral (values
          (null::date, 1, 0, 0, 0, true),
          (${month('w.opens')}, 0, 0, 1, 0, true),
          (${month('s.built_on')}, 0, 1, 0, 0, s.built_on is not null and ${sql.raw(physical)}),
          (${month('rb.first')}, 0, 0, 0, 1, rb.first is not null)
        ) e(month, deputies_total, deputies_covered, reportback_required, reportback_done, happens)
        where ${where('d', null)} and e.happens`,
}

export const flowRollups = [
  receptionsRollup,
  projectsRollup,
  opinionsRollup,
  opinionStatusRollup,
  opinionDaysRollup,
]
export const stockRollups = [stationsRollup, stationStatusRollup, deputiesRollup]
export const rollupTables = [...flowRollups, ...stockRollups]
