import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DataDirInUseError, lockDataDir } from './lock.ts'

const lockScript = `import { lockDataDir } from ${JSON.stringify(new URL('./lock.ts', import.meta.url).pathname)}
try { lockDataDir(process.argv[1]); console.log('locked') } catch (e) { console.log(e.name + ': ' + e.message); process.exit(3) }`

describe('the PGlite data-directory lock', () => {
  it('refuses a second process with one clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'))
    const release = lockDataDir(dir)
    const other = spawnSync('node', ['--import', 'tsx', '--input-type=module', '-e', lockScript, dir], {
      encoding: 'utf8',
    })
    release()
    expect(other.status).toBe(3)
    expect(other.stdout).toContain(
      `DataDirInUseError: The data directory ${dir} is in use by another process (pid ${process.pid})`,
    )
  })

  it('takes over a lock left by a dead process and releases it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'))
    writeFileSync(join(dir, '.liaison.lock'), '999999999')
    const release = lockDataDir(dir)
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError) // a second open in this process is refused too
    release()
    expect(existsSync(join(dir, '.liaison.lock'))).toBe(false)
  })
})
