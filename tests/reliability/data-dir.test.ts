// A read-only or full data directory: one clear line and exit 1, no stack trace. Uses small tmpfs mounts, so it
// needs root (CI runs as root); elsewhere it is skipped with a message.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const cli = new URL('../../apps/api/src/cli.ts', import.meta.url).pathname
const root = mkdtempSync(join(tmpdir(), 'liaison-dirs-'))
const mounts: string[] = []

function mount(name: string, options: string): string | null {
  const dir = join(root, name)
  try {
    execFileSync('mkdir', ['-p', dir])
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' })
    mounts.push(dir)
    return dir
  } catch {
    return null
  }
}
const readOnly = mount('ro', 'ro,size=1m')
const full = mount('full', 'size=512k')
if (!readOnly || !full) console.warn('data-directory tests skipped: mounting a tmpfs needs root')

afterAll(() => {
  for (const dir of mounts) spawnSync('umount', [dir])
  rmSync(root, { recursive: true, force: true })
})

function start(dataDir: string) {
  const run = spawnSync('node', ['--import', 'tsx', cli], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0' },
    encoding: 'utf8',
    timeout: 60_000,
  })
  const lines = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn'))
  return { code: run.status, lines }
}

describe.runIf(readOnly && full)('the data directory', () => {
  it('read-only: one line naming the directory, exit 1', () => {
    const { code, lines } = start(join(readOnly!, 'data'))
    expect(code).toBe(1)
    expect(lines).toEqual([expect.stringContaining(`Cannot write the data directory ${readOnly}/data`)])
  })

  it('full disk: one line with the free space, exit 1', () => {
    const { code, lines } = start(join(full!, 'data'))
    expect(code).toBe(1)
    expect(lines).toEqual([expect.stringMatching(/Not enough free space .* \d+ MB free, 128 MB needed/)])
  })
})
