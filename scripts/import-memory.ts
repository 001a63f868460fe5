// Peak memory of the API process while it imports a 100,000-row receptions workbook through
// POST /api/v1/imports (issue 5: "stays under 500 MB"). Starts the real server on a fresh embedded database
// with the demo data, uploads as demo-clerk, and reads the child's peak RSS (VmHWM) from /proc.
// Run: pnpm tsx scripts/import-memory.ts [rows]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { memoryKb, startApi } from '../bench/api-process.ts'

const rows = Number(process.argv[2] ?? 100_000)
const root = new URL('..', import.meta.url).pathname
const dataDir = mkdtempSync(join(tmpdir(), 'liaison-import-memory-'))

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

const file = await workbook()
// The real server on a fresh embedded database (no DATABASE_URL unless given), with the demo data.
const api = startApi(root, { DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? '' })
const child = api.child
const base = api.base
try {
  const { cookie, csrfToken } = await api.signIn('demo-clerk')
  const idle = memoryKb(child.pid!, 'VmRSS')
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
  const peak = memoryKb(child.pid!, 'VmHWM')
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
  await api.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
