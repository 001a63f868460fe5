import type { Language } from '@liaison/filters'
import { compileMessage } from '@liaison/ui'
import { createI18n } from 'vue-i18n'

const zh = {
  app: {
    title: '人大代表联络站履职数据驾驶舱',
    short: '履职驾驶舱',
    demoNote: '演示数据仅供示意，人员信息均为虚构。',
  },
  link: {
    region: '链接中的地区“{asked}”不存在或不在您的查看范围内，现显示{shown}。',
    period: '链接中的时期“{asked}”无法识别，现显示{shown}。',
    future: '链接中的时期“{asked}”尚未开始，各图表暂无数据。',
  },
  print: {
    line: '{module}　口径：{region}，{period}　打印日期：{day}',
  },
  filters: {
    yearLabel: '年份',
    quarterLabel: '季度',
    monthLabel: '月份',
    region: '地区',
    period: '时间',
    kind: { year: '年度', quarter: '季度', month: '月度', custom: '自定义' },
    quarter: '第{n}季度',
    compare: '对比',
    yoy: '同比',
    mom: '环比',
    none: '不对比',
    language: '语言',
    theme: '深色',
    decal: '图案',
    decalHint: '图表叠加图案纹理，便于色弱读者和黑白打印',
    bigScreen: '大屏',
    rotate: '轮播',
    from: '开始日期',
    to: '结束日期',
    notADay: '“{text}”不是日历上的日期，时期未改变。',
    searchMore: '匹配的乡镇较多，只列出了 {n} 个县（市、区）的；先选定省或市，可优先列出该地区的',
  },
  nav: { modules: '功能模块', home: '全域', breadcrumb: '当前位置' },
  user: { logout: '退出登录', scope: '管辖范围：{region}' },
  slot: {
    loading: '正在加载「{name}」…',
    failed: '「{name}」加载失败',
    retry: '重试',
    crashed: '模块运行出错',
    explain: '该模块暂时无法使用，其他模块不受影响。请稍后重试，或联系系统管理员。',
    details: '技术信息',
  },
  bigScreen: { exit: '退出大屏', refreshed: '上次刷新' },
  report: {
    menu: '导出汇报材料',
    busy: '正在生成…',
    docx: 'Word 汇报材料',
    pptx: 'PPT 演示文稿',
    'docx-bundle': 'Word（分{area}汇编）',
    'pptx-bundle': 'PPT（分{area}汇编）',
    failed: '导出失败：{message}',
  },
  // The import page's and the sign-in page's own texts load with them (i18n-imports.ts, i18n-login.ts).
  imports: {
    link: '数据导入',
  },
}

export type Messages = typeof zh

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh } as Record<string, Messages>,
  messageCompiler: compileMessage,
})

let englishLoaded = false

/**
 * Make a language's messages available. Chinese, the first language, is built in; English is loaded the first
 * time someone picks it (most users never do). Element Plus's texts follow the language (element-locale.ts).
 */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'zh-CN') return
  const english = await import('./i18n-en.ts')
  // Merged, not set: the import page's English may be there already.
  if (!englishLoaded) i18n.global.mergeLocaleMessage('en', english.messages)
  englishLoaded = true
}

/** Load a language, then show the app's texts (and the page's lang) in it, unless `still` says it is no longer
 * wanted (another language was picked while this one loaded). */
export async function showLanguage(language: Language, still: () => boolean = () => true): Promise<void> {
  await loadLanguage(language)
  if (!still()) return
  i18n.global.locale.value = language
  document.documentElement.lang = language
  // The tab and a bookmark are named in the page's language too.
  document.title = i18n.global.t('app.title')
}
