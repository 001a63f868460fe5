// Station lists, details and the composite station score.
import type { StationRow } from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { sql } from 'drizzle-orm'
import { rowsOf } from './db.ts'
import { queryMetrics } from './query.ts'
import { sevenItemMeasures } from './rollup-tables.ts'
import { inRegion } from './scope.ts'
import { stationStatusAsOf } from './sources.ts'

const itemCount = sql.raw(sevenItemMeasures.map((i) => `s.${i.column}::int`).join(' + '))

export type { StationRow }

/**
 * The stations of a region. With `asOf`, each one's status at that date as its dates tell it, as the cards count:
 * standardised or built by then; one built later was not yet built then (its works' start is not recorded, so it
 * shows as 建设中 unless the register still says 规划). Without dates the register's status stands.
 */
export function listStations(db: DbOrTx, region: string, asOf?: string) {
  const status = asOf ? stationStatusAsOf(asOf) : sql`s.status`
  return rowsOf<StationRow>(
    db,
    sql`select s.id, s.code, s.name, s.kind, ${status} as status, s.township_code, r.name as township_name, s.built_on,
          s.standardised_on, (${itemCount})::int as seven_items,
          (select count(*)::int from deputies d where d.station_id = s.id) as deputies
        from stations s join regions r on r.code = s.township_code
        where ${inRegion('s', region)} order by s.township_code, s.kind, s.code`,
  )
}

/** A station's profile (its status at the period's end, as the list shows it), staff, deputies (phones masked
 * unless asked by an admin) and monthly activity. */
export async function stationDetail(db: DbOrTx, id: number, from: string, to: string, showPhones: boolean) {
  const [row] = await rowsOf<Record<string, unknown>>(
    db,
    sql`select s.*, ${stationStatusAsOf(to)} as status_then, r.name as township_name, v.name as village_name
        from stations s join regions r on r.code = s.township_code left join regions v on v.code = s.village_code
        where s.id = ${id}`,
  )
  if (!row) return null
  const { status_then, ...rest } = row
  const station: Record<string, unknown> = { ...rest, status: status_then }
  const deputies = await rowsOf<{ name: string; level: string; category: string; phone: string | null }>(
    db,
    sql`select name, level, category, phone from deputies where station_id = ${id} order by level, name`,
  )
  const monthly = (await stationsMonthly(db, [id], from, to)).map(({ station: _, ...m }) => m)
  return {
    station,
    deputies: deputies.map((d) => ({ ...d, phone: showPhones ? d.phone : maskPhone(d.phone) })),
    monthly,
  }
}

/** Monthly receptions and people received of some stations, in one query. */
export function stationsMonthly(db: DbOrTx, ids: number[], from: string, to: string) {
  return rowsOf<{ station: string; month: string; receptions: number; visitors: number }>(
    db,
    sql`select station_id::text as station, to_char(occurred_on, 'YYYY-MM') as month, count(*)::int as receptions,
          coalesce(sum(visitors), 0)::int as visitors
        from receptions where station_id in ${ids.length ? ids : [0]} and occurred_on between ${from} and ${to}
        group by 1, 2 order by 1, 2`,
  )
}

/** Personal data: 139****5678. */
export const maskPhone = (phone: string | null) =>
  phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null

/** Default weights of the composite score; the API accepts others (they are normalised to sum to 1). */
export const defaultScoreWeights = { activity: 0.3, resolution: 0.3, satisfaction: 0.2, standard: 0.2 }
export type ScoreWeights = typeof defaultScoreWeights

/**
 * Composite station score, 0–100: activity (activities ÷ the most active station's), resolution rate,
 * satisfaction rate, and the share of the seven items met, weighted. A missing rate counts as the region's.
 */
export async function stationScores(
  db: DbOrTx,
  spec: { region: string; from: string; to: string },
  weights: ScoreWeights = defaultScoreWeights,
) {
  const { data } = await queryMetrics(db, {
    ...spec,
    by: 'station',
    ids: ['receptions', 'resolution_rate', 'satisfaction_rate'],
  })
  const [region] = (await queryMetrics(db, { ...spec, ids: ['resolution_rate', 'satisfaction_rate'] })).data
  const stations = (await listStations(db, spec.region)).filter((s) => s.kind !== 'online')
  const byId = new Map(data.map((r) => [Number(r.station), r]))
  // Not Math.max(...rows): a nation's 234,000 stations are more arguments than a call takes.
  const most = data.reduce((max, r) => Math.max(max, Number(r.receptions ?? 0)), 1)
  const total = Object.values(weights).reduce((a, b) => a + b, 0) || 1
  return stations
    .map((s) => {
      const r = byId.get(s.id)
      const parts = {
        activity: Number(r?.receptions ?? 0) / most,
        resolution: (r?.resolution_rate ?? region?.resolution_rate ?? 0) as number,
        satisfaction: (r?.satisfaction_rate ?? region?.satisfaction_rate ?? 0) as number,
        standard: s.seven_items / 7,
      }
      const score =
        (Object.keys(weights) as (keyof ScoreWeights)[]).reduce((sum, k) => sum + weights[k] * parts[k], 0) /
        total
      return {
        id: s.id,
        name: s.name,
        township_name: s.township_name,
        kind: s.kind,
        parts,
        score: Math.round(score * 1000) / 10,
      }
    })
    .sort((a, b) => b.score - a.score)
}
