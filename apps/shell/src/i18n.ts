import type { ImportKind } from '@liaison/contracts'
import type { Language } from '@liaison/filters'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import { shallowRef } from 'vue'
import { createI18n } from 'vue-i18n'

type ElementLocale = typeof zhCn

/** Element Plus's texts in the page's language: provided to the whole app (main.ts), set when it changes (App.vue). */
export const elementLocale = shallowRef<ElementLocale>(zhCn)

const zh = {
  app: {
    title: '人大代表联络站履职数据驾驶舱',
    short: '履职驾驶舱',
    demoNote: '演示数据仅供示意，人员信息均为虚构。',
  },
  print: {
    line: '{module}　口径：{region}，{period}　打印日期：{day}',
  },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    failed: '登录失败：{message}',
    demoHint: '演示账号：demo-leader（县领导）、demo-township（乡镇人大主席）',
  },
  filters: {
    region: '地区',
    period: '时间',
    kind: { year: '年度', quarter: '季度', month: '月度', custom: '自定义' },
    quarter: '第{n}季度',
    month: '{n}月',
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
  },
  nav: { modules: '功能模块', home: '全域' },
  user: { menu: '用户菜单', logout: '退出登录', scope: '管辖范围' },
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
  imports: {
    link: '数据导入',
    title: '台账数据导入',
    back: '返回驾驶舱',
    upload: '上传台账',
    intro:
      '上传本县（区）的台账（Excel 或 CSV）。先试导入核对，确认无误后再正式导入；有任何错误时整个文件都不会写入。',
    county: '县（区）',
    countyPlaceholder: '请选择县（区）',
    kind: '台账类型',
    kindHint: 'CSV 文件只含一种台账；不选择时按表头自动识别',
    kindAuto: '按表头自动识别',
    drop: '将文件拖到此处，或{click}',
    click: '点击选择文件',
    accept: '支持 .xlsx、.csv、.tsv（UTF-8 或 GBK），不超过 20 MB',
    chosen: '已选择：{name}（{size}）',
    remove: '移除文件',
    dryRun: '试导入（只校验，不写入）',
    confirm: '确认导入',
    cancel: '重新选择',
    uploading: '正在上传 {percent}%',
    processing: '服务器正在校验和写入，请稍候…',
    needFile: '请先选择文件',
    needCounty: '请选择县（区）',
    dryRunOk: '试导入通过：以下数据将被写入',
    dryRunNothing: '文件中没有可导入的数据行',
    imported: '导入成功（批次 {id}）',
    refused: '文件未通过校验，共 {n} 处错误，未写入任何数据。请修改后重新上传。',
    failed: '操作失败：{message}',
    counts: {
      register: '台账',
      inserted: '新增',
      updated: '更新',
      unchanged: '未变',
    },
    warnings: '提示（{n}）',
    errors: '错误明细',
    problem: {
      sheet: '工作表',
      row: '行号',
      column: '列',
      value: '单元格内容',
      message: '问题',
      filter: '按任意列筛选',
      empty: '无',
      whole: '整个文件',
    },
    templates: '下载模板',
    templatesHint: '模板含中文表头、示例行和下拉选项',
    history: '导入记录',
    refresh: '刷新',
    historyEmpty: '暂无导入记录',
    column: {
      time: '时间',
      user: '导入人',
      file: '文件名',
      county: '县（区）',
      counts: '新增 / 更新',
      status: '状态',
      actions: '操作',
    },
    source: { file: '网页上传', cli: '命令行', ingest: '接口推送' },
    status: { applied: '已导入', rolled_back: '已撤销' },
    rollback: '撤销',
    rollbackTitle: '撤销导入',
    rollbackConfirm: '撤销批次 {id}（{file}）？该次导入新增的数据将被删除，被更新的数据恢复原值。',
    rollbackOk: '已撤销批次 {id}',
    rollbackRefused: '无法撤销：{message}',
    ok: '确定',
    no: '取消',
    kinds: {
      stations: '联络站',
      deputies: '代表',
      receptions: '接待记录',
      opinions: '社情民意',
      projects: '微项目',
      reportbacks: '代表述职',
      plans: '目标',
    } satisfies Record<ImportKind, string>,
  },
}

/** Every register kind, in the order the importer writes them (the labels' keys are checked against ImportKind). */
export const importKindOrder = Object.keys(zh.imports.kinds) as ImportKind[]

export type Messages = typeof zh

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh } as Record<string, Messages>,
})

/**
 * Make a language's messages available and give Element Plus's locale for it. Chinese, the first language, is
 * built in; English is loaded the first time someone picks it (most users never do).
 */
export async function loadLanguage(language: Language): Promise<ElementLocale> {
  if (language === 'zh-CN') return zhCn
  const english = await import('./i18n-en.ts')
  if (!i18n.global.availableLocales.includes('en')) i18n.global.setLocaleMessage('en', english.messages)
  return english.elementLocale
}
