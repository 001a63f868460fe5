// npx tsx bench/by-status.ts <database-url> <region> <year>: how long a breakdown by status takes (each opinion's
// and station's status at the period's end: opinions from rollup_opinion_status above a county, stations from
// their facts), beside one by channel.
// In process, no HTTP: median and slowest of 7 after one untimed run.
import { createDb } from '@liaison/db'
import { queryMetrics } from '@liaison/metrics'

const [url, region, year] = process.argv.slice(2)
if (!url || !region || !year) throw new Error('usage: bench/by-status.ts <database-url> <region> <year>')
const h = await createDb({ url })
const period = { region, from: `${year}-01-01`, to: `${year}-12-31` }
const cases = [
  { by: 'status', ids: ['opinions_collected', 'opinions_resolved'] },
  // The backlog reads every opinion received by the period's end, not only the period's.
  { by: 'status', ids: ['backlog', 'overdue'] },
  { by: 'status', ids: ['stations_built', 'stations_standardised'] },
  { by: 'channel', ids: ['opinions_collected', 'opinions_resolved'] },
] as const
for (const c of cases) {
  const spec = { ...period, by: c.by, ids: [...c.ids] }
  await queryMetrics(h.db, spec)
  const times: number[] = []
  for (let i = 0; i < 7; i++) {
    const t = performance.now()
    await queryMetrics(h.db, spec)
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  console.log(`${c.ids[0]} by ${c.by}: median ${times[3]!.toFixed(1)} ms, slowest ${times[6]!.toFixed(1)} ms`)
}
await h.close()
