// 民生实事微项目 from the deputies' suggestion fund, and each county's yearly plans.
import type { OpinionCategory } from '../schema/enums.ts'
import { addDays, dayOf } from './dates.ts'
import { categoryWeights } from './names.ts'
import type { Opinion } from './opinions.ts'
import { cutoff } from './opinions.ts'
import { distribute, type Random } from './random.ts'
import type { Township } from './world.ts'

export interface MicroProject {
  id: number
  countyCode: string
  townshipCode: string
  code: string
  name: string
  category: OpinionCategory
  allocated: number
  spent: number
  status: string
  approvedOn: string
  completedOn: string | null
  beneficiaries: number
  sourceOpinionId: number | null
}

const projectNames: Partial<Record<OpinionCategory, string>> = {
  roads: '通组路硬化',
  water: '饮水管网改造',
  irrigation: '灌溉沟渠清淤',
  sanitation: '垃圾收集点建设',
  elderly: '老年助餐点建设',
  education: '学校周边安全设施',
  safety: '太阳能路灯安装',
  culture: '文体活动场地建设',
  agriculture: '产业路修缮',
  housing: '危旧房排危改造',
  utilities: '农网线路改造',
}
const fundable = Object.keys(projectNames) as OpinionCategory[]

export interface ProjectYear {
  countyCode: string
  year: number
  /** Live (not cancelled) projects and their allocation in 元, exact. */
  count: number
  funds: number
  /** Whether a cancelled project may join the year (never in a calibrated year). */
  allowCancelled: boolean
  prefix: string
}

export function buildProjects(
  spec: ProjectYear,
  townships: Township[],
  opinionsOfYear: Opinion[],
  rnd: Random,
  nextId: () => number,
): MicroProject[] {
  const { countyCode, year, count, funds, allowCancelled, prefix } = spec
  // Amounts in whole thousands of 元 that add up exactly to the year's allocation.
  const amounts = distribute(
    funds / 1000,
    Array.from({ length: count }, () => 0.4 + rnd.next()),
  ).map((k) => k * 1000)
  const rows: MicroProject[] = []
  const extra = allowCancelled && rnd.chance(0.5) ? 1 : 0
  for (let i = 0; i < count + extra; i++) {
    const cancelled = i >= count
    const t = rnd.weighted(
      townships,
      townships.map((x) => x.strength),
    )
    const category = rnd.weighted(
      fundable,
      fundable.map((c) => categoryWeights[c]),
    )
    const approvedOn = dayOf(year, rnd.int(3, 9), rnd.int(1, 28))
    const finish = addDays(approvedOn, rnd.int(60, 260))
    const completed = !cancelled && finish <= cutoff && rnd.chance(0.92)
    const allocated = cancelled ? rnd.int(10, 40) * 1000 : amounts[i]!
    const status = cancelled
      ? 'cancelled'
      : completed
        ? 'completed'
        : approvedOn > '2025-10-01'
          ? 'approved'
          : 'in_progress'
    const spentShare =
      status === 'completed'
        ? 0.88 + rnd.next() * 0.12
        : status === 'in_progress'
          ? 0.25 + rnd.next() * 0.45
          : 0
    const sources = opinionsOfYear.filter((o) => o.townshipCode === t.code && o.category === category)
    rows.push({
      id: nextId(),
      countyCode,
      townshipCode: t.code,
      code: `${prefix}-WXM-${year}-${String(i + 1).padStart(3, '0')}`,
      name: `${t.name}${projectNames[category]}项目`,
      category,
      allocated,
      spent: Math.round((allocated * spentShare) / 100) * 100,
      status,
      approvedOn,
      completedOn: completed ? finish : null,
      beneficiaries: rnd.int(80, 3000),
      sourceOpinionId: sources.length ? rnd.pick(sources).id : null,
    })
  }
  return rows
}

export interface Plan {
  countyCode: string
  year: number
  stationsTarget: number | null
  roomsTarget: number | null
  reportbackShare: number | null
  fundBudget: number
}

/** Three-year plan 2023–2025: cumulative station and room targets, report-back shares 30/30/40. */
export function buildPlans(
  countyCode: string,
  totals: { stations: number; rooms: number },
  milestones: { stations: [number, number]; rooms: [number, number] } | null,
  fundBudget: number,
  rnd: Random,
): Plan[] {
  const milestone = (total: number, fixed: [number, number] | undefined, year: number) =>
    year === 2025 ? total : (fixed?.[year - 2023] ?? Math.round(total * (year === 2023 ? 0.45 : 0.75)))
  return [2021, 2022, 2023, 2024, 2025].map((year) => ({
    countyCode,
    year,
    stationsTarget: year >= 2023 ? milestone(totals.stations, milestones?.stations, year) : null,
    roomsTarget: year >= 2023 ? milestone(totals.rooms, milestones?.rooms, year) : null,
    reportbackShare: year >= 2023 ? [0.3, 0.3, 0.4][year - 2023]! : null,
    fundBudget:
      year === 2023 ? fundBudget : Math.round((fundBudget * (0.8 + rnd.next() * 0.4)) / 100_000) * 100_000,
  }))
}
