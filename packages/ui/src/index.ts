// @liaison/ui: one chart panel, KPI card, ranking table, formatting, the ECharts registration and themes.
// Shared as a federation singleton; the counter lets the browser test prove it is evaluated once.
import { countEvaluation } from '@liaison/filters'
import './charts/register.ts'

countEvaluation('@liaison/ui')

// The enumerations' zh/en labels (defined once in @liaison/db/enums, passed on by contracts) and the module
// response schemas, for the modules:
// modules import contracts for types only, so they do not each bundle zod.
export {
  deputyLevels,
  opinionCategories,
  opinionChannels,
  opinionRoutes,
  overviewResponse,
  projectStatuses,
  sevenItems,
  stationKinds,
  stationStatuses,
} from '@liaison/contracts'
export * from './charts/builders/combo.ts'
export * from './charts/builders/common.ts'
export * from './charts/builders/shapes.ts'
export { echarts } from './charts/register.ts'
export * from './charts/themes.ts'
export * from './data/use-module-data.ts'
export * from './element.ts'
export * from './format/index.ts'
export { say } from './i18n.ts'
export { default as KpiCard } from './kpi/KpiCard.vue'
export { default as ChartPanel } from './panel/ChartPanel.vue'
export { reportSingletons } from './probe.ts'
export { mountStandalone } from './standalone.ts'
export { default as RankingTable } from './table/RankingTable.vue'
export * from './table/sort.ts'
