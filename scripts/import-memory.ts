// Peak memory of the API process while it imports a 100,000-row receptions workbook through
// POST /api/v1/imports (issue 5: "stays under 500 MB"). Starts the real server on a fresh embedded database
// with the demo data, uploads as demo-clerk, and reads the child's peak RSS (VmHWM) from /proc.
// Run: pnpm tsx scripts/import-memory.ts [rows]
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'

const rows = Number(process.argv[2] ?? 100_000)
const port = 18_000 + Math.floor(Math.random() * 1000)
const base = `http://127.0.0.1:${port}`
const dataDir = mkdtempSync(join(tmpdir(), 'liaison-import-memory-'))

const kb = (pid: number, field: 'VmHWM' | 'VmRSS') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('接待记录')
  sheet.addRow(['金沙县民兴街道人大代表联络站接待选民登记表'])
  sheet.mergeCells('A1:D1')
  sheet.addRow(['接待日期', '联络站', '接待群众人次', '记录编号'])
  for (let i = 0; i < rows; i++)
    sheet.addRow([
      `2022-${String((i % 12) + 1).padStart(2, '0')}-10`,
      '民兴街道人大代表联络站',
      2,
      `MEM-${i}`,
    ])
  return Buffer.from(await book.xlsx.writeBuffer())
}

async function waitUp(child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('the server exited')
    try {
      if ((await fetch(`${base}/api/v1/ready`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('the server did not start')
}

const file = await workbook()
const cli = new URL('../apps/api/src/cli.ts', import.meta.url).pathname
const child = spawn('node', ['--import', 'tsx', cli], {
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    PORT: String(port),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})
try {
  await waitUp(child)
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-clerk', password: 'demo' }),
  })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const idle = kb(child.pid!, 'VmRSS')
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(file)]), 'receptions-100k.xlsx')
  form.set('county', '金沙县')
  form.set('dryRun', 'false')
  const started = performance.now()
  const res = await fetch(`${base}/api/v1/imports`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken },
    body: form,
  })
  const seconds = (performance.now() - started) / 1000
  const body = (await res.json()) as { counts?: unknown; errors?: unknown[] }
  const peak = kb(child.pid!, 'VmHWM')
  console.log(
    JSON.stringify(
      {
        rows,
        file_mb: +(file.length / 1e6).toFixed(1),
        status: res.status,
        counts: body.counts ?? null,
        errors: body.errors?.length ?? 0,
        seconds: +seconds.toFixed(1),
        api_rss_idle_mb: Math.round(idle / 1024),
        api_rss_peak_mb: Math.round(peak / 1024),
      },
      null,
      2,
    ),
  )
  if (res.status !== 200 || peak / 1024 >= 500) process.exitCode = 1
} finally {
  child.kill('SIGTERM')
  await new Promise((r) => child.once('exit', r))
  rmSync(dataDir, { recursive: true, force: true })
}
