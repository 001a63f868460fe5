// pnpm generate --scale county|province|nation [--database-url URL]
// Without a URL (and no DATABASE_URL) it creates liaison_bench_<scale> on the local server.
import { benchDatabase, ensureLoaded, parseArgs } from './load.ts'

const { scale, databaseUrl } = parseArgs(process.argv.slice(2))
const url = databaseUrl || (await benchDatabase(scale))
if (!url.startsWith('postgres'))
  throw new Error('pnpm generate needs PostgreSQL (--database-url or DATABASE_URL)')
console.log(`generate ${scale} → ${url.replace(/\/\/[^@]*@/, '//')}`)
const result = await ensureLoaded(url, scale)
console.log(JSON.stringify(result, null, 2))
