// `pnpm bench --smoke` at county scale on a fresh database: the command runs end to end, every endpoint answers
// at every scope from a station to the nation, and every rollup answer equals the same answer from the facts.
// (The full bench is run by hand; its results are committed under bench/results.)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'

const adminUrl = process.env.TEST_DATABASE_URL
const root = new URL('../..', import.meta.url).pathname

describe.skipIf(!adminUrl)('pnpm bench --smoke', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-'))
  const name = 'liaison_bench_smoke'
  afterAll(async () => {
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} })
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.end()
    rmSync(dir, { recursive: true, force: true })
  })

  it('loads the county, measures every scope and finds the rollups equal to the facts', async () => {
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} })
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.unsafe(`create database ${name}`)
    await admin.end()
    const url = new URL(adminUrl!)
    url.pathname = `/${name}`
    const out = join(dir, 'result.json')
    const run = spawnSync(
      'node',
      [
        '--import',
        'tsx',
        'bench/run.ts',
        '--scale',
        'county',
        '--smoke',
        '--database-url',
        url.toString(),
        '--out',
        out,
      ],
      { cwd: root, encoding: 'utf8', timeout: 600_000 },
    )
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0)
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      load: { totalRows: number }
      endpoints: { name: string; scope: string; status: number; equal: boolean | null; p95_ms: number }[]
      throughput: { rps: number; errors: number }
    }
    expect(result.load.totalRows).toBeGreaterThan(30_000)
    expect(new Set(result.endpoints.map((e) => e.scope))).toEqual(
      new Set(['station', 'township', 'county', 'city', 'province', 'nation']),
    )
    expect(result.endpoints.filter((e) => e.status !== 200)).toEqual([])
    // The region picker's tree, for the whole scope and for one county.
    expect(result.endpoints.filter((e) => e.name === 'regions:tree').map((e) => e.scope)).toEqual([
      'nation',
      'county',
    ])
    const compared = result.endpoints.filter((e) => e.equal !== null)
    expect(compared.length).toBeGreaterThanOrEqual(5 * 10)
    expect(compared.filter((e) => !e.equal)).toEqual([])
    expect(result.throughput.errors).toBe(0)
  }, 900_000)
})
