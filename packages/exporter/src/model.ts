// One typed model behind every export format: the Word report, the deck, the tables and the chart images.
import type { Unit } from '@liaison/contracts'
import type { EChartsCoreOption } from 'echarts/core'
import { type Lang, textsOf } from './texts.ts'

/** 口径: what a figure can never be quoted without. */
export interface ExportBasis {
  /** The language everything is printed in. */
  lang: Lang
  regionCode: string
  regionName: string
  from: string
  to: string
  /** "2023年" or "2023年1月1日至6月30日". */
  period: string
  /** The data cut-off date: the period's end, or the day of generation for a period still running. */
  cutoff: string
  source: string
  /** YYYY-MM-DD. */
  generatedAt: string
  /** "办结率：已办结 ÷ 收集社情民意", one line per figure used. */
  definitions: string[]
}

export interface KeyFigure {
  id: string
  label: string
  unit: Unit
  value: number | null
  /** As printed: "1,259", "79.7%", "37万元". */
  text: string
}

export interface Section {
  id: string
  heading: string
  paragraphs: string[]
}

/** A chart before rendering: a pure ECharts option, framed with title and 口径 when drawn. */
export interface ChartSpec {
  id: string
  title: string
  /** One line for a slide or a caption: what the chart shows. */
  takeaway: string
  /** The definitions of the figures drawn (the chart's own 口径). */
  definitions: string[]
  option: EChartsCoreOption
  /** The region drawn, where it is not the report's: a township's report compares it among its county's
   * townships (金沙县各乡镇（街道）). Its frame and 口径 name it. */
  regionName?: string
  /** The months drawn, where wider than the report's period: a month's or a quarter's trend shows the twelve
   * months up to its end. Its frame and 口径 name them. */
  span?: { from: string; period: string }
}

export interface TableColumn {
  key: string
  label: string
  /** `code`: a division code (text); `points`: a rate's change in percentage points (3.2). */
  unit: Unit | 'text' | 'date' | 'code' | 'points'
}

export type Cell = string | number | null

export interface TableModel {
  title: string
  columns: TableColumn[]
  rows: Record<string, Cell>[]
  /** The index of the row the report is about (a township among its county's), printed in bold. */
  current?: number
  /** The region listed, where it is not the report's (see ChartSpec). */
  regionName?: string
}

export interface ExportModel {
  /** "金沙县人大代表联络站履职工作情况（2023年）". */
  title: string
  basis: ExportBasis
  keyFigures: KeyFigure[]
  sections: Section[]
  charts: ChartSpec[]
  table: TableModel
  /** Organisation or user name and date, printed faintly on images and pages. */
  watermark: string | null
  /** The per-township bundle: one part per township, each a model of its own. */
  townships: ExportModel[]
}

/** The basis a chart or table is quoted with: the report's, naming the region and the months it shows. */
export const basisOf = (
  basis: ExportBasis,
  shown: { regionName?: string; span?: ChartSpec['span'] },
): ExportBasis => ({
  ...basis,
  ...(shown.regionName ? { regionName: shown.regionName } : {}),
  ...(shown.span ?? {}),
})

/** "口径：金沙县，2023-01-01至2023-12-31，数据截至2023-12-31。办结率：…；满意率：…。" */
export const basisLine = (basis: ExportBasis, definitions = basis.definitions): string =>
  textsOf(basis.lang).basis(basis.regionName, basis.from, basis.to, basis.cutoff, definitions)

/** "数据来源：…｜生成日期：…" */
export const sourceLine = (basis: ExportBasis) =>
  textsOf(basis.lang).sourceLine(basis.source, basis.generatedAt)
