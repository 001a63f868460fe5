// Every fixed word the report, the deck and the framed charts print, in Chinese and English. Figures,
// labels and paragraphs come from @liaison/metrics in the same language.
import { percent, periodEn, periodZh, yuanEn, yuanZh } from '@liaison/metrics'

export type Lang = 'zh' | 'en'

const zh = {
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
  township: '乡镇（街道）',
  townshipTable: '各乡镇（街道）主要指标',
  trendTitle: '各月接待走访与社情民意办理情况',
  trendTakeaway: (period: string, receptions: string, opinions: string) =>
    `${period}开展接待走访活动${receptions}次，收集社情民意${opinions}件`,
  categoriesTitle: '社情民意分类构成',
  categoriesTakeaway: (name: string, share: number) => `${name}类最多，占${percent(share)}`,
  noOpinions: '本期未收集社情民意',
  categoriesBasis: '社情民意按登记日期统计',
  townshipsTitle: '各乡镇（街道）社情民意办结率',
  rateTakeaway: (extremes: string) => `办结率${extremes}`,
  rateIs: (value: string) => `为${value}`,
  extremes: (hi: string, hiValue: string, lo: string, loValue: string) =>
    `最高的是${hi}（${hiValue}），最低的是${lo}（${loValue}）`,
  allEqual: (value: string) => `各乡镇（街道）均为${value}`,
  channelsTitle: '社情民意收集渠道',
  channelsTakeaway: (name: string, share: number) => `通过${name}收集的最多，占${percent(share)}`,
  reportbackTitle: '各乡镇（街道）代表述职完成率',
  reportbackTakeaway: (extremes: string) => `述职完成率${extremes}`,
  fundingTitle: '各乡镇（街道）民生实事微项目资金',
  fundingTakeaway: (allocated: string, spent: string) => `安排资金${allocated}，已支出${spent}`,
  chart: {
    receptions: '接待走访活动',
    opinions: '收集社情民意',
    rate: '办结率',
    reportback: '述职完成率',
    countAxis: '次/件',
    month: (m: number) => `${m}月`,
    region: '全域',
    allocated: '安排资金',
    spent: '已支出',
    wan: '万元',
  },
}

export type Texts = typeof zh

const en: Texts = {
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
  keyFigures: 'Key figures',
  details: 'In detail',
  charts: 'Charts',
  annex: (title) => `Annex: ${title}`,
  figure: (n, title) => `Figure ${n}. ${title}`,
  table: (n, title) => `Table ${n}. ${title}`,
  h1: (n, title) => `${n + 1}. ${title}`,
  h2: (n, title) => `(${n + 1}) ${title}`,
  townshipPrefix: (name) => `${name}: `,
  township: 'Township',
  townshipTable: 'Key figures by township',
  trendTitle: 'Receptions and opinions by month',
  trendTakeaway: (period, receptions, opinions) =>
    `${period}: ${receptions} reception activities, ${opinions} opinions collected`,
  categoriesTitle: 'Opinions by category',
  categoriesTakeaway: (name, share) => `${name} is the largest category, ${percent(share)} of opinions`,
  noOpinions: 'No opinions were collected in the period',
  categoriesBasis: 'Opinions counted by the date received',
  townshipsTitle: 'Resolution rate by township',
  rateTakeaway: (extremes) => `Resolution rate: ${extremes}`,
  rateIs: (value) => value,
  extremes: (hi, hiValue, lo, loValue) => `highest ${hi} (${hiValue}), lowest ${lo} (${loValue})`,
  allEqual: (value) => `${value} in every township`,
  channelsTitle: 'Opinions by channel',
  channelsTakeaway: (name, share) => `${name} is the largest channel, ${percent(share)} of opinions`,
  reportbackTitle: 'Report-back completion by township',
  reportbackTakeaway: (extremes) => `Report-back completion: ${extremes}`,
  fundingTitle: 'Micro-project funds by township',
  fundingTakeaway: (allocated, spent) => `${allocated} allocated, ${spent} spent`,
  chart: {
    receptions: 'Reception activities',
    opinions: 'Opinions collected',
    rate: 'Resolution rate',
    reportback: 'Report-back completion',
    countAxis: 'count',
    month: (m) =>
      ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1] ??
      String(m),
    region: 'All',
    allocated: 'Allocated',
    spent: 'Spent',
    wan: '¥10,000',
  },
}

export const textsOf = (lang: Lang | undefined): Texts => (lang === 'en' ? en : zh)
