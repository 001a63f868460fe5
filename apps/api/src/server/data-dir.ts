// Before the embedded database opens its directory: say plainly when it cannot be written or the disk is
// (nearly) full, instead of the failure PGlite reports from deep inside its file system.
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Below this the embedded database cannot even be created with the demo data (~100 MB). */
export const MIN_FREE_BYTES = 128 * 1024 * 1024

export class DataDirUnusableError extends Error {}

export function checkDataDir(dir: string, minFree = MIN_FREE_BYTES) {
  try {
    mkdirSync(dir, { recursive: true })
    const probe = join(dir, `.write-test-${process.pid}`)
    writeFileSync(probe, 'ok')
    rmSync(probe)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new DataDirUnusableError(
      `Cannot write the data directory ${dir} (${code === 'ENOENT' ? 'EROFS or missing parent' : code}). Set DATA_DIR to a writable directory.`,
    )
  }
  const fs = statfsSync(dir)
  const free = fs.bavail * fs.bsize
  if (free < minFree)
    throw new DataDirUnusableError(
      `Not enough free space for the data directory ${dir}: ${Math.round(free / 1024 / 1024)} MB free, ${Math.round(minFree / 1024 / 1024)} MB needed. Free some space or set DATA_DIR elsewhere.`,
    )
}
