// The disk fills up while the product runs on its embedded database: an import is refused with 507 and a plain
// message, nothing of it is kept, reads go on, and the same import goes through once there is space again. Uses a
// small tmpfs mount, so it needs root (CI runs as root); elsewhere it is skipped with a message.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statfsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DbHandle } from '@liaison/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../apps/api/src/app.ts'
import { prepareDatabase } from '../../apps/api/src/main.ts'
import { signIn, type TestApi } from '../../apps/api/src/testing.ts'

const root = mkdtempSync(join(tmpdir(), 'liaison-disk-'))
let mounted = false
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512m', 'tmpfs', root], { stdio: 'ignore' })
  mounted = true
} catch {
  console.warn('disk-full test skipped: mounting a tmpfs needs root')
}
const ballast = join(root, 'ballast')

afterAll(() => {
  if (mounted) spawnSync('umount', [root])
  rmSync(root, { recursive: true, force: true })
})

describe.runIf(mounted)('a disk that fills up while running (embedded database)', () => {
  let handle: DbHandle
  let api: TestApi
  let clerk: { cookie: string; csrf: string }
  let leader: { cookie: string; csrf: string }
  beforeAll(async () => {
    handle = await prepareDatabase({ dataDir: join(root, 'data'), demo: true })
    api = createApi({ handle, demo: true })
    clerk = await signIn(api, 'demo-clerk')
    leader = await signIn(api, 'demo-leader')
  })
  afterAll(() => handle?.close())

  // Five thousand receptions: more than the tables' free pages hold, so the import must grow their files.
  const rows = Array.from(
    { length: 5000 },
    (_, i) => `2023-07-${String((i % 28) + 1).padStart(2, '0')},JS-ZZ-001,3,DISK-${i}`,
  )
  const csv = `接待日期,联络站,接待群众人次,记录编号\n${rows.join('\n')}\n`
  const upload = () => {
    const form = new FormData()
    form.set('file', new File([csv], 'receptions.csv'))
    form.set('county', '520523')
    form.set('dryRun', 'false')
    return api.request('/api/v1/imports', {
      method: 'POST',
      body: form,
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
    })
  }
  const receptions = async () => {
    const res = await api.request(
      '/api/v1/metrics?ids=receptions&region=520523&from=2023-01-01&to=2023-12-31',
      { headers: { cookie: leader.cookie, 'cache-control': 'no-cache' } },
    )
    expect(res.status).toBe(200)
    return ((await res.json()) as { data: { receptions: number }[] }).data[0]!.receptions
  }
  const batches = async () => {
    const res = await api.request('/api/v1/imports', { headers: { cookie: clerk.cookie } })
    return ((await res.json()) as { batches: unknown[] }).batches.length
  }

  it('refuses the import with 507, keeps nothing of it, reads on, and takes it once there is space', async () => {
    const before = { receptions: await receptions(), batches: await batches() }
    const { bavail, bsize } = statfsSync(root)
    execFileSync('fallocate', ['-l', String(bavail * bsize), ballast])
    expect(statfsSync(root).bavail).toBe(0)

    const refused = await upload()
    expect(refused.status).toBe(507)
    const body = (await refused.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('disk_full')
    expect(body.error.message).toContain('磁盘已满')
    expect(await receptions()).toBe(before.receptions)
    expect(await batches()).toBe(before.batches)

    rmSync(ballast)
    const taken = await upload()
    expect(taken.status).toBe(200)
    expect(await receptions()).toBe(before.receptions + 5000)
    expect(await batches()).toBe(before.batches + 1)
  })
})
