import type { PanelData } from './data-export.ts'

/** What a chart panel's export menu exports: ExportMenu.vue's props, passed on to ExportDropdown.vue. */
export interface ExportMenuProps {
  title: string
  /** "金沙县 · 2023年". */
  subtitle: string
  /** The region's name and the period's label, for the 口径 of the data files. */
  region?: string
  /** Its code, where it is not the filters' region (a township's county, whose townships the panel lists). */
  regionCode?: string
  period?: string
  /** The panel's id, named in the audit log. */
  panel?: string
  /** The panel's data source (社情民意台账), named in every file beside the dashboard's name. */
  source?: string
  option?: Record<string, unknown> | null
  /** The rows a panel without a chart shows, exported in the browser; a chart's come from its option. */
  data?: PanelData | null
  /** The catalogue figures behind the panel, exported by the server when there are no rows here. */
  table?: { ids: string[]; by?: string } | null
  /** The note the panel shows under its chart, written under its images and into the data files made here (the
   * server's table export, for a panel without rows of its own, has no note). */
  note?: string | null
  /** The panel shows the last answer while the next loads (ChartPanel's loading over its drawn chart): every export
   * is disabled until it arrives, or the file would hold the old figures under the new period and region. */
  refreshing?: boolean
}

/** The export button's title while the panel's data are refreshing. */
export const refreshingWords = {
  'zh-CN': '数据更新中，请稍候再导出',
  en: 'The data are refreshing; export when they have loaded',
} as const
