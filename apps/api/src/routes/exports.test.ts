import type { DbHandle } from '@liaison/db'
import { seedDemo } from '@liaison/db/demo'
import { testEngines } from '@liaison/db/testing'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../app.ts'
import { ensureDemoUsers } from '../auth/users.ts'

// One engine is enough here: the figures come from the metrics layer, tested on both.
const engine = testEngines()[0]!

describe('the Word report', () => {
  let handle: DbHandle
  let api: ReturnType<typeof createApi>
  const cookies: Record<string, string> = {}
  beforeAll(async () => {
    handle = await engine.create()
    await seedDemo(handle)
    await ensureDemoUsers(handle.db)
    api = createApi({ handle, demo: true })
    for (const username of ['demo-analyst', 'demo-township']) {
      const res = await api.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'demo' }),
      })
      cookies[username] = res.headers.get('set-cookie')!.split(';')[0]!
    }
  })
  afterAll(() => handle.close())

  it('states the 2023 headline figures of 金沙县, with both charts and the township table', async () => {
    const res = await api.request('/api/v1/exports/report.docx?region=520523&from=2023-01-01&to=2023-12-31', {
      headers: { cookie: cookies['demo-analyst']! },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent('金沙县人大代表联络站履职工作情况（2023年）.docx'),
    )
    const zip = await JSZip.loadAsync(await res.arrayBuffer())
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('金沙县人大代表联络站履职工作情况（2023年）')
    expect(text).toContain('共开展接待走访活动685次')
    expect(text).toContain('接待群众1,259人次，收集社情民意853件')
    expect(text).toContain('办结680件，办结率79.7%')
    expect(text).toContain('图1')
    expect(text).toContain('图2')
    expect(text).toContain('民兴街道')
    expect(text).toContain('口径：金沙县')
    expect(Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(2)
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(2)
    const [audit] = await handle.rows<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'export' and username = 'demo-analyst'`,
    )
    expect(audit!.n).toBe(1)
  })

  it('refuses another county', async () => {
    const res = await api.request('/api/v1/exports/report.docx?region=520626&from=2023-01-01&to=2023-12-31', {
      headers: { cookie: cookies['demo-township']! },
    })
    expect(res.status).toBe(403)
  })
})
