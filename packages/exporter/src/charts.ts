// Charts drawn on the server: ECharts' SSR SVG renderer, rasterised with resvg where a document needs pixels.
import { Resvg } from '@resvg/resvg-js'
import { BarChart, LineChart } from 'echarts/charts'
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

echarts.use([
  BarChart,
  LineChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
])

export const chartFont = 'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif'

export function renderSvg(option: echarts.EChartsCoreOption, width = 800, height = 400): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: chartFont },
    ...option,
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

/** PNG at a pixel ratio (2× or 3× for print), with the system's CJK font (Debian: fonts-noto-cjk). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    background: '#ffffff',
  })
  return Buffer.from(resvg.render().asPng())
}

export interface TrendRow {
  month: string
  receptions: number | null
  opinions_collected: number | null
  resolution_rate: number | null
}

/** Monthly activities and opinions (bars) with the resolution rate (line, right axis). */
export function trendOption(rows: TrendRow[], title: string, subtitle: string): echarts.EChartsCoreOption {
  return {
    title: { text: title, subtext: subtitle, left: 'center', textStyle: { fontSize: 16 } },
    legend: { bottom: 0, data: ['接待走访活动', '收集社情民意', '办结率'] },
    grid: { left: 50, right: 50, top: 70, bottom: 50 },
    xAxis: { type: 'category', data: rows.map((r) => `${Number(r.month.slice(5))}月`) },
    yAxis: [
      { type: 'value', name: '次/件' },
      { type: 'value', name: '办结率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      {
        name: '接待走访活动',
        type: 'bar',
        data: rows.map((r) => r.receptions ?? 0),
        itemStyle: { color: '#0b6fb8' },
      },
      {
        name: '收集社情民意',
        type: 'bar',
        data: rows.map((r) => r.opinions_collected ?? 0),
        itemStyle: { color: '#e69f00' },
      },
      {
        name: '办结率',
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) =>
          r.resolution_rate === null ? null : Math.round(r.resolution_rate * 1000) / 10,
        ),
        itemStyle: { color: '#009e73' },
      },
    ],
  }
}

export interface TownshipBar {
  name: string
  value: number | null
}

/** Townships by a rate, with the region's figure as a reference line. */
export function townshipRateOption(
  rows: TownshipBar[],
  title: string,
  subtitle: string,
  regionValue: number | null,
): echarts.EChartsCoreOption {
  const sorted = [...rows].filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!)
  return {
    title: { text: title, subtext: subtitle, left: 'center', textStyle: { fontSize: 16 } },
    grid: { left: 50, right: 30, top: 70, bottom: 90 },
    xAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { rotate: 45, fontSize: 10 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        data: sorted.map((r) => Math.round(r.value! * 1000) / 10),
        itemStyle: { color: '#0b6fb8' },
        markLine:
          regionValue === null
            ? undefined
            : {
                symbol: 'none',
                data: [{ yAxis: Math.round(regionValue * 1000) / 10, name: '全域' }],
                label: { formatter: '全域 {c}%', position: 'insideEndTop' },
              },
      },
    ],
  }
}
