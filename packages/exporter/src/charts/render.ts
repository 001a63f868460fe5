// Charts drawn on the server: ECharts' SSR SVG renderer, framed with title, 口径, source and date,
// and rasterised with resvg (system CJK font, Debian fonts-noto-cjk) where a format needs pixels.
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { initWasm, Resvg } from '@resvg/resvg-wasm'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import {
  DatasetComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { basisLine, basisOf, type ChartSpec, type ExportBasis, sourceLine } from '../model.ts'

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
])

/** The first family present wins: Noto on Linux servers, YaHei/PingFang where an SVG is opened elsewhere. */
export const chartFont = 'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif'

export type ChartBackground = 'white' | 'dark'
export interface FrameOptions {
  basis: ExportBasis
  watermark?: string | null
  background?: ChartBackground
  width?: number
  height?: number
}

const colours = {
  white: {
    background: '#ffffff',
    text: '#1f2933',
    muted: '#616e7c',
    split: '#e4e7eb',
    mark: 'rgba(31,41,51,0.09)',
  },
  dark: {
    background: '#0f1c2e',
    text: '#e4e7eb',
    muted: '#9aa5b1',
    split: '#2b3a4a',
    mark: 'rgba(228,231,235,0.10)',
  },
}
type Colours = (typeof colours)['white']

/** Axis text and grid lines in the background's colours (builders leave them to the theme). */
function tinted(axes: unknown, c: Colours) {
  const tint = (axis: Record<string, unknown>) => ({
    ...axis,
    axisLabel: { color: c.muted, ...(axis.axisLabel as object) },
    nameTextStyle: { color: c.muted },
    splitLine: { ...(axis.splitLine as object), lineStyle: { color: c.split } },
  })
  if (Array.isArray(axes)) return axes.map(tint)
  return axes && typeof axes === 'object' ? tint(axes as Record<string, unknown>) : axes
}
const header = 64
const footer = 46
const footLine = 14

/** About how wide a line of 11-px text is: a CJK character a full em, anything else a little over half. */
const textWidth = (text: string) =>
  [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 11 : 6.2), 0)

/** Shift a numeric top/bottom by the frame's header and footer. */
function shifted(part: unknown, top: number, bottom: number) {
  const move = (item: Record<string, unknown>) => ({
    ...item,
    ...(typeof item.top === 'number' ? { top: item.top + top } : {}),
    ...(typeof item.bottom === 'number' ? { bottom: item.bottom + bottom } : {}),
  })
  if (Array.isArray(part)) return part.map(move)
  return part && typeof part === 'object' ? move(part as Record<string, unknown>) : part
}

const withBounds = (grid: unknown) =>
  Array.isArray(grid)
    ? grid.map((g) => ({ ...g, outerBoundsMode: 'same' }))
    : grid && { ...(grid as object), outerBoundsMode: 'same' }

function watermarkTiles(text: string, width: number, height: number, fill: string) {
  const tiles = []
  for (let y = 0; y < 2; y++)
    for (let x = 0; x < 3; x++)
      tiles.push({
        type: 'text',
        silent: true,
        z: 100,
        x: ((x + 0.5) * width) / 3,
        y: ((y + 0.5) * height) / 2 + (x % 2) * 30,
        rotation: Math.PI / 8,
        style: { text, fill, fontSize: 18, fontFamily: chartFont, align: 'center', verticalAlign: 'middle' },
      })
  return tiles
}

/** Adds the title, region and period, the 口径 and source lines, and the watermark to a chart's option. */
export function frameOption(chart: ChartSpec, frame: FrameOptions): echarts.EChartsCoreOption {
  const c = colours[frame.background ?? 'white']
  const width = frame.width ?? 960
  const height = frame.height ?? 540
  const { option } = chart
  // The 口径 wraps onto a second line where it is long (an English trend's note), never cut off; the chart moves up.
  const basisText = basisLine(basisOf(frame.basis, chart), chart.definitions)
  const basisLines = textWidth(basisText) > width - 32 ? 2 : 1
  const bottom = footer + (basisLines - 1) * footLine
  const footText = (text: string, y: number) => ({
    type: 'text',
    silent: true,
    left: 16,
    bottom: y,
    style: {
      text,
      fill: c.muted,
      fontSize: 11,
      lineHeight: footLine,
      fontFamily: chartFont,
      width: width - 32,
      overflow: 'break',
    },
  })
  return {
    ...option,
    animation: false,
    backgroundColor: c.background,
    textStyle: { fontFamily: chartFont, color: c.text },
    title: {
      text: chart.title,
      subtext: `${basisOf(frame.basis, chart).regionName}　${basisOf(frame.basis, chart).period}`,
      left: 'center',
      top: 8,
      textStyle: { fontSize: 18, color: c.text, fontFamily: chartFont },
      subtextStyle: { fontSize: 12, color: c.muted, fontFamily: chartFont },
    },
    // 'same': axis labels stay inside the grid's rectangle, clear of the header and footer.
    grid: withBounds(shifted(option.grid, header, bottom)),
    xAxis: tinted(option.xAxis, c),
    yAxis: tinted(option.yAxis, c),
    legend: option.legend && {
      ...(shifted(option.legend, header, bottom) as object),
      textStyle: { color: c.text },
    },
    graphic: [
      footText(basisText, 24),
      footText(sourceLine(frame.basis), 8),
      ...(frame.watermark ? watermarkTiles(frame.watermark, width, height, c.mark) : []),
    ],
  }
}

/** The framed chart as an SVG document. */
export function renderSvg(chart: ChartSpec, frame: FrameOptions): string {
  const width = frame.width ?? 960
  const height = frame.height ?? 540
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    instance.setOption(frameOption(chart, frame))
    return instance.renderToSVGString()
  } finally {
    instance.dispose()
  }
}

let ready: Promise<Uint8Array[]> | undefined

/**
 * The wasm build with the CJK font held in memory: the native build re-reads the 20 MB font file for every
 * text element (thx/resvg-js#367), ~0.8 s a chart against ~0.1 s here. Fonts are found once with fontconfig.
 */
function fonts(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url)
    await initWasm(await readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')))
    let files: string[] = []
    try {
      const out = execFileSync('fc-list', ['-f', '%{file}\\n', 'Noto Sans CJK SC'], { encoding: 'utf8' })
      files = [...new Set(out.split('\n').filter(Boolean))]
    } catch {
      // No fontconfig: Chinese text will be missing from PNGs (SVGs are unaffected).
    }
    return Promise.all(files.map(async (f) => new Uint8Array(await readFile(f))))
  })()
  return ready
}

/** PNG at a pixel ratio: 960×540 at 2× is 1920×1080. */
/** `background: null` keeps the PNG transparent. */
export async function svgToPng(
  svg: string,
  scale = 2,
  background: string | null = '#ffffff',
): Promise<Buffer> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontBuffers: await fonts(), defaultFontFamily: 'Noto Sans CJK SC' },
    ...(background ? { background } : {}),
  })
  return Buffer.from(resvg.render().asPng())
}

export function renderPng(chart: ChartSpec, frame: FrameOptions & { scale?: number }): Promise<Buffer> {
  return svgToPng(renderSvg(chart, frame), frame.scale ?? 2, colours[frame.background ?? 'white'].background)
}

/**
 * A page-sized transparent PNG with the watermark repeated diagonally, laid behind the text of every Word
 * page and PPT slide (the chart images carry their own). `width`×`height` in the page's proportions.
 */
export function watermarkPng(text: string, width: number, height: number): Promise<Buffer> {
  const rows = Math.ceil(height / 220) + 2
  const cols = Math.ceil(width / 420) + 2
  const tiles: string[] = []
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const x = c * 420 + (r % 2) * 210 - 210
      const y = r * 220
      tiles.push(`<text x="${x}" y="${y}" transform="rotate(-30 ${x} ${y})">${escapeXml(text)}</text>`)
    }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<g font-family="Noto Sans CJK SC" font-size="30" fill="#8a94a0" fill-opacity="0.16">${tiles.join('')}</g></svg>`
  return svgToPng(svg, 1, null)
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!,
  )
