import { createI18n } from 'vue-i18n'

const zh = {
  app: {
    title: '人大代表联络站履职数据驾驶舱',
    short: '履职驾驶舱',
    demoNote: '演示数据仅为示意，人员信息均为虚构。',
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
}

const en: typeof zh = {
  app: {
    title: 'Deputy Liaison Stations Dashboard',
    short: 'Liaison dashboard',
    demoNote: 'Demo data is illustrative; all people are invented.',
  },
  login: {
    title: 'Sign in',
    username: 'User name',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Sign-in failed: {message}',
    demoHint: 'Demo accounts: demo-leader (county leader), demo-township (township head)',
  },
  filters: {
    region: 'Region',
    period: 'Period',
    kind: { year: 'Year', quarter: 'Quarter', month: 'Month', custom: 'Custom' },
    quarter: 'Q{n}',
    month: 'Month {n}',
    compare: 'Compare',
    yoy: 'YoY',
    mom: 'MoM',
    none: 'None',
    language: 'Language',
    theme: 'Dark',
    bigScreen: 'Big screen',
    rotate: 'Rotate',
    from: 'From',
    to: 'To',
  },
  nav: { modules: 'Modules', home: 'All' },
  user: { menu: 'User menu', logout: 'Sign out', scope: 'Scope' },
  slot: {
    loading: 'Loading “{name}”…',
    failed: '“{name}” could not be loaded',
    retry: 'Retry',
    crashed: 'The module failed',
    explain:
      'This module is unavailable for now; the others keep working. Retry later or contact the administrator.',
    details: 'Technical details',
  },
  bigScreen: { exit: 'Exit big screen', refreshed: 'Last refresh' },
}

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
})
