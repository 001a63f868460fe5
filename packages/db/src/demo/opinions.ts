// 社情民意 with their whole workflow: received → reported → handling → replied → resolved, evaluations.
import type { OpinionCategory } from '../schema/enums.ts'
import { activeSlots } from './activity.ts'
import { addDays, dayMs, dayOf, daysBetween, daysInMonth, maxDay, minDay } from './dates.ts'
import type { Deputy } from './deputies.ts'
import { categoryWeights, opinionTopics } from './names.ts'
import { distribute, type Random } from './random.ts'
import type { Station, Township } from './world.ts'

/** The demo's data cut-off: nothing happens after it. */
export const cutoff = '2025-12-31'

export interface Opinion {
  id: number
  countyCode: string
  townshipCode: string
  stationId: number
  deputyId: number | null
  registerNo: string
  receivedOn: string
  channel: string
  category: OpinionCategory
  content: string
  status: string
  route: string | null
  repliedOn: string | null
  resolvedOn: string | null
  evaluation: string | null
  crossRegion: boolean
}

export interface OpinionEvent {
  id: number
  opinionId: number
  countyCode: string
  status: string
  occurredOn: string
}

export interface OpinionCohort {
  year: number
  total: number
  online: number
  /** Exactly this many resolved by the year's end (calibration), else left to chance. */
  resolvedByYearEnd?: number
  /** No unsatisfied evaluation in this cohort (calibration: satisfaction 100%). */
  allSatisfied?: boolean
  prefix: string
}

const categories = Object.keys(categoryWeights) as OpinionCategory[]
const categoryW = categories.map((c) => categoryWeights[c])

export function buildOpinions(
  stations: Station[],
  townships: Map<string, Township>,
  deputiesByTownship: Map<string, Deputy[]>,
  cohort: OpinionCohort,
  rnd: Random,
  nextId: () => number,
): Opinion[] {
  const { year } = cohort
  const yearEnd = `${year}-12-31`
  const rows: Opinion[] = []
  const place = (online: boolean, total: number) => {
    const slots = activeSlots(stations, townships, year, (s) => (s.kind === 'online') === online)
    const counts = distribute(
      total,
      slots.map((s) => s.weight * (0.5 + rnd.next())),
    )
    slots.forEach((slot, i) => {
      for (let k = 0; k < counts[i]!; k++) {
        const t = townships.get(slot.station.townshipCode)!
        const receivedOn = dayOf(year, slot.month, rnd.int(1, daysInMonth(year, slot.month)))
        const slow = t.lagging ? 2.2 : t.strength > 1.3 ? 0.7 : 1
        const days = online ? rnd.int(1, 12) : Math.round(Math.exp(Math.log(14 * slow) + rnd.normal() * 0.7))
        const resolves = rnd.chance(t.lagging ? 0.84 : t.strength > 1.3 ? 0.985 : 0.95)
        const deputies = deputiesByTownship.get(t.code) ?? []
        const category = rnd.weighted(categories, categoryW)
        rows.push({
          id: nextId(),
          countyCode: slot.station.countyCode,
          townshipCode: t.code,
          stationId: slot.station.id,
          deputyId: deputies.length && rnd.chance(0.7) ? rnd.pick(deputies).id : null,
          registerNo: '',
          receivedOn,
          channel: online
            ? 'online'
            : rnd.weighted(['in_station', 'visit', 'phone', 'wechat', 'qr'], [40, 30, 12, 12, 6]),
          category,
          content: opinionTopics[category],
          status: 'collected',
          route: null,
          repliedOn: null,
          resolvedOn: resolves ? addDays(receivedOn, Math.max(0, days)) : null,
          evaluation: null,
          crossRegion: rnd.chance(0.03),
        })
      }
    })
  }
  place(true, cohort.online)
  place(false, cohort.total - cohort.online)
  if (cohort.resolvedByYearEnd !== undefined) calibrateResolved(rows, cohort.resolvedByYearEnd, yearEnd, rnd)
  rows.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.id - b.id))
  rows.forEach((row, i) => {
    row.registerNo = `${cohort.prefix}-SQ-${year}-${String(i + 1).padStart(5, '0')}`
    settle(
      row,
      townships.get(row.townshipCode)!,
      rnd,
      cohort.allSatisfied ?? false,
      cohort.resolvedByYearEnd !== undefined ? yearEnd : cutoff,
    )
  })
  return rows
}

/** Move resolution dates across the year's end until exactly `target` opinions are resolved by then. */
function calibrateResolved(rows: Opinion[], target: number, yearEnd: string, rnd: Random) {
  const done = rows.filter((r) => r.resolvedOn && r.resolvedOn <= yearEnd)
  if (done.length > target) {
    // Late-received ones slip into the next year, spread over the last months rather than all of December.
    const lateness = new Map(done.map((r) => [r, dayMs(r.receivedOn) + rnd.next() * 150 * 86_400_000]))
    done.sort((a, b) => lateness.get(b)! - lateness.get(a)!)
    for (const r of done.slice(0, done.length - target))
      r.resolvedOn = rnd.chance(0.9) ? addDays(yearEnd, rnd.int(3, 75)) : null
  } else if (done.length < target) {
    const open = rows
      .filter((r) => !r.resolvedOn || r.resolvedOn > yearEnd)
      .sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : 1))
    for (const r of open.slice(0, target - done.length)) {
      r.resolvedOn = addDays(r.receivedOn, rnd.int(0, Math.min(30, daysBetween(r.receivedOn, yearEnd))))
    }
  }
}

/** Derive replies, status, route and evaluation from the dates; nothing happens after the cut-off. */
function settle(row: Opinion, t: Township, rnd: Random, allSatisfied: boolean, replyBy: string) {
  if (row.resolvedOn && row.resolvedOn > cutoff) row.resolvedOn = null
  const online = row.channel === 'online'
  if (online) {
    // The online station answers every message within days (the article: 505 collected, 505 replied).
    const reply = addDays(row.receivedOn, rnd.int(0, 3))
    row.repliedOn = minDay(minDay(reply, row.resolvedOn ?? reply), replyBy)
  } else if (row.resolvedOn) {
    const reply = addDays(row.resolvedOn, -rnd.int(0, 3))
    row.repliedOn = maxDay(reply, row.receivedOn)
  } else if (rnd.chance(0.4)) {
    const reply = addDays(row.receivedOn, rnd.int(3, 20))
    row.repliedOn = reply <= cutoff ? reply : null
  }
  if (row.resolvedOn) {
    row.status = 'resolved'
    row.route = rnd.weighted(['deputy', 'council', 'departments', 'suggestion'], [35, 20, 35, 10])
    if (rnd.chance(0.85)) {
      const w = allSatisfied
        ? [82, 18, 0]
        : t.lagging
          ? [55, 30, 15]
          : t.strength > 1.3
            ? [82, 16, 2]
            : [70, 24, 6]
      row.evaluation = rnd.weighted(['satisfied', 'basic', 'unsatisfied'], w)
    }
  } else if (row.repliedOn) {
    row.status = 'replied'
    row.route = rnd.chance(0.5) ? rnd.pick(['departments', 'suggestion']) : null
  } else {
    row.status =
      daysBetween(row.receivedOn, cutoff) < 3 ? 'collected' : rnd.chance(0.3) ? 'reported' : 'handling'
  }
}

const steps = ['collected', 'reported', 'handling', 'replied', 'resolved']

/** The status history: one dated row per step reached, dates never going backwards. */
export function opinionEvents(row: Opinion, rnd: Random, nextId: () => number): OpinionEvent[] {
  const reached = steps.indexOf(row.status)
  const bound = row.repliedOn ?? row.resolvedOn ?? cutoff
  const reported = minDay(addDays(row.receivedOn, rnd.int(0, 2)), bound)
  const handling = minDay(addDays(reported, rnd.int(0, 3)), bound)
  const dates: Record<string, string | null> = {
    collected: row.receivedOn,
    reported,
    handling,
    replied: row.repliedOn,
    resolved: row.resolvedOn,
  }
  return steps
    .filter((step, i) => i <= reached && dates[step])
    .map((step) => ({
      id: nextId(),
      opinionId: row.id,
      countyCode: row.countyCode,
      status: step,
      occurredOn: dates[step]!,
    }))
}
