// `pnpm dev`: the API with reload on 8787, and the shell (5173) and every module (5174–5178) on Vite dev
// servers with hot reload, in one command. Open http://localhost:5173.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const children = [
  spawn('pnpm', ['exec', 'tsx', 'watch', '--clear-screen=false', 'apps/api/src/cli.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DEV_MODULES: '1' },
  }),
  spawn('pnpm', ['-r', '--parallel', '--filter', './apps/shell', '--filter', './apps/mf-*', 'dev'], {
    cwd: root,
    stdio: 'inherit',
  }),
]
console.log('Dev servers starting: open http://localhost:5173 (API on http://127.0.0.1:8787)')

const stop = () => {
  for (const child of children) child.kill('SIGTERM')
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children) child.on('exit', (code) => code && code !== 0 && stop())
