// The export model from the metrics layer: figures, breakdowns and paragraphs all come from @liaison/metrics;
// nothing is computed here but chart takeaways (which pick the highest and lowest of a breakdown).

import {
  areasOfName,
  averageLabel,
  beijingDay,
  type CompareMode,
  dataCutoff,
  opinionCategories,
  opinionChannels,
  regionName as regionNameIn,
  trendStart,
} from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import {
  buildNarrative,
  cardsFor,
  catalogById,
  describeRegion,
  queryMetrics,
  rankBy,
  trendNote,
} from '@liaison/metrics'
import { categoryPieOption, fundingOption, townshipBarOption, trendOption } from './charts/options.ts'
import { showValue } from './format.ts'
import type { ChartSpec, ExportBasis, ExportModel, Section, TableColumn } from './model.ts'
import { type Lang, type Texts, textsOf } from './texts.ts'

export interface ExportSpec {
  region: string
  from: string
  to: string
  watermark?: string | null | undefined
  /** Chinese (default) or English. */
  lang?: Lang | undefined
  /** What the summary compares with, as the dashboard's comparison: year on year (default), the period before, or
   * nothing. */
  compare?: CompareMode | 'none' | undefined
  /** Add one part per area of the region (townships of a county, counties of a city…). */
  townships?: boolean | undefined
  /** A township's report compares it among the townships of this region, its county, where the user may read the
   * county's figures (the API's comparedWithin): its area charts and table list them all, itself marked. */
  comparedWithin?: string | undefined
  /** A part of a bundle, titled by its region's name (附：民兴街道), not as a report of its own. */
  part?: boolean | undefined
  /** Fixed in tests; today otherwise. */
  today?: string | undefined
}

const keyIds = [
  'receptions',
  'visitors',
  'opinions_collected',
  'opinions_resolved',
  'resolution_rate',
  'satisfaction_rate',
  'projects',
  'funds_allocated',
  'station_coverage_rate',
  'reportback_rate',
]
const tableIds = [
  'receptions',
  'visitors',
  'opinions_collected',
  'resolution_rate',
  'satisfaction_rate',
  'funds_allocated',
]

/** The rates a township's report states its standing in. */
const standingIds = ['resolution_rate', 'reportback_rate'] as const
type StandingId = (typeof standingIds)[number]

const label = (id: string, lang: Lang) => catalogById.get(id)!.label[lang]
const unitOf = (id: string) => catalogById.get(id)!.unit
const definition = (id: string, lang: Lang) =>
  textsOf(lang).definition(label(id, lang), catalogById.get(id)!.formula[lang])
const numberOr = (v: unknown) =>
  typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v)

/** "最高的是A（85%），最低的是B（76%）"; ties are named together. */
function extremes(rows: { name: string; value: number | null }[], unit: 'rate' | 'count' | 'yuan', t: Texts) {
  const known = rows.filter((r) => r.value !== null) as { name: string; value: number }[]
  if (known.length < 2) return ''
  const values = known.map((r) => r.value)
  const names = (v: number) =>
    known
      .filter((r) => r.value === v)
      .map((r) => r.name)
      .join(t.listSeparator)
  const [hi, lo] = [Math.max(...values), Math.min(...values)]
  if (hi === lo) return t.allEqual(showValue(hi, unit))
  return t.extremes(names(hi), showValue(hi, unit), names(lo), showValue(lo, unit))
}

type BasisSpec = Pick<ExportSpec, 'region' | 'from' | 'to' | 'lang' | 'today'>

/** What an export is quoted with: region, period, cut-off, source and the definitions of the figures `ids`. */
function basisOf(spec: BasisSpec, regionName: string | undefined, ids: readonly string[]): ExportBasis {
  const lang = spec.lang ?? 'zh'
  const t = textsOf(lang)
  const today = spec.today ?? beijingDay(new Date())
  return {
    lang,
    regionCode: spec.region,
    regionName: regionNameIn(spec.region, regionName ?? spec.region, lang),
    from: spec.from,
    to: spec.to,
    period: t.period(spec.from, spec.to),
    cutoff: dataCutoff(spec.to, today),
    source: t.source,
    generatedAt: today,
    definitions: ids.map((id) => definition(id, lang)),
  }
}

/** The basis alone, for a data table: one region lookup, not the whole report's figures. */
export async function buildExportBasis(db: DbOrTx, spec: BasisSpec, ids: readonly string[]) {
  return basisOf(spec, (await describeRegion(db, spec.region))?.name, ids)
}

export async function buildExportModel(db: DbOrTx, spec: ExportSpec): Promise<ExportModel> {
  const region = await describeRegion(db, spec.region)
  const lang = spec.lang ?? 'zh'
  const regionName = regionNameIn(spec.region, region?.name ?? spec.region, lang)
  const isTownship = region?.level === 'township'
  // The region whose areas the charts and the table list: its own, or a township's county.
  const within = isTownship && spec.comparedWithin !== spec.region ? (spec.comparedWithin ?? null) : null
  const areasOf = within ?? spec.region
  // As the dashboard's cards: a township has no plan of its own, so no 规范化完成率 (it would print "—").
  const shownIds = cardsFor(keyIds, region?.level ?? 'county')
  const today = spec.today ?? beijingDay(new Date())
  // The areas are named as the region's are: 乡镇（街道） of a county, 县（市、区） of a city…
  const t = textsOf(lang, areasOf)
  const show = (v: number | null, unit: Parameters<typeof showValue>[1]) => showValue(v, unit, lang)
  const base = { region: spec.region, from: spec.from, to: spec.to }
  const areaIds = [...tableIds, 'funds_spent', 'reportback_rate']
  // As on the dashboard, a month or a quarter is drawn in the twelve months up to its end.
  const trendFrom = trendStart(spec.from, spec.to)
  const [totals, trend, townships, categories, channels, narrative, ranked, countyInfo] = await Promise.all([
    queryMetrics(db, { ...base, ids: keyIds }),
    queryMetrics(db, {
      ...base,
      from: trendFrom,
      by: 'month',
      ids: ['receptions', 'opinions_collected', 'opinions_resolved', 'resolution_rate'],
    }),
    queryMetrics(db, { ...base, region: areasOf, by: 'area', ids: areaIds }),
    queryMetrics(db, { ...base, by: 'category', ids: ['opinions_collected'] }),
    queryMetrics(db, { ...base, by: 'channel', ids: ['opinions_collected'] }),
    buildNarrative(db, { ...base, today, compare: spec.compare ?? 'yoy' }),
    // Its standing among its county's townships, ranked as everywhere (ties share a rank; a rate over too few
    // cases is not ranked), and the county's own rate for the reference line.
    within
      ? Promise.all(
          standingIds.map((metric) =>
            rankBy(db, { metric, region: within, from: spec.from, to: spec.to, level: 'area' }),
          ),
        )
      : null,
    within ? describeRegion(db, within) : null,
  ])
  const rankings = ranked ? new Map(standingIds.map((id, i) => [id, ranked[i]!])) : null
  const row = totals.data[0]!
  // The reference line: the region's own figure, or the county's, named.
  const reference = (id: StandingId) => (rankings ? rankings.get(id)!.stats.regionValue : numberOr(row[id]))
  const referenceName = within ? regionNameIn(within, countyInfo?.name ?? within, lang) : undefined
  // A township's compared charts and table show its county's townships, and say so in their frame and 口径.
  const drawn = within ? { regionName: areasOfName(within, referenceName!)[lang] } : {}
  const period = t.period(spec.from, spec.to)
  const towns: (Record<string, unknown> & { name: string; current: boolean })[] = townships.data.map((r) => ({
    ...r,
    name: String(r.area_name),
    current: within !== null && r.area === spec.region,
  }))
  const byArea = (id: string) =>
    towns.map((r) => ({ name: r.name, value: numberOr(r[id]), current: r.current }))
  /** A rate's takeaway: where the township stands among its county's, or the highest and lowest areas. */
  const rateTakeaway = (id: StandingId, words: (s: string) => string) => {
    const ranking = rankings?.get(id)
    const own = ranking?.rows.find((r) => r.key === spec.region)
    if (ranking && own?.rank) {
      return t.standing({
        name: regionName,
        figure: label(id, lang),
        value: show(own.value, 'rate'),
        rank: own.rank,
        of: ranking.rows.filter((r) => r.rank !== null).length,
        all: ranking.rows.length,
        minBase: ranking.stats.minBase,
        within: referenceName!,
      })
    }
    return words(extremes(byArea(id), 'rate', t) || t.rateIs(show(numberOr(row[id]), 'rate')))
  }
  const rateDef = [definition('resolution_rate', lang)]
  const note = trendNote(
    trend.data.map((r) => ({
      month: String(r.month),
      opinions_collected: numberOr(r.opinions_collected) ?? 0,
      opinions_resolved: numberOr(r.opinions_resolved) ?? 0,
    })),
    { ...base, today },
  )
  const trendBasis = note?.[lang].replace(/[。.]$/, '')
  const categoryName = (key: unknown, zhName: unknown) =>
    lang === 'en' ? (opinionCategories.find((c) => c.value === key)?.en ?? String(key)) : String(zhName)
  const cats = categories.data.map((r) => ({
    name: categoryName(r.category, r.category_name),
    value: numberOr(r.opinions_collected),
  }))
  const catTotal = cats.reduce((n, c) => n + (c.value ?? 0), 0)
  const topCat = [...cats].sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0]
  const chans = channels.data.map((r) => ({
    name:
      lang === 'en'
        ? (opinionChannels.find((c) => c.value === r.channel)?.en ?? String(r.channel))
        : String(r.channel_name),
    value: numberOr(r.opinions_collected),
  }))
  const topChan = [...chans].sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0]
  const charts: ChartSpec[] = [
    {
      id: 'trend',
      title: t.trendTitle,
      takeaway: t.trendTakeaway(
        period,
        show(numberOr(row.receptions), 'count'),
        show(numberOr(row.opinions_collected), 'count'),
      ),
      // With the dashboard's note on a low last month (its opinions still open), as part of the chart's 口径.
      definitions: trendBasis ? [...rateDef, trendBasis] : rateDef,
      option: trendOption(trend.data, t.chart),
      ...(trendFrom < spec.from ? { span: { from: trendFrom, period: t.period(trendFrom, spec.to) } } : {}),
    },
    {
      id: 'categories',
      title: t.categoriesTitle,
      takeaway:
        topCat && catTotal > 0
          ? t.categoriesTakeaway(topCat.name, (topCat.value ?? 0) / catTotal)
          : t.noOpinions,
      definitions: [t.categoriesBasis],
      option: categoryPieOption(cats, t.chart.other),
    },
    {
      id: 'channels',
      title: t.channelsTitle,
      takeaway:
        topChan && catTotal > 0
          ? t.channelsTakeaway(topChan.name, (topChan.value ?? 0) / catTotal)
          : t.noOpinions,
      definitions: [t.categoriesBasis],
      option: categoryPieOption(chans, t.chart.other),
    },
  ]
  if (!isTownship || within) {
    const money = towns.map((t) => ({
      name: t.name,
      allocated: numberOr(t.funds_allocated),
      spent: numberOr(t.funds_spent),
      current: t.current,
    }))
    // A township's takeaway states its own funds; a region's, its areas' together.
    const own = within ? money.filter((m) => m.current) : money
    const allocated = own.reduce((n, t) => n + (t.allocated ?? 0), 0)
    const spent = own.reduce((n, t) => n + (t.spent ?? 0), 0)
    const referenceLine = (id: StandingId, seriesName: string) => ({
      unit: 'rate' as const,
      seriesName,
      regionValue: reference(id),
      // Named as the screen's reference row is (县均, 市均…), or after the county a township is compared in.
      regionName: referenceName ?? averageLabel(areasOf, region?.name ?? '')[lang],
    })
    charts.push(
      {
        id: 'townships',
        ...drawn,
        title: t.townshipsTitle,
        takeaway: rateTakeaway('resolution_rate', t.rateTakeaway),
        definitions: rateDef,
        option: townshipBarOption(byArea('resolution_rate'), referenceLine('resolution_rate', t.chart.rate)),
      },
      {
        id: 'funding',
        ...drawn,
        title: t.fundingTitle,
        takeaway: `${within ? t.townshipPrefix(regionName) : ''}${t.fundingTakeaway(t.yuan(allocated), t.yuan(spent))}`,
        definitions: [definition('fund_execution_rate', lang)],
        option: fundingOption(money, t.chart),
      },
      {
        id: 'reportback',
        ...drawn,
        title: t.reportbackTitle,
        takeaway: rateTakeaway('reportback_rate', t.reportbackTakeaway),
        definitions: [definition('reportback_rate', lang)],
        option: townshipBarOption(
          byArea('reportback_rate'),
          referenceLine('reportback_rate', t.chart.reportback),
        ),
      },
    )
  }
  const columns: TableColumn[] = [
    { key: 'name', label: t.township, unit: 'text' },
    ...tableIds.map((id) => ({ key: id, label: label(id, lang), unit: unitOf(id) })),
  ]
  // The narrative's own sections, in the narrative's language.
  const sections: Section[] = narrative.sections.map((s) => ({
    id: s.id,
    heading: s.heading[lang],
    paragraphs: [s[lang]],
  }))
  const model: ExportModel = {
    title: spec.part ? regionName : t.reportTitle(regionName, period),
    // The definitions of every key figure shown (and so of the table's, a subset of them).
    basis: basisOf(spec, region?.name, shownIds),
    keyFigures: shownIds.map((id) => ({
      id,
      label: label(id, lang),
      unit: unitOf(id),
      value: numberOr(row[id]),
      text: show(numberOr(row[id]), unitOf(id)),
    })),
    sections,
    charts,
    table: {
      title: t.townshipTable,
      columns,
      rows:
        isTownship && !within
          ? []
          : towns.map((t) =>
              Object.fromEntries(columns.map((c) => [c.key, c.key === 'name' ? t.name : numberOr(t[c.key])])),
            ),
      ...(within ? { current: towns.findIndex((r) => r.current), ...drawn } : {}),
    },
    watermark: spec.watermark ?? null,
    townships: [],
  }
  if (spec.townships && !isTownship)
    for (const t of townships.data)
      model.townships.push(
        // A part compares nothing: 26 parts, each with its county's 26 townships, would bury the figures.
        await buildExportModel(db, {
          ...spec,
          region: String(t.area),
          townships: false,
          comparedWithin: undefined,
          part: true,
          today,
        }),
      )
  return model
}
