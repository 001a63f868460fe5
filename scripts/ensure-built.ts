// Build the front-end apps that are missing or older than their sources, in one `pnpm -r` call.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const apps = ['shell', 'mf-overview', 'mf-stations', 'mf-opinions', 'mf-funding', 'mf-reportback']
// Front-end sources every app bundles.
const sharedSources = ['packages/ui/src', 'packages/filters/src', 'packages/contracts/src', 'mf.shared.ts']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}

function builtAt(app: string): number {
  const marker = join(root, 'apps', app, 'dist', app === 'shell' ? 'index.html' : 'mf-manifest.json')
  return existsSync(marker) ? statSync(marker).mtimeMs : 0
}

function staleApps(): string[] {
  const shared = Math.max(...sharedSources.map((p) => newestMtime(join(root, p))))
  return apps.filter((app) => {
    const built = builtAt(app)
    return (
      built === 0 ||
      built <
        Math.max(
          shared,
          newestMtime(join(root, 'apps', app, 'src')),
          newestMtime(join(root, 'apps', app, 'vite.config.ts')),
        )
    )
  })
}

/** Build the apps that are missing or stale; returns false when the build failed. */
export function ensureBuilt(): boolean {
  const stale = staleApps()
  if (stale.length === 0) return true
  console.log(`Building the dashboard (${stale.join(', ')})…`)
  const filters = stale.flatMap((app) => ['--filter', `@liaison/${app}`])
  // @module-federation/vite switches itself off under vitest (VITEST, NODE_ENV=test): build as production.
  const { VITEST: _vitest, VITEST_POOL_ID: _pool, VITEST_WORKER_ID: _worker, ...env } = process.env
  const result = spawnSync('pnpm', ['-r', ...filters, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, NODE_ENV: 'production' },
  })
  return result.status === 0
}
