// The front-end figures of `pnpm bench`: gzip sizes of each app's built files, and the browser measurement.
// `pnpm bench --frontend-only [--runs 5] [--waterfall]` runs just these against the demo on a fresh PGlite
// directory (no PostgreSQL needed), to iterate on the front end; `--database-url` measures against PostgreSQL.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { WaterfallEntry } from './browser.ts'

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
}

/** gzip -9 of every JS and CSS file in each app's dist (null when the app is not built). */
export function appSizes(root: string) {
  return readdirSync(join(root, 'apps'))
    .filter((a) => a !== 'api')
    .map((name) => {
      let list: string[] = []
      try {
        list = files(join(root, 'apps', name, 'dist'))
      } catch {
        return { name, js_gzip_bytes: null, css_gzip_bytes: null }
      }
      const gz = (ext: string) =>
        list
          .filter((f) => f.endsWith(ext))
          .reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0)
      return { name, js_gzip_bytes: gz('.js'), css_gzip_bytes: gz('.css') }
    })
}

/** The network waterfall of one navigation, one line per request, in the order they started. */
export function printWaterfall(entries: WaterfallEntry[]) {
  for (const e of [...entries].sort((a, b) => a.start_ms - b.start_ms)) {
    const name = e.name.length > 90 ? `…${e.name.slice(-89)}` : e.name
    console.log(
      `${String(e.start_ms).padStart(6)} → ${String(e.end_ms).padStart(6)} ms ${String(e.bytes).padStart(8)} B  ${e.type.padEnd(14)} ${name}`,
    )
  }
}

export async function runFrontEndOnly(argv: string[], root: string, databaseUrl?: string) {
  const at = argv.indexOf('--runs')
  const runs = at >= 0 ? Number(argv[at + 1]) : 5
  const apps = appSizes(root)
  for (const a of apps)
    console.log(`app ${a.name.padEnd(14)} js ${a.js_gzip_bytes} B gz, css ${a.css_gzip_bytes} B gz`)
  console.log(
    `browser: ${runs} cold navigations to the overview on ${databaseUrl ? 'PostgreSQL' : 'the demo (PGlite)'}`,
  )
  const { measureFrontEnd } = await import('./browser.ts')
  const result = await measureFrontEnd({ runs, ...(databaseUrl ? { databaseUrl } : {}) })
  if (argv.includes('--waterfall')) printWaterfall(result.first_view_waterfall)
  console.log(
    `first view: ${result.first_view_js_gzip_bytes} B gz JS, ${result.first_view_css_gzip_bytes} B gz CSS, ` +
      `${result.first_view_transfer_bytes} B uncompressed, ${result.first_view_wire_bytes} B over the wire`,
  )
  console.log(
    `overview painted: median ${result.overview_painted_ms} ms after navigation ` +
      `(runs ${result.overview_painted_runs_ms.join(', ')} ms; seen from the bench process ${result.overview_painted_wall_runs_ms.join(', ')} ms)`,
  )
  return { apps, ...result }
}
