export const messages = {
  'zh-CN': {
    source: '代表述职台账',
    kpis: '述职概况',
    progress: '述职完成率与年度累计目标',
    byTownship: '各{areas}述职完成率',
    byLevel: '按代表层级',
    pending: '尚未述职的代表（按{areas}）',
    series: { rate: '累计完成率', target: '累计目标', done: '已述职', required: '应述职', pending: '未述职' },
    kpi: {
      reportback_done: '已述职代表',
      reportback_required: '应述职代表',
      reportback_rate: '述职完成率',
      reportback_target_rate: '目标进度',
    },
  },
  en: {
    source: 'report-back registers',
    kpis: 'Report-backs at a glance',
    progress: 'Completion against the cumulative target',
    byTownship: 'Completion by {areas}',
    byLevel: 'By deputy level',
    pending: 'Deputies yet to report back, by {areas}',
    series: {
      rate: 'Completed',
      target: 'Target',
      done: 'Reported',
      required: 'Required',
      pending: 'Not yet',
    },
    kpi: {
      reportback_done: 'Deputies reported',
      reportback_required: 'Deputies required',
      reportback_rate: 'Completion',
      reportback_target_rate: 'Target so far',
    },
  },
}
