// `pnpm boundary` from a terminal: exit codes and the lines a clerk reads, on an embedded database.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from '@liaison/db'
import { loadRegions } from '@liaison/db/regions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const cli = new URL('./cli.ts', import.meta.url).pathname

function runCli(args: string[], dataDir: string) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(
      'node',
      ['--import', 'tsx', cli, ...args],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, timeout: 60_000 },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    )
  })
}

const square = [
  [
    [106, 27],
    [106.1, 27],
    [106.1, 27.1],
    [106, 27.1],
    [106, 27],
  ],
]
const collection = (names: string[]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: names.map((name) => ({
      type: 'Feature',
      properties: { name },
      geometry: { type: 'Polygon', coordinates: square },
    })),
  })

describe('pnpm boundary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-boundary-cli-'))
  const dataDir = join(dir, 'data')
  const file = (name: string, text: string) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }
  const stored = async () => {
    const h = await createDb({ dataDir })
    const rows = await h.rows<{ features: number; source: string }>(
      'select features, source from region_boundaries',
    )
    await h.close()
    return rows
  }
  beforeAll(async () => {
    const h = await createDb({ dataDir })
    await h.migrate()
    await loadRegions(h, { villagesOf: [] })
    await h.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('explains its usage without a county', async () => {
    const { code, err } = await runCli(['x.geojson'], dataDir)
    expect(code).toBe(2)
    expect(err).toContain('Usage: pnpm boundary')
  })

  it('refuses a file with an unknown township, naming the feature, exit 1, storing nothing', async () => {
    const bad = file('bad.geojson', collection(['平坝镇', '不存在镇']))
    const refused = await runCli([bad, '--county', '金沙县'], dataDir)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('feature 2 不存在镇: 与本县（区）的乡镇（街道）都不匹配（名称 不存在镇）')
    expect(refused.err).toContain('Refused: 1 problem(s); nothing was stored.')
    expect(await stored()).toEqual([])
  })

  it('stores a good file with a warning for the townships it lacks, then deletes it', async () => {
    const good = file('good.geojson', collection(['平坝镇', '后山镇']))
    const done = await runCli([good, '--county', '520523'], dataDir)
    expect(done.code).toBe(0)
    expect(done.out).toContain('warning  24 个乡镇（街道）没有边界')
    expect(done.out).toContain('Stored the boundary of 金沙县: 2 townships.')
    expect(await stored()).toEqual([{ features: 2, source: 'cli' }])
    const deleted = await runCli(['--delete', '--county', '金沙县'], dataDir)
    expect(deleted.out).toContain('Deleted the boundary of 金沙县.')
    expect(await stored()).toEqual([])
  })
})
