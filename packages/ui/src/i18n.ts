// The few words the ui components write themselves, keyed by the filter store's language. A label's colon is
// part of it: full-width in Chinese, ': ' in English.
import type { Locale } from './format/index.ts'

const words = {
  loading: { 'zh-CN': '加载中…', en: 'Loading…' },
  empty: { 'zh-CN': '暂无数据', en: 'No data for this selection' },
  error: { 'zh-CN': '加载失败：', en: 'Could not load: ' },
  retry: { 'zh-CN': '重试', en: 'Retry' },
  source: { 'zh-CN': '数据来源：', en: 'Source: ' },
  rank: { 'zh-CN': '排名', en: 'Rank' },
  target: { 'zh-CN': '目标', en: 'Target' },
  yoy: { 'zh-CN': '同比', en: 'YoY' },
  // 环比 is on the period just before, as long as this one (a quarter's is the previous quarter): period on period.
  mom: { 'zh-CN': '环比', en: 'PoP' },
  previous: { 'zh-CN': '上期', en: 'Previous' },
  average: { 'zh-CN': '平均', en: 'Average' },
  sortBy: { 'zh-CN': '按此列排序', en: 'Sort by this column' },
  chartDescription: { 'zh-CN': '图表说明：', en: 'Chart description: ' },
  offline: { 'zh-CN': '请检查网络后重试', en: 'check the connection and try again' },
  controlFailed: {
    'zh-CN': '控件加载失败，请检查网络后重试',
    en: 'This control could not be loaded; check the connection and try again',
  },
} as const

export type Word = keyof typeof words

export const say = (word: Word, locale: Locale) => words[word][locale]

export { inLanguage } from '@liaison/contracts/messages'
