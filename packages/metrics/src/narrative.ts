// The period's summary as work-report paragraphs, in Chinese and English. Comparisons only where the
// previous period has data.
import { type CompareMode, dataCutoff, type MetricRow } from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { catalogById } from './catalog.ts'
import { queryMetrics, type RollupChoice } from './query.ts'
import { countiesWithData, describeRegion } from './region-info.ts'
import { regionLevel } from './scope.ts'
import * as w from './wording.ts'

/** The figures the narrative reads (with their comparison, year on year unless asked otherwise). */
export const narrativeIds = [
  'receptions',
  'visitors',
  'opinions_collected',
  'opinions_resolved',
  'resolution_rate',
  'opinions_evaluated',
  'satisfaction_rate',
  'projects',
  'funds_allocated',
  'funds_budget',
  'fund_budget_share',
  'stations_standardised_planned',
  'station_coverage_rate',
  'reportback_done',
  'reportback_rate',
  'reportback_target_rate',
  'backlog',
  'overdue',
]

/** The report's sections, in the order a county report puts them after its opening (receptions) paragraph. */
export const narrativeSections = [
  { id: 'receptions', zh: '接待走访与社情民意办理', en: 'Receptions and opinions' },
  { id: 'coverage', zh: '联络站规范化建设', en: 'Station building' },
  { id: 'satisfaction', zh: '群众满意度', en: 'Satisfaction' },
  { id: 'funding', zh: '民生实事微项目', en: 'Micro-projects' },
  { id: 'reportback', zh: '代表述职', en: 'Deputies reporting back' },
] as const
export type NarrativeSectionId = (typeof narrativeSections)[number]['id']

export interface NarrativeSection {
  id: NarrativeSectionId
  heading: { zh: string; en: string }
  zh: string
  en: string
}

export interface NarrativeSpec {
  region: string
  from: string
  to: string
  /** Fixed in tests; today (Beijing) otherwise. */
  today?: string | undefined
  /** What the figures are compared with: year on year by default (a work report's convention), as the dashboard's
   * cards are when given ('none': no comparisons). */
  compare?: CompareMode | 'none' | undefined
}

/**
 * Whose stations: "全县" for a county, "全区" for a district, "民兴街道各" for a township, "全国各地" for the nation.
 * "全国人大代表联络站" would read as the NPC's own stations, and "民兴街道人大代表联络站" is one station's name.
 */
export function scopeWordZh(name: string, level: string): string {
  if (level === 'county')
    return `全${name.endsWith('特区') || name.endsWith('区') ? '区' : name.endsWith('市') ? '市' : '县'}`
  if (level === 'nation') return '全国各地'
  if (level === 'township') return `${name}各`
  if (level === 'village') return name
  return `${name}各地`
}

type CountyCoverage = Awaited<ReturnType<typeof countiesWithData>>

/** Above a county, its counties with data (countiesWithData); null for a county or a township. */
export async function countyCoverage(db: DbOrTx, region: string): Promise<CountyCoverage | null> {
  const level = regionLevel(region)
  return level === 'county' || level === 'township' ? null : countiesWithData(db, region)
}

/**
 * Above a county, while some of its counties have imported nothing: a module page's figures are the sums of those
 * that have, said under its key figures (a city's 乡镇覆盖率 of 100 % read as the whole city's). Null otherwise.
 */
export function partialCoverageNote(
  coverage: CountyCoverage | null,
  region: { name: string; level: string },
): { zh: string; en: string } | null {
  if (!coverage || coverage.withData >= coverage.counties) return null
  const nation = region.level === 'nation'
  if (coverage.withData === 0)
    return {
      zh: `${nation ? '全国' : region.name}${w.count(coverage.counties)}个县（市、区）尚未导入台账，本页暂无数据。`,
      en: `None of the ${w.count(coverage.counties)} counties ${nation ? 'across the country' : `of ${region.name}`} has imported registers yet: this page has no figures.`,
    }
  const covered = countiesCovered(coverage, region.name, nation)
  return { zh: `本页数据来自${covered.zh}。`, en: `This page covers ${covered.en}` }
}

/** Whose figures these are, for the summary and a module page to open in their own words: 毕节市8个县（市、区）中已导入
 * 台账的1个 / 1 of the 8 counties of 毕节市: the one whose registers have been imported. */
function countiesCovered(coverage: CountyCoverage, name: string, nation: boolean) {
  return {
    zh: `${nation ? '全国' : name}${w.count(coverage.counties)}个县（市、区）中已导入台账的${w.count(coverage.withData)}个`,
    en: `${w.count(coverage.withData)} of the ${w.count(coverage.counties)} counties ${nation ? 'across the country' : `of ${name}`}: ${coverage.withData === 1 ? 'the one whose registers have' : 'those whose registers have'} been imported.`,
  }
}

/** Above a county, the counties that have imported nothing yet, named (the first `namedWithout`): the completeness
 * panel's list. Null when every county has data. */
export function notImportedNote(coverage: CountyCoverage | null): { zh: string; en: string } | null {
  const missing = coverage ? coverage.counties - coverage.withData : 0
  if (!coverage || missing <= 0) return null
  const more = missing > coverage.without.length
  return {
    zh: `尚未导入台账的县（市、区）${w.count(missing)}个：${coverage.without.join('、')}${more ? '等' : ''}。`,
    en: `${w.count(missing)} ${missing === 1 ? 'county has' : 'counties have'} not imported registers: ${coverage.without.join(', ')}${more ? ' and others' : ''}.`,
  }
}

type PlannedKinds = Awaited<ReturnType<typeof plannedKinds>>

/** A county's stations and rooms standardised by the period's end, each beside its plan; null unless its plan sets
 * both kinds, or for any other region (a township has no plan; above a county the report gives the totals). */
export async function plannedKinds(db: DbOrTx, spec: NarrativeSpec & RollupChoice) {
  if (regionLevel(spec.region) !== 'county') return null
  const { data } = await queryMetrics(db, {
    ids: ['stations_standardised_planned', 'stations_planned'],
    region: spec.region,
    from: spec.from,
    to: spec.to,
    by: 'kind',
    useRollups: spec.useRollups,
    rollupsReady: spec.rollupsReady,
  })
  const of = (kind: string) => {
    const row = data.find((r) => r.kind === kind)
    const planned = row?.stations_planned
    return typeof planned === 'number' && planned > 0
      ? { done: Number(row!.stations_standardised_planned), planned }
      : null
  }
  const [station, room] = [of('station'), of('room')]
  return station && room ? { station, room } : null
}

/** The narrative of a region and period. Its figures are queried here, or given (a row of queryMetrics over
 * `narrativeIds` compared as `spec.compare` says, as the overview already computes them), as may be its
 * counties' coverage (countyCoverage) and its stations and rooms apart (plannedKinds). */
export async function buildNarrative(
  db: DbOrTx,
  spec: NarrativeSpec,
  given: { figures?: MetricRow; coverage?: CountyCoverage | null; kinds?: PlannedKinds } = {},
) {
  const level = regionLevel(spec.region)
  const [region, counties, kinds] = await Promise.all([
    describeRegion(db, spec.region),
    given.coverage !== undefined ? given.coverage : countyCoverage(db, spec.region),
    given.kinds !== undefined ? given.kinds : plannedKinds(db, spec),
  ])
  const compare = spec.compare ?? 'yoy'
  const f =
    given.figures ??
    (
      await queryMetrics(db, {
        ids: narrativeIds,
        region: spec.region,
        from: spec.from,
        to: spec.to,
        compare: compare === 'none' ? undefined : compare,
      })
    ).data[0]!
  // Without a comparison the rows carry no `__previous`, so no sentence compares.
  const mode = compare === 'mom' ? 'mom' : 'yoy'
  const num = (id: string) => f[id] as number | null
  // A comparison needs the compared period's figure to exist and be non-zero.
  const had = (id: string) => (num(`${id}__previous`) ?? 0) > 0
  const changeOf = (id: string) => (had(id) ? num(`${id}__change`) : null)
  const name = region?.name ?? spec.region
  const zh: string[] = []
  const en: string[] = []
  const parts: { id: NarrativeSectionId; zh: string; en: string }[] = []
  /** One sentence in each language, filed under its section. */
  const say = (id: NarrativeSectionId, zhText: string, enText: string) => {
    zh.push(zhText)
    en.push(enText)
    parts.push({ id, zh: zhText, en: enText })
  }
  const period = w.periodZh(spec.from, spec.to)
  // A period still running is told as of today, not of its end (a December report must not say 截至12月31日).
  const cutoff = dataCutoff(spec.to, spec.today)
  const cutoffZh = w.dayZh(cutoff)
  const running = cutoff < spec.to
  const scope = scopeWordZh(name, region?.level ?? 'county')
  const whereEn = region?.level === 'nation' ? 'across the country' : `of ${name}`

  // A period with no records at all (before a county kept registers, or not yet imported): one plain sentence, not
  // a paragraph of zeros and "同比下降100%".
  if (!hasRecords(f))
    say(
      'receptions',
      `${period}，${scope}人大代表联络站（室）暂无接待走访、社情民意和微项目台账记录。`,
      `${w.periodEn(spec.from, spec.to)}, no receptions, opinions or micro-projects were recorded by the liaison stations ${whereEn}.`,
    )
  else {
    const rate = num('resolution_rate')
    const rateZh =
      rate === null
        ? ''
        : `，办结率${w.percent(rate)}${tail(w.rateChangeZh(changeOf('resolution_rate'), mode))}`
    say(
      'receptions',
      `${period}，${scope}人大代表联络站（室）共开展接待走访活动${w.count(num('receptions') ?? 0)}次${tail(w.countChangeZh(changeOf('receptions'), mode))}，` +
        `接待群众${w.count(num('visitors') ?? 0)}人次，收集社情民意${w.count(num('opinions_collected') ?? 0)}件` +
        `${tail(w.countChangeZh(changeOf('opinions_collected'), mode))}，办结${w.count(num('opinions_resolved') ?? 0)}件${rateZh}。`,
      `${w.periodEn(spec.from, spec.to)}, the liaison stations and rooms ${whereEn} held ${w.countOf(num('receptions') ?? 0, 'reception or visit activity', 'reception and visit activities')}` +
        `${tailEn(w.countChangeEn(changeOf('receptions'), mode))}, received ${w.countOf(num('visitors') ?? 0, 'person', 'people')}, collected ` +
        // A comma closes the comparison's aside ("…, up 8.7% year on year, and resolved 980").
        `${w.countOf(num('opinions_collected') ?? 0, 'opinion', 'opinions')}${tailEn(w.countChangeEn(changeOf('opinions_collected'), mode))}${changeOf('opinions_collected') === null ? '' : ','} and resolved ${w.count(num('opinions_resolved') ?? 0)}` +
        `${rate === null ? '' : ` (resolution rate ${w.percent(rate)}${tailEn(w.rateChangeEn(changeOf('resolution_rate'), mode))})`}.`,
    )
  }
  const satisfaction = num('satisfaction_rate')
  if (satisfaction !== null) {
    say(
      'satisfaction',
      `已评价的${w.count(num('opinions_evaluated') ?? 0)}件中，群众满意率${w.percent(satisfaction)}${tail(w.rateChangeZh(changeOf('satisfaction_rate'), mode))}。`,
      `Of the ${w.count(num('opinions_evaluated') ?? 0)} evaluated, ${w.percent(satisfaction)} were satisfied or basically satisfied${tailEn(w.rateChangeEn(changeOf('satisfaction_rate'), mode))}.`,
    )
  }
  const backlog = num('backlog') ?? 0
  if (backlog > 0) {
    // The backlog counts every opinion open at the end, also those received before the period: said, or 21 open
    // beside 18 collected reads as an error.
    const carried = backlog - ((num('opinions_collected') ?? 0) - (num('opinions_resolved') ?? 0))
    say(
      'receptions',
      `${running ? `截至${cutoffZh}` : '期末'}仍有${w.count(backlog)}件在办${carried >= backlog ? '（均为此前结转）' : carried > 0 ? `（含此前结转${w.count(carried)}件）` : ''}，其中超期${w.count(num('overdue') ?? 0)}件。`,
      // Not begun with a numeral.
      `${running ? `On ${w.dateEn(cutoff)}` : "At the period's end"}, ${w.countOf(backlog, 'opinion was', 'opinions were')} still open${carried >= backlog ? (backlog === 1 ? ', received before the period' : ', all received before the period') : carried > 0 ? ` (${w.count(carried)} of them received before the period)` : ''}, ${w.count(num('overdue') ?? 0)} overdue.`,
    )
  }
  const projects = num('projects') ?? 0
  if (projects > 0) {
    const budget = num('funds_budget')
    const share = num('fund_budget_share')
    say(
      'funding',
      // The share is the money's, so it follows the money, not the count of projects.
      `实施民生实事微项目${w.count(projects)}个，安排代表建议办理专项资金${w.yuanZh(num('funds_allocated') ?? 0)}` +
        `${budget && share !== null ? `，占专项资金预算${w.yuanZh(budget)}的${w.percent(share)}` : ''}。`,
      `${w.countOf(projects, 'micro-project was', 'micro-projects were')} funded with ${w.yuanEn(num('funds_allocated') ?? 0)} from the suggestion fund${budget && share !== null ? `, ${w.percent(share)} of its ${w.yuanEn(budget)} budget` : ''}.`,
    )
  }
  const coverage = num('station_coverage_rate')
  const standardised = num('stations_standardised_planned') ?? 0
  // A township has no plan of its own (the plan is the county's): its standardised stations, without a share.
  if (standardised > 0) {
    // A county's plan sets 联络站 and 联络室 apart, and its report says each (“11个联络站、26个联络室”).
    const apart = coverage !== null && kinds ? kinds : null
    say(
      'coverage',
      `截至${cutoffZh}，已规范化建设联络站（室）${w.count(standardised)}个${apart ? `（联络站${w.count(apart.station.done)}个、联络室${w.count(apart.room.done)}个，规划分别为${w.count(apart.station.planned)}个、${w.count(apart.room.planned)}个）` : ''}${coverage === null ? '' : `，完成规划的${w.percent(coverage)}`}。`,
      `By ${w.dateEn(cutoff)}, ${w.countOf(standardised, 'station or room had', 'stations and rooms had')} been standardised${apart ? ` (${w.countOf(apart.station.done, 'station', 'stations')} of ${w.count(apart.station.planned)} planned, ${w.countOf(apart.room.done, 'room', 'rooms')} of ${w.count(apart.room.planned)})` : ''}${coverage === null ? '' : `, ${w.percent(coverage)} of the plan`}.`,
    )
  }
  const reportback = num('reportback_rate')
  const target = num('reportback_target_rate')
  if (reportback !== null && (num('reportback_done') ?? 0) > 0) {
    say(
      'reportback',
      `本届已有${w.count(num('reportback_done') ?? 0)}名代表向选民述职，述职完成率${w.percent(reportback)}${target !== null ? `（目标${w.percent(target)}）` : ''}。`,
      `${w.countOf(num('reportback_done') ?? 0, 'deputy has', 'deputies have')} reported back to their voters this term (${w.percent(reportback)}${target !== null ? ` against a target of ${w.percent(target)}` : ''}).`,
    )
  }
  // Above a county the figures are the sums of the counties that have imported their registers: said while some
  // have not, or a city's 乡镇覆盖率 of 8 % reads as neglect rather than as one county of twelve on the dashboard.
  if (counties && counties.withData < counties.counties) {
    const covered = countiesCovered(counties, name, level === 'nation')
    say('receptions', `以上数据来自${covered.zh}。`, `These figures cover ${covered.en}`)
  }
  const sections: NarrativeSection[] = narrativeSections.flatMap((h) => {
    const mine = parts.filter((p) => p.id === h.id)
    return mine.length
      ? [
          {
            id: h.id,
            heading: { zh: h.zh, en: h.en },
            zh: mine.map((p) => p.zh).join(''),
            en: mine.map((p) => p.en).join(' '),
          },
        ]
      : []
  })
  return { zh: zh.join(''), en: en.join(' '), sections, figures: f }
}

/**
 * Whether a period has any record in the three registers that record events (receptions, opinions, projects). None
 * at all means no registers for it (before a county kept them, or not yet imported), not a fall to zero: the summary
 * says so in one sentence and the cards give no comparison. A row without those figures counts as having records.
 */
export const hasRecords = (f: Record<string, unknown>) =>
  !('receptions' in f && 'opinions_collected' in f && 'projects' in f) ||
  Boolean(f.receptions || f.opinions_collected || f.projects)

/** The counts hasRecords reads, one per event register. */
export const recordIds = ['receptions', 'opinions_collected', 'projects']
/** Whether a figure comes from those registers: without records for a period, it is not compared. */
export const isEventFigure = (id: string) =>
  ['receptions', 'opinions', 'projects'].includes(catalogById.get(id)?.source ?? '')

const tail = (text: string) => (text ? `，${text}` : '')
const tailEn = (text: string) => (text ? `, ${text}` : '')
