// Data completeness (数据报送情况): which stations filed nothing in the period's last month, whose registers are
// stale, and the share that filed on time — the first thing a county leader asks of the registers.
import type { Completeness } from '@liaison/contracts'
import { beijingDay } from '@liaison/contracts/days'
import type { DbOrTx } from '@liaison/db'
import { sql } from 'drizzle-orm'
import { rowsOf } from './db.ts'
import { inRegion, regionLevel } from './scope.ts'

/** A station whose latest register entry is older than this, at the period's end, has stale registers. */
export const staleDays = 60

/**
 * The day completeness is read at: the period's last day once it is over; while it runs, the end of the last whole
 * month (a month just begun has no registers filed yet, and a future one none at all); null when that month is not
 * in the period.
 */
export function completenessDay(from: string, to: string, today: string): string | null {
  if (to < today) return to
  const lastMonthEnd = daysBefore(`${today.slice(0, 7)}-01`, 1)
  return lastMonthEnd >= from ? lastMonthEnd : null
}

/**
 * The completeness of a county or a township in the period (see completenessDay for the month); null above a
 * county, where the stations are too many to list (the areas table shows which areas filed nothing), and for a
 * period without a whole month behind it.
 */
export async function stationCompleteness(
  db: DbOrTx,
  region: string,
  from: string,
  end: string,
  today = beijingDay(new Date()),
): Promise<Completeness> {
  const level = regionLevel(region)
  const to = completenessDay(from, end, today)
  if ((level !== 'county' && level !== 'township') || !to) return null
  const monthStart = `${to.slice(0, 7)}-01`
  const rows = await rowsOf<{
    id: number
    name: string
    township: string
    township_name: string
    last_filed: string | null
  }>(
    db,
    sql`select s.id, s.name, s.township_code as township, r.name as township_name,
          greatest(
            (select max(x.occurred_on) from receptions x where x.station_id = s.id and x.occurred_on <= ${to}),
            (select max(o.received_on) from opinions o where o.station_id = s.id and o.received_on <= ${to})
          )::text as last_filed
        from stations s join regions r on r.code = s.township_code
        where ${inRegion('s', region)} and s.status in ('built', 'standardised')
          and (s.built_on is null or s.built_on <= ${to})
        order by s.township_code, s.kind, s.code`,
  )
  const staleBefore = daysBefore(to, staleDays)
  const stations = rows.map((r) => ({
    ...r,
    filed_in_month: r.last_filed !== null && r.last_filed >= monthStart,
    stale: r.last_filed === null || r.last_filed < staleBefore,
  }))
  const filed = stations.filter((s) => s.filed_in_month).length
  return {
    month: to.slice(0, 7),
    staleDays,
    onTimeRate: stations.length ? filed / stations.length : null,
    stations,
  }
}

/** The ISO day `days` days before `day`. */
function daysBefore(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - days)
  return d.toISOString().slice(0, 10)
}
