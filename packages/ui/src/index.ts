// @liaison/ui: one chart panel, KPI card, ranking table, formatting, the ECharts registration and themes.
// Shared as a federation singleton; the counter lets the browser test prove it is evaluated once.
import { countEvaluation } from '@liaison/filters'

countEvaluation('@liaison/ui')

export { registerBoundary } from './charts/boundary.ts'
// Pure parts bundled with the views that use them, not shared: @liaison/ui/builders (pies, funnels, radars, the
// map's option), @liaison/ui/enums (the enumerations' labels, from @liaison/db/enums: pure data, no zod, no
// database code), @liaison/ui/standalone (a module's own dev server). The front end takes @liaison/contracts as
// types only, so zod is not in any bundle.
export * from './charts/builders/combo.ts'
export * from './charts/builders/common.ts'
export { type Charts, loadCharts, loadedCharts } from './charts/load.ts'
export * from './charts/themes.ts'
export { default as ArrowDownIcon } from './controls/ArrowDown.vue'
export { default as SegmentedControl } from './controls/SegmentedControl.vue'
export { default as ToggleSwitch } from './controls/ToggleSwitch.vue'
export * from './data/use-module-data.ts'
export * from './element.ts'
export * from './format/index.ts'
export { inLanguage, say } from './i18n.ts'
export { default as KpiCard } from './kpi/KpiCard.vue'
export { beforeElementLoads, loadElement } from './lazy/element-ready.ts'
export { default as LazyField } from './lazy/LazyField.vue'
// What the menus do once used is in @liaison/ui/menus (menus.ts), loaded with them.
export { default as LazyMenu } from './menu/LazyMenu.vue'
export { compileMessage } from './message-compiler.ts'
export { default as KpiGrid } from './module/KpiGrid.vue'
export { default as ModulePage } from './module/ModulePage.vue'
export * from './module/module-messages.ts'
export { default as PanelModule } from './module/PanelModule.vue'
export * from './module/use-module-page.ts'
export { default as ChartPanel } from './panel/ChartPanel.vue'
export type { ColumnUnit, DataColumn, PanelData } from './panel/data-export.ts'
export { default as ExportMenu } from './panel/ExportMenu.vue'
export { reportSingletons } from './probe.ts'
export type { SelectOption } from './select/options.ts'
export { default as SelectField } from './select/SelectField.vue'
export { default as RankingTable } from './table/RankingTable.vue'
export * from './table/sort.ts'
