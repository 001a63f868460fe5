// 代表述职: over the term's window (2023–2025) about 30% / 30% / 35–40% of deputies report back each year.
import { dayOf } from './dates.ts'
import type { Deputy } from './deputies.ts'
import { distribute, type Random } from './random.ts'
import type { Township } from './world.ts'

export interface Reportback {
  id: number
  countyCode: string
  townshipCode: string
  deputyId: number
  heldOn: string
  venue: string
  votersAttending: number
  votesSatisfied: number
  votesBasic: number
  votesUnsatisfied: number
}

export function buildReportbacks(
  deputies: Deputy[],
  townships: Map<string, Township>,
  rnd: Random,
  nextId: () => number,
): Reportback[] {
  const order = rnd.shuffle([...deputies])
  const n = order.length
  // Cumulative share reached by each year's end: close to the 30/60/100 plan, short of it where townships lag.
  const reach = [0.28 + rnd.next() * 0.05, 0.56 + rnd.next() * 0.06, 0.86 + rnd.next() * 0.1]
  const rows: Reportback[] = []
  order.forEach((d, i) => {
    const share = i / n
    const year = share < reach[0]! ? 2023 : share < reach[1]! ? 2024 : share < reach[2]! ? 2025 : null
    const t = townships.get(d.townshipCode)!
    if (year === null || (t.lagging && rnd.chance(0.15))) return
    const voters = rnd.int(30, 150)
    const [satisfied, basic, unsatisfied] = distribute(voters, t.lagging ? [78, 17, 5] : [88, 10, 2])
    rows.push({
      id: nextId(),
      countyCode: d.countyCode,
      townshipCode: d.townshipCode,
      deputyId: d.id,
      heldOn: dayOf(year, rnd.int(4, 12), rnd.int(1, 28)),
      venue: `${t.name}${rnd.pick(['人大代表联络站', '村委会会议室', '社区活动中心'])}`,
      votersAttending: voters,
      votesSatisfied: satisfied!,
      votesBasic: basic!,
      votesUnsatisfied: unsatisfied!,
    })
  })
  return rows
}
