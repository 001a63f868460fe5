// pnpm bench:compare --database-url URL [--rounds 2] [--samples 300] [--duration 10] <checkout> <checkout> …
// Two or more checkouts (a worktree of the previous main, say) measured in turn on one database, `--rounds` times
// over, so that a change's effect is not mistaken for the machine's drift or for another machine: for each, the API
// as a child process, sequential computed answers (national funding by category, a county's overview), then
// autocannon with 50 connections on the county overview, cached and computed, and the API's peak RSS.
import { resolve } from 'node:path'
import autocannon from 'autocannon'
import { memoryKb, startApi } from './api-process.ts'
import { keptAliveClient, stats } from './http.ts'
import { parseArgs } from './load.ts'

const argv = process.argv.slice(2)
const { databaseUrl, get } = parseArgs(argv)
const options = new Set(['--database-url', '--rounds', '--samples', '--duration'])
const checkouts = argv
  .filter((a, i) => !a.startsWith('--') && !options.has(argv[i - 1] ?? ''))
  .map((a) => resolve(a))
if (!databaseUrl?.startsWith('postgres') || checkouts.length < 2)
  throw new Error('usage: pnpm bench:compare --database-url postgres://… <checkout> <checkout> …')
const rounds = Number(get('rounds') ?? 2)
const samples = Number(get('samples') ?? 300)
const duration = Number(get('duration') ?? 10)
const period = 'from=2025-01-01&to=2025-12-31'
const timed = {
  'funding by category, nation': `/api/v1/metrics?ids=projects,funds_allocated&region=CN&${period}&by=category`,
  'overview, county 520523': `/api/v1/modules/overview/data?region=520523&${period}`,
}

for (let round = 1; round <= rounds; round++)
  for (const checkout of checkouts) {
    const api = startApi(checkout, { DATABASE_URL: databaseUrl })
    const client = keptAliveClient()
    try {
      const { cookie } = await api.signIn()
      const computed = { cookie, 'cache-control': 'no-cache' }
      console.log(`round ${round}, ${checkout}`)
      for (const [name, path] of Object.entries(timed)) {
        for (let i = 0; i < 20; i++) await client.get(`${api.base}${path}`, computed)
        const times: number[] = []
        for (let i = 0; i < samples; i++) {
          const t = performance.now()
          const res = await client.get(`${api.base}${path}`, computed)
          if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
          times.push(performance.now() - t)
        }
        const s = stats(times)
        console.log(`  ${name}, computed: p50 ${s.p50} ms, p95 ${s.p95} ms (${samples} sequential)`)
      }
      for (const mode of ['cached', 'computed'] as const) {
        const result = await autocannon({
          url: `${api.base}${timed['overview, county 520523']}`,
          connections: 50,
          duration,
          headers: mode === 'cached' ? { cookie } : computed,
        })
        console.log(
          `  overview at 50 connections, ${mode}: ${Math.round(result.requests.average)} req/s, ` +
            `${result.errors} errors, ${result.non2xx} non-2xx, p99 ${result.latency.p99} ms`,
        )
      }
      console.log(`  API RSS peak ${Math.round(memoryKb(api.child.pid!, 'VmHWM') / 1024)} MB`)
    } finally {
      client.close()
      await api.stop()
    }
  }
