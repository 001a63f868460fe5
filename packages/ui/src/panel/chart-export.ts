// A dashboard chart as a file: the panel's option redrawn off screen with its title, region and period on
// top and its 口径 (basis), source and date of generation underneath, so the image never travels without them.
import { loadCharts } from '../charts/load.ts'

export interface ChartFrame {
  title: string
  /** "金沙县 · 2023年". */
  subtitle: string
  /** "口径：…" / "Basis: …", and "数据来源：…｜生成日期：…". */
  footer: string[]
  background: string
  textColour: string
  mutedColour: string
  /** Printed faintly, tiled diagonally across the image (organisation, or user and date). */
  watermark?: string | null
}

const width = 960
const height = 540
const head = 64
const foot = 22

const percent = (value: unknown) =>
  typeof value === 'string' && value.endsWith('%') ? Number.parseFloat(value) / 100 : null

/**
 * Place a component between the frame's header and footer: a numeric top or bottom
 * moves by them, and a percentage top or height (a small multiple's cell, its title) is taken of the band between
 * them, not of the whole image, so that nothing slides under the title or the 口径.
 */
function shifted(part: unknown, top: number, bottom: number): unknown {
  const band = height - top - bottom
  const move = (item: Record<string, unknown>) => {
    const topShare = percent(item.top)
    const heightShare = percent(item.height)
    return {
      ...item,
      top:
        typeof item.top === 'number'
          ? item.top + top
          : topShare !== null
            ? top + topShare * band
            : (item.top ?? top),
      ...(heightShare !== null ? { height: heightShare * band } : {}),
      ...(typeof item.bottom === 'number' ? { bottom: item.bottom + bottom } : {}),
    }
  }
  if (Array.isArray(part)) return part.map(move)
  return part && typeof part === 'object' ? move(part as Record<string, unknown>) : part
}

/** A ring between the header and the legend above the footer, smaller, so that its outside labels clear both. */
function framedPie(series: Record<string, unknown>, top: number, bottom: number) {
  const radius = Array.isArray(series.radius) ? series.radius : []
  return {
    ...series,
    center: ['50%', top + (height - top - bottom) / 2],
    radius: radius.map((r) => (percent(r) === null ? r : `${(percent(r) ?? 0) * 85}%`)),
  }
}

/** A component anchored to the bottom (a map's colour legend), lifted above the footer. */
const raised = (part: unknown, by: number) => {
  const item = part as Record<string, unknown>
  return { ...item, bottom: (typeof item.bottom === 'number' ? item.bottom : 0) + by }
}

const withBounds = (grid: unknown) =>
  Array.isArray(grid)
    ? grid.map((g) => ({ ...g, outerBoundsMode: 'same' }))
    : grid && { left: 16, right: 16, ...(grid as object), outerBoundsMode: 'same' }

/** The watermark six times across the image, turned, faint, above the chart (as the server's images have it). */
function watermarkTiles(text: string, colour: string) {
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
        style: { text, fill: colour, opacity: 0.16, fontSize: 18, align: 'center', verticalAlign: 'middle' },
      })
  return tiles
}

export function framedOption(option: Record<string, unknown>, frame: ChartFrame): Record<string, unknown> {
  const footLines = frame.footer.map((text, i) => ({
    text,
    left: 16,
    bottom: 6 + (frame.footer.length - 1 - i) * 16,
    textStyle: {
      fontSize: 11,
      fontWeight: 'normal',
      color: frame.mutedColour,
      width: width - 32,
      overflow: 'truncate',
    },
  }))
  const grid = option.grid ?? { left: 16, right: 16, bottom: 8, containLabel: true }
  const footer = foot * frame.footer.length + 8
  const legend = option.legend as Record<string, unknown> | undefined
  // A legend at the bottom (a ring's) stays at the bottom, above the footer; any other goes under the header.
  const bottomLegend = typeof legend?.bottom === 'number'
  const legendRow = bottomLegend ? 28 : 0
  // A chart's own titles (the names over a small multiple's cells) are kept, placed in the band.
  const ownTitles = option.title ? [option.title].flat() : []
  return {
    ...option,
    animation: false,
    backgroundColor: frame.background,
    title: [
      {
        text: frame.title,
        subtext: frame.subtitle,
        left: 'center',
        top: 8,
        textStyle: { fontSize: 18, color: frame.textColour },
        subtextStyle: { fontSize: 12, color: frame.mutedColour },
      },
      ...footLines,
      ...[shifted(ownTitles, head, footer)].flat(),
    ],
    // 'same': axis labels stay inside the grid's rectangle, clear of the header and footer.
    grid: withBounds(shifted(grid, head, footer)),
    legend: legend ? (bottomLegend ? raised(legend, footer) : shifted(legend, head - 8, 0)) : undefined,
    // A map has no grid: its box and its colour legend move between the header and the footer instead; a ring sits
    // between the header and its legend.
    series: Array.isArray(option.series)
      ? option.series.map((s: Record<string, unknown>) =>
          s.type === 'map'
            ? shifted(s, head, footer)
            : s.type === 'pie'
              ? framedPie(s, head, footer + legendRow)
              : s,
        )
      : option.series,
    ...(option.visualMap ? { visualMap: raised(option.visualMap, footer) } : {}),
    ...(frame.watermark ? { graphic: watermarkTiles(frame.watermark, frame.mutedColour) } : {}),
    tooltip: undefined,
  }
}

/** Draw off screen and read the file back: PNG at a pixel ratio (2× of 960×540 is 1920×1080) or SVG. */
export async function chartFile(
  option: Record<string, unknown>,
  frame: ChartFrame,
  format: 'png' | 'svg',
  options: { theme?: string; scale?: number } = {},
): Promise<Blob> {
  const framed = framedOption(option, frame)
  const { echarts } = await loadCharts(framed, format === 'svg')
  const host = document.createElement('div')
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px`
  document.body.appendChild(host)
  const chart = echarts.init(host, options.theme, {
    renderer: format === 'svg' ? 'svg' : 'canvas',
    width,
    height,
  })
  try {
    chart.setOption(framed, { notMerge: true })
    const url = chart.getDataURL({
      type: format,
      pixelRatio: options.scale ?? 2,
      backgroundColor: frame.background,
    })
    return dataUrlToBlob(url)
  } finally {
    chart.dispose()
    host.remove()
  }
}

function dataUrlToBlob(url: string): Blob {
  const [meta = '', data = ''] = url.split(',', 2)
  const type = /data:([^;,]+)/.exec(meta)?.[1] ?? 'application/octet-stream'
  if (meta.includes(';base64')) {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
    return new Blob([bytes], { type })
  }
  return new Blob([decodeURIComponent(data)], { type })
}

/** Save a Blob under a (Chinese) file name. */
export function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The file name a response's Content-Disposition gives (filename* first), or a fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1]
  if (star) return decodeURIComponent(star)
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback
}

/** GET a file the server generates (tables, the report, the deck) and save it; throws the API's message. */
export async function downloadExport(path: string, query: Record<string, string>, fallback: string) {
  const response = await fetch(`/api/v1${path}?${new URLSearchParams(query)}`, { credentials: 'same-origin' })
  if (!response.ok) {
    let message = `HTTP ${response.status}`
    try {
      message = ((await response.json()) as { error?: { message?: string } }).error?.message ?? message
    } catch {}
    throw new Error(message)
  }
  saveFile(await response.blob(), fileNameOf(response, fallback))
}

let csrf: Promise<string> | null = null

/**
 * Record an export made in the browser in the audit log (POST /exports/audit, with the session's CSRF token from
 * /auth/me); throws when it cannot be recorded, so nothing is saved unrecorded.
 */
export async function recordExport(entry: {
  format: 'png' | 'svg' | 'xlsx' | 'csv'
  name: string
  region: string
  from: string
  to: string
  panel?: string
  rows?: number
  watermark?: string
}) {
  csrf ??= fetch('/api/v1/auth/me', { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((me: { csrfToken: string }) => me.csrfToken)
  const post = async () =>
    fetch('/api/v1/exports/audit', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await csrf! },
      body: JSON.stringify(entry),
    })
  let response: Response
  try {
    response = await post()
    // A new session since the token was read (a new login): read it again once.
    if (response.status === 403) {
      csrf = null
      csrf = fetch('/api/v1/auth/me', { credentials: 'same-origin' })
        .then((r) => r.json())
        .then((me: { csrfToken: string }) => me.csrfToken)
      response = await post()
    }
  } catch (error) {
    csrf = null
    throw error
  }
  if (!response.ok) throw new Error(`audit: HTTP ${response.status}`)
}
