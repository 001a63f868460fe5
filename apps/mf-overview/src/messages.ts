// The overview's texts in Chinese; English in messages-en.ts, loaded when shown in English (useModuleMessages).
export const messages = {
  kpis: '关键指标',
  trend: '月度接待与社情民意办理',
  townships: '各{areas}指标对比',
  townshipsHint: '高于{average}为绿色，低于{average}为橙色；点击{areas}可下钻',
  narrative: '自动生成的工作综述',
  copy: '复制',
  copied: '已复制',
  completeness: '数据报送情况',
  completenessNone: '本期有数据的各{areas}均有报送记录。',
  completenessList: '本期无接待记录的{areas}：',
  onTime: '{month}按时报送站点占比',
  onTimeCount: '{filed} / {total} 个站点当月有台账记录',
  silentStations: '{month}无台账记录的站点：',
  silentNone: '{month}各站点均有台账记录。',
  staleStations: '台账超过{days}天未更新的站点：',
  lastFiled: '（最近 {date}）',
  neverFiled: '（从未登记）',
  columns: {
    station: '站点',
    township: '乡镇（街道）',
    lastFiled: '最近台账日期',
    inMonth: '{month}有记录',
    stale: '超过{days}天未更新',
  },
  filed: '本期有接待记录',
  yes: '是',
  no: '否',
  source: '联络站台账',
  series: { receptions: '接待走访活动', opinions: '收集社情民意', rate: '办结率' },
}

export type OverviewMessages = typeof messages

export const english = () => import('./messages-en.ts').then((m) => m.en)
