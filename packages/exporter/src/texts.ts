// Every fixed word the report, the deck and the framed charts print, in Chinese and English. Figures,
// labels and paragraphs come from @liaison/metrics in the same language.
import { areaLabel } from '@liaison/contracts'
import { englishMonths } from '@liaison/contracts/days'
import { percent, periodEn, periodZh, yuanEn, yuanZh } from '@liaison/metrics'

export type Lang = 'zh' | 'en'

/** A township's standing among its county's townships: `of` of the `all` drawn are ranked (enough cases). */
interface Standing {
  name: string
  figure: string
  value: string
  rank: number
  of: number
  all: number
  minBase: number
  within: string
}

/** The words that name the region's areas: townships of a county, counties of a city, cities of a province,
 * provinces of the nation (areaLabel). */
const areaWordsZh = (area: string) => ({
  township: area,
  townshipTable: `各${area}主要指标`,
  townshipsTitle: `各${area}社情民意办结率`,
  allEqual: (value: string) => `各${area}均为${value}`,
  reportbackTitle: `各${area}代表述职完成率`,
  fundingTitle: `各${area}民生实事微项目资金`,
  /** "民兴街道办结率87.5%，在金沙县26个乡镇（街道）中居第3位"; where some have too few cases to rank, among those
   * ranked, saying so ("…在金沙县参与排名的14个乡镇（街道）中居第3位（共26个，样本不足10的不排名）"). */
  standing: (s: Standing) =>
    s.of < s.all
      ? `${s.name}${s.figure}${s.value}，在${s.within}参与排名的${s.of}个${area}中居第${s.rank}位（共${s.all}个，样本不足${s.minBase}的不排名）`
      : `${s.name}${s.figure}${s.value}，在${s.within}${s.all}个${area}中居第${s.rank}位`,
})
/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
const ordinal = (n: number) => {
  const teen = n % 100 >= 11 && n % 100 <= 13
  return `${n}${teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`
}
const plural: Record<string, string> = {
  Province: 'province',
  City: 'city',
  County: 'county',
  Township: 'township',
}
const areaWordsEn = (area: string) => {
  const one = plural[area] ?? area.toLowerCase()
  return {
    township: area,
    townshipTable: `Key figures by ${one}`,
    townshipsTitle: `Resolution rate by ${one}`,
    allEqual: (value: string) => `${value} in every ${one}`,
    reportbackTitle: `Report-back completion by ${one}`,
    fundingTitle: `Micro-project funds by ${one}`,
    standing: (s: Standing) =>
      `${s.name}: ${s.figure.toLowerCase()} ${s.value}, ${ordinal(s.rank)} of ${s.of} ${one.replace(/y$/, 'ie')}s in ${s.within}` +
      (s.of < s.all ? ` ranked (of ${s.all}; those with fewer than ${s.minBase} cases are not ranked)` : ''),
  }
}

const zh = {
  ...areaWordsZh('乡镇（街道）'),
  source: '人大代表联络站履职数据驾驶舱',
  listSeparator: '、',
  reportTitle: (region: string, period: string) => `${region}人大代表联络站履职工作情况（${period}）`,
  period: periodZh,
  yuan: yuanZh,
  days: (n: number) => `${n}天`,
  subtitle: (region: string, period: string, cutoff: string) => `${region}　${period}　数据截至${cutoff}`,
  basis: (region: string, from: string, to: string, cutoff: string, defs: string[]) =>
    `口径：${region}，${from}至${to}，数据截至${cutoff}。${defs.length ? `${defs.join('；')}。` : ''}`,
  sourceLine: (source: string, date: string) => `数据来源：${source}｜生成日期：${date}`,
  definition: (label: string, formula: string) => `${label}：${formula}`,
  /** Under a figure: the definitions of what it draws. */
  definitions: (defs: string[]) => `口径：${defs.join('；')}。`,
  keyFigures: '主要数据',
  details: '分项情况',
  charts: '图表',
  annex: (title: string) => `附：${title}`,
  figure: (n: number, title: string) => `图${n}　${title}`,
  table: (n: number, title: string) => `表${n}　${title}`,
  h1: (n: number, title: string) =>
    `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n] ?? n + 1}、${title}`,
  h2: (n: number, title: string) =>
    `（${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n] ?? n + 1}）${title}`,
  townshipPrefix: (name: string) => `${name}：`,
  trendTitle: '各月接待走访与社情民意办理情况',
  trendTakeaway: (period: string, receptions: string, opinions: string) =>
    `${period}开展接待走访活动${receptions}次，收集社情民意${opinions}件`,
  categoriesTitle: '社情民意分类构成',
  categoriesTakeaway: (name: string, share: number) => `${name}类最多，占${percent(share)}`,
  noOpinions: '本期未收集社情民意',
  categoriesBasis: '社情民意按登记日期统计',
  rateTakeaway: (extremes: string) => `办结率${extremes}`,
  rateIs: (value: string) => `为${value}`,
  extremes: (hi: string, hiValue: string, lo: string, loValue: string) =>
    `最高的是${hi}（${hiValue}），最低的是${lo}（${loValue}）`,
  channelsTitle: '社情民意收集渠道',
  channelsTakeaway: (name: string, share: number) => `通过${name}收集的最多，占${percent(share)}`,
  reportbackTakeaway: (extremes: string) => `述职完成率${extremes}`,
  fundingTakeaway: (allocated: string, spent: string) => `安排资金${allocated}，已支出${spent}`,
  chart: {
    receptions: '接待走访活动',
    opinions: '收集社情民意',
    rate: '办结率',
    reportback: '述职完成率',
    countAxis: '次/件',
    /** A month's axis label; with its year where the axis crosses into a new one. */
    month: (m: number, year?: number) => `${year ? `${year}年` : ''}${m}月`,
    allocated: '安排资金',
    spent: '已支出',
    moneyAxis: '万元',
    moneyUnit: 10_000,
    other: '其他',
  },
}

export type Texts = typeof zh

const en: Texts = {
  ...areaWordsEn('Township'),
  source: 'Liaison-station dashboard',
  listSeparator: ', ',
  reportTitle: (region, period) => `The deputy liaison stations of ${region}: work report (${period})`,
  period: (from, to) =>
    periodEn(from, to)
      .replace(/^In /, '')
      .replace(/^From /, ''),
  yuan: yuanEn,
  days: (n) => `${n} days`,
  subtitle: (region, period, cutoff) => `${region} · ${period} · data as of ${cutoff}`,
  basis: (region, from, to, cutoff, defs) =>
    `Basis: ${region}, ${from} to ${to}, data as of ${cutoff}.${defs.length ? ` ${defs.join('; ')}.` : ''}`,
  sourceLine: (source, date) => `Source: ${source} | generated ${date}`,
  definition: (label, formula) => `${label}: ${formula}`,
  definitions: (defs) => `Basis: ${defs.join('; ')}.`,
  keyFigures: 'Key figures',
  details: 'In detail',
  charts: 'Charts',
  annex: (title) => `Annex: ${title}`,
  figure: (n, title) => `Figure ${n}. ${title}`,
  table: (n, title) => `Table ${n}. ${title}`,
  h1: (n, title) => `${n + 1}. ${title}`,
  h2: (n, title) => `(${n + 1}) ${title}`,
  townshipPrefix: (name) => `${name}: `,
  trendTitle: 'Receptions and opinions by month',
  trendTakeaway: (period, receptions, opinions) =>
    `${period}: ${receptions} reception activities, ${opinions} opinions collected`,
  categoriesTitle: 'Opinions by category',
  categoriesTakeaway: (name, share) => `${name} is the largest category, ${percent(share)} of opinions`,
  noOpinions: 'No opinions were collected in the period',
  categoriesBasis: 'Opinions counted by the date received',
  rateTakeaway: (extremes) => `Resolution rate: ${extremes}`,
  rateIs: (value) => value,
  extremes: (hi, hiValue, lo, loValue) => `highest ${hi} (${hiValue}), lowest ${lo} (${loValue})`,
  channelsTitle: 'Opinions by channel',
  channelsTakeaway: (name, share) => `${name} is the largest channel, ${percent(share)} of opinions`,
  reportbackTakeaway: (extremes) => `Report-back completion: ${extremes}`,
  fundingTakeaway: (allocated, spent) => `${allocated} allocated, ${spent} spent`,
  chart: {
    receptions: 'Reception activities',
    opinions: 'Opinions collected',
    rate: 'Resolution rate',
    reportback: 'Report-back completion',
    countAxis: 'count',
    month: (m, year) => `${englishMonths[m - 1] ?? String(m)}${year ? ` ${year}` : ''}`,
    allocated: 'Allocated',
    spent: 'Spent',
    moneyAxis: '¥ thousand',
    moneyUnit: 1_000,
    other: 'Other',
  },
}

/** The texts in a language; with a region, its areas named as they are (各县（市、区）… for a city). */
export function textsOf(lang: Lang | undefined, region?: string): Texts {
  const base = lang === 'en' ? en : zh
  if (!region) return base
  const area = areaLabel(region)
  return { ...base, ...(lang === 'en' ? areaWordsEn(area.en) : areaWordsZh(area.zh)) }
}
