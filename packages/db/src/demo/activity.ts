// Receptions and activities (接待/走访/活动): a county-year total spread over active stations and months,
// weighted by township strength and the season, so calibrated totals come out exactly.
import { dayOf, daysInMonth, seasonality } from './dates.ts'
import { distribute, type Random } from './random.ts'
import type { Station, Township } from './world.ts'

export interface Reception {
  id: number
  countyCode: string
  townshipCode: string
  stationId: number
  occurredOn: string
  kind: string
  deputyAttendances: number
  visitors: number
  recordNo: string
}

const kindFactor: Record<Station['kind'], number> = {
  station: 3,
  room: 1,
  point: 0.5,
  home: 1.5,
  online: 0.6,
}
const visitWeight: Record<string, number> = {
  in_station: 1.5,
  visit: 1.2,
  online: 0.8,
  themed: 2,
  inspection: 0.4,
  training: 0.15,
}

/** Station × month slots of a year with their weights; a station counts from the month it was built. */
export function activeSlots(
  stations: Station[],
  townships: Map<string, Township>,
  year: number,
  filter: (s: Station) => boolean,
) {
  const slots: { station: Station; month: number; weight: number }[] = []
  for (const station of stations) {
    if (!filter(station) || !station.builtOn) continue
    for (let month = 1; month <= 12; month++) {
      if (station.builtOn > dayOf(year, month, daysInMonth(year, month))) continue
      const strength = townships.get(station.townshipCode)!.strength
      slots.push({ station, month, weight: strength * kindFactor[station.kind] * seasonality[month - 1]! })
    }
  }
  return slots
}

export function buildReceptions(
  stations: Station[],
  townships: Map<string, Township>,
  year: number,
  total: number,
  visitorsTotal: number,
  prefix: string,
  rnd: Random,
  nextId: () => number,
): Reception[] {
  const slots = activeSlots(stations, townships, year, () => true)
  const counts = distribute(
    total,
    slots.map((s) => s.weight * (0.6 + rnd.next() * 0.8)),
  )
  const rows: Reception[] = []
  slots.forEach((slot, i) => {
    for (let k = 0; k < counts[i]!; k++) {
      const kind =
        slot.station.kind === 'online'
          ? 'online'
          : rnd.weighted(['in_station', 'visit', 'themed', 'inspection', 'training'], [45, 30, 10, 8, 7])
      rows.push({
        id: nextId(),
        countyCode: slot.station.countyCode,
        townshipCode: slot.station.townshipCode,
        stationId: slot.station.id,
        occurredOn: dayOf(year, slot.month, rnd.int(1, daysInMonth(year, slot.month))),
        kind,
        deputyAttendances:
          kind === 'online' ? 1 : rnd.int(1, kind === 'inspection' || kind === 'training' ? 8 : 4),
        visitors: 0,
        recordNo: '',
      })
    }
  })
  rows.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id - b.id))
  const visitors = distribute(
    visitorsTotal,
    rows.map((r) => visitWeight[r.kind]! * (0.3 + rnd.next() * 1.4)),
  )
  rows.forEach((r, i) => {
    r.visitors = visitors[i]!
    r.recordNo = `${prefix}-JD-${year}-${String(i + 1).padStart(5, '0')}`
  })
  return rows
}
