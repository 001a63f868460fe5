import type { OverviewResponse } from '@liaison/contracts'
import type { DbHandle } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { demoApi, signIn, type TestApi } from '../testing.ts'

// One engine is enough here: the figures come from the metrics layer, tested on both.
const engine = testEngines()[0]!

describe('the Word report', () => {
  let handle: DbHandle
  let api: TestApi
  const cookies: Record<string, string> = {}
  const csrf: Record<string, string> = {}
  beforeAll(async () => {
    ;({ handle, api } = await demoApi(engine))
    for (const username of ['demo-analyst', 'demo-township', 'demo-admin']) {
      const session = await signIn(api, username)
      cookies[username] = session.cookie
      csrf[username] = session.csrf
    }
  })
  afterAll(() => handle.close())

  it('states the 2023 headline figures of 金沙县, with every chart and the township table', async () => {
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
    for (const n of [1, 2, 3, 4, 5, 6]) expect(text).toContain(`图${n}`)
    expect(text).toContain('表1')
    expect(text).toContain('民兴街道')
    expect(text).toContain('口径：金沙县')
    expect(text).toContain('规范化完成率')
    // Under 图1, the trend, the dashboard's note on December's low 办结率 (its opinions still open) in its 口径.
    const overview = (await (
      await api.request('/api/v1/modules/overview/data?region=520523&from=2023-01-01&to=2023-12-31', {
        headers: { cookie: cookies['demo-analyst']! },
      })
    ).json()) as OverviewResponse
    const figure1 = text.slice(text.indexOf('图1'), text.indexOf('图2'))
    expect(figure1).toContain(`口径：办结率：已办结 ÷ 收集；${overview.trendNote!.zh.replace(/。$/, '')}。`)
    // The compared chart's reference line is named as the screen's reference row: 县均, not 全域 (asked by
    // another user: the analyst's exports are counted below).
    const svg = await (
      await api.request(
        '/api/v1/exports/chart.svg?region=520523&from=2023-01-01&to=2023-12-31&chart=townships',
        {
          headers: { cookie: cookies['demo-admin']! },
        },
      )
    ).text()
    expect(svg).toContain('县均 79.7%')
    // Aggregates only: no phone numbers of deputies.
    expect(text).not.toMatch(/1[3-9]\d{9}/)
    expect(Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(6)
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(2)
    const [audit] = await handle.rows<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'export' and username = 'demo-analyst'`,
    )
    expect(audit!.n).toBe(1)
  })

  // 26 townships' reports in one document: about 28 s alone on the slow AMD EPYC, past 60 s beside other work.
  it('names a bundle apart from the report (分乡镇汇编), its parts without comparisons', {
    timeout: 180_000,
  }, async () => {
    const res = await api.request(
      '/api/v1/exports/report.docx?region=520523&from=2023-01-01&to=2023-12-31&bundle=townships',
      { headers: { cookie: cookies['demo-admin']! } },
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent('金沙县人大代表联络站履职工作情况（2023年）（分乡镇汇编）.docx'),
    )
    // Each township's part keeps to its own figures: 26 parts each comparing 26 townships would bury them.
    const xml = await (await JSZip.loadAsync(await res.arrayBuffer()))
      .file('word/document.xml')!
      .async('string')
    const parts = (xml.match(/<w:sectPr/g) ?? []).length - 1
    expect(parts).toBeGreaterThan(20)
    // The county's key figures and townships' table, then each part's key figures only.
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(2 + parts)
  })

  it('compares a township among its county’s townships: its standing, the county’s line, its row in bold', async () => {
    const scope = 'from=2023-01-01&to=2023-12-31'
    const as = (path: string) => api.request(path, { headers: { cookie: cookies['demo-township']! } })
    // Its standing, worked out here from the county's figures by township.
    const figures = await as(
      `/api/v1/metrics?ids=resolution_rate,reportback_rate&region=520523&by=area&${scope}`,
    )
    const rows = (await figures.json()).data as { area: string; resolution_rate: number | null }[]
    const known = rows.filter((r) => r.resolution_rate !== null)
    const own = rows.find((r) => r.area === '520523005')!
    const rank = 1 + known.filter((r) => r.resolution_rate! > own.resolution_rate!).length
    const rate = `${(own.resolution_rate! * 100).toFixed(1)}%`

    const res = await as(`/api/v1/exports/report.docx?region=520523005&${scope}`)
    expect(res.status).toBe(200)
    const zip = await JSZip.loadAsync(await res.arrayBuffer())
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain(`民兴街道办结率${rate}，在金沙县${known.length}个乡镇（街道）中居第${rank}位`)
    expect(text).toContain('各乡镇（街道）社情民意办结率')
    // A township has no plan of its own: its key figures leave 规范化完成率 out, as its dashboard does.
    expect(text).not.toContain('规范化完成率')
    // Trend, categories, channels, and the three compared charts; key figures and the townships' table.
    expect(Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(6)
    const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/gs)!
    expect(tables).toHaveLength(2)
    const townshipRows = tables[1]!.match(/<w:tr>.*?<\/w:tr>/gs)!
    expect(townshipRows).toHaveLength(1 + rows.length)
    // The table's 口径 names what it lists.
    expect(text).toContain('各乡镇（街道）主要指标')
    expect(text.slice(text.lastIndexOf('表1'))).toContain(
      '口径：金沙县各乡镇（街道），2023-01-01至2023-12-31',
    )
    const bold = townshipRows.slice(1).filter((r) => r.includes('<w:b/>'))
    expect(bold.map((r) => r.replace(/<[^>]+>/g, '').slice(0, 4))).toEqual(['民兴街道'])
    // The compared chart draws the county's line, and its frame and 口径 name what it draws.
    const svg = await (await as(`/api/v1/exports/chart.svg?region=520523005&${scope}&chart=townships`)).text()
    expect(svg).toContain('金沙县 79.7%')
    expect(svg).toContain('口径：金沙县各乡镇（街道），2023-01-01至2023-12-31')
    // The township's own charts keep its name.
    const trend = await (await as(`/api/v1/exports/chart.svg?region=520523005&${scope}&chart=trend`)).text()
    expect(trend).toContain('口径：民兴街道，2023-01-01至2023-12-31')
    // A township has no areas of its own: a bundle asked for is its report, named as one.
    const bundle = await as(`/api/v1/exports/deck.pptx?region=520523005&${scope}&bundle=townships`)
    expect(bundle.headers.get('content-disposition')).toContain(
      encodeURIComponent('民兴街道人大代表联络站履职工作情况（2023年）.pptx'),
    )
    await bundle.arrayBuffer()
  })

  it('writes the English report section by section, with a diagonal watermark behind every page', async () => {
    const res = await api.request(
      '/api/v1/exports/report.docx?region=520523&from=2023-01-01&to=2023-12-31&lang=en&watermark=Jinsha%20PC',
      { headers: { cookie: cookies['demo-analyst']! } },
    )
    expect(res.status).toBe(200)
    const zip = await JSZip.loadAsync(await res.arrayBuffer())
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
    expect(text).toContain('The deputy liaison stations of 金沙县: work report (2023)')
    expect(text).toContain('held 685 reception and visit activities')
    expect(text).toContain('resolution rate 79.7%')
    // The narrative's own sections, under their headings, in the report's order.
    const headings = [
      'Key figures',
      'In detail',
      '(1) Station building',
      '(2) Satisfaction',
      '(3) Micro-projects',
    ]
    const at = headings.map((h) => text.indexOf(h))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(text).toContain('Figure 1. Receptions and opinions by month')
    expect(text).toContain('Basis: 金沙县, 2023-01-01 to 2023-12-31')
    expect(text).not.toMatch(/口径|图1|主要数据/)
    const header = await zip.file('word/header1.xml')!.async('string')
    expect(header).toContain('behindDoc="1"')
    expect(header.replace(/<[^>]+>/g, '')).toContain('Jinsha PC')
  })

  it('builds the deck, the tables and a chart at 3×, each audited', async () => {
    const scope = 'region=520523&from=2023-01-01&to=2023-12-31'
    const get = (path: string) =>
      api.request(`/api/v1/exports/${path}`, { headers: { cookie: cookies['demo-analyst']! } })
    const deck = await get(`deck.pptx?${scope}`)
    expect(deck.status).toBe(200)
    const slides = Object.keys((await JSZip.loadAsync(await deck.arrayBuffer())).files).filter((f) =>
      /^ppt\/slides\/slide\d+\.xml$/.test(f),
    )
    expect(slides).toHaveLength(2 + 6)
    const csv = await get(`table.csv?${scope}&by=township&ids=receptions,resolution_rate`)
    expect(csv.status).toBe(200)
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toContain('乡镇（街道）,区划代码,接待走访活动,办结率')
    // Its 口径 defines the figures it holds, not the report's: the online stations are not counted as built.
    const kinds = new TextDecoder().decode(
      new Uint8Array(await (await get(`table.csv?${scope}&by=kind&ids=stations_built`)).arrayBuffer()),
    )
    expect(kinds).toContain('网上联络站,0')
    expect(kinds).toContain('已建成站室：期末前建成的站室数（不含网上联络站）')
    expect(kinds).not.toContain('接待走访活动：')
    expect((await get(`table.xlsx?${scope}&ids=receptions`)).status).toBe(200)
    expect((await get(`table.csv?${scope}&ids=nonsense`)).status).toBe(400)
    // Station and township detail is for a county or a township, as on /metrics; above, the table goes by area.
    const wide = (by: string) =>
      api.request(
        `/api/v1/exports/table.csv?region=52&from=2023-01-01&to=2023-12-31&by=${by}&ids=receptions`,
        {
          headers: { cookie: cookies['demo-admin']! },
        },
      )
    const refused = await wide('station')
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain('by=area')
    expect((await wide('area')).status).toBe(200)
    const png = await get(`chart.png?${scope}&chart=trend&scale=3`)
    expect(png.headers.get('content-type')).toBe('image/png')
    const head = Buffer.from(await png.arrayBuffer())
    expect([head.readUInt32BE(16), head.readUInt32BE(20)]).toEqual([2880, 1620])
    const svg = await get(`chart.svg?${scope}&chart=categories&watermark=user`)
    expect(await svg.text()).toContain('社情民意分类构成')
    const [audit] = await handle.rows<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'export' and username = 'demo-analyst'`,
    )
    expect(audit!.n).toBe(1 + 1 + 6) // the Chinese and English reports, then these six
  })

  it('words the watermark chosen: none, the organisation (the user’s people’s congress body), or the user and date', async () => {
    const mark = async (user: string, query: string) => {
      const res = await api.request(`/api/v1/exports/watermark?${query}`, {
        headers: { cookie: cookies[user]! },
      })
      expect(res.status).toBe(200)
      return ((await res.json()) as { text: string | null }).text
    }
    expect(await mark('demo-analyst', 'watermark=none&region=520523')).toBeNull()
    expect(await mark('demo-analyst', 'watermark=org&region=520523')).toBe('金沙县人大常委会')
    expect(await mark('demo-analyst', 'watermark=org&region=520523&lang=en')).toBe(
      "Standing Committee of the 金沙县 People's Congress",
    )
    // A sub-district has a working committee of the county's congress, not a congress of its own.
    expect(await mark('demo-township', 'watermark=org')).toBe('民兴街道人大工委')
    expect(await mark('demo-township', 'watermark=user')).toMatch(
      /^民兴街道人大工委（演示） \d{4}-\d{2}-\d{2}$/,
    )
    // Its date is Beijing's, as the footer's 生成日期: at 20:00 UTC it is 04:00 the next day there. The last 20:00
    // UTC before now, so that the session (12 hours from now) is still valid then whatever the time of the run.
    const now = new Date()
    const [y, m, d] = [now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()]
    const evening = Date.UTC(y, m, now.getUTCHours() >= 20 ? d : d - 1, 20)
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(evening) })
    try {
      const beijingDate = new Date(evening + 86_400_000).toISOString().slice(0, 10)
      expect(await mark('demo-township', 'watermark=user')).toBe(`民兴街道人大工委（演示） ${beijingDate}`)
    } finally {
      vi.useRealTimers()
    }
    const header = async (watermark: string) => {
      const res = await api.request(
        `/api/v1/exports/report.docx?region=520523&from=2023-01-01&to=2023-12-31&watermark=${watermark}`,
        { headers: { cookie: cookies['demo-analyst']! } },
      )
      const zip = await JSZip.loadAsync(await res.arrayBuffer())
      return zip.file('word/header1.xml')?.async('string') ?? null
    }
    expect((await header('org'))!.replace(/<[^>]+>/g, '')).toContain('金沙县人大常委会')
    const none = await header('none')
    expect(none?.replace(/<[^>]+>/g, '') ?? '').not.toContain('金沙县人大常委会')
    expect(none ?? '').not.toContain('behindDoc="1"')
  })

  /** The text of a Word report an admin exports (its tags stripped). */
  async function reportText(query: string) {
    const res = await api.request(`/api/v1/exports/report.docx?${query}`, {
      headers: { cookie: cookies['demo-admin']! },
    })
    expect(res.status).toBe(200)
    const zip = await JSZip.loadAsync(await res.arrayBuffer())
    return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
  }

  it('draws a month’s trend in the twelve months up to it, its frame and 口径 naming them, the rest the month', async () => {
    const res = await api.request('/api/v1/exports/deck.pptx?region=520523&from=2023-06-01&to=2023-06-30', {
      headers: { cookie: cookies['demo-admin']! },
    })
    const zip = await JSZip.loadAsync(await res.arrayBuffer())
    const slide = async (n: number) =>
      (await zip.file(`ppt/slides/slide${n}.xml`)!.async('string')).replace(/<[^>]+>/g, '')
    // Slide 3 is the trend, slide 4 the opinion categories.
    expect(await slide(3)).toContain('口径：金沙县，2022-07-01至2023-06-30')
    expect(await slide(4)).toContain('口径：金沙县，2023-06-01至2023-06-30')
    const svg = await (
      await api.request('/api/v1/exports/chart.svg?region=520523&from=2023-06-01&to=2023-06-30&chart=trend', {
        headers: { cookie: cookies['demo-admin']! },
      })
    ).text()
    expect(svg).toContain('2022年7月1日至2023年6月30日')
  })

  it('names categories and statuses in the table’s language, places in their own', async () => {
    const table = async (by: string, lang: string) => {
      const res = await api.request(
        `/api/v1/exports/table.csv?region=520523&from=2025-01-01&to=2025-12-31&by=${by}&ids=opinions_collected&lang=${lang}`,
        { headers: { cookie: cookies['demo-admin']! } },
      )
      expect(res.status).toBe(200)
      // The rows under the header, up to the blank line before the basis.
      const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n')
      return lines.slice(1, lines.indexOf('')).map((l) => l.split(',')[0])
    }
    expect(await table('status', 'en')).toContain('Resolved')
    expect(await table('status', 'zh')).toContain('已办结')
    const categories = await table('category', 'en')
    expect(categories.filter((name) => /[\u4e00-\u9fff]/.test(name ?? ''))).toEqual([])
    expect(await table('township', 'en')).toContain('民兴街道')
  })

  it('writes a data table in English and compared: each figure, its previous value and its change', async () => {
    const scope =
      'region=520523&from=2025-01-01&to=2025-12-31&by=township&ids=receptions,resolution_rate&compare=yoy'
    const get = async (path: string) =>
      api.request(`/api/v1/${path}`, { headers: { cookie: cookies['demo-admin']! } })
    const res = await get(`exports/table.csv?${scope}&lang=en`)
    expect(res.status).toBe(200)
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain(
      '金沙县 – By township (2025).csv',
    )
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe(
      'Township,Division code,Activities,"Activities, year before","Activities, YoY",' +
        'Resolution rate,"Resolution rate, year before","Resolution rate, YoY (pp)"',
    )
    // 民兴街道's row holds the figures /metrics answers: a count's change in percent, a rate's in points.
    const figures = (await (await get(`metrics?${scope}`)).json()).data as Record<string, number | string>[]
    const own = figures.find((r) => r.township === '520523005')!
    const pct = (x: number) => `${Number((x * 100).toFixed(2))}%`
    const n = (id: string) => Number(own[id])
    expect(lines).toContain(
      [
        '民兴街道',
        '520523005',
        n('receptions'),
        n('receptions__previous'),
        pct(n('receptions__change')),
        pct(n('resolution_rate')),
        pct(n('resolution_rate__previous')),
        Math.round(n('resolution_rate__change') * 1000) / 10,
      ].join(','),
    )
    expect(lines.some((l) => l.startsWith('"Basis: 金沙县, 2025-01-01 to 2025-12-31'))).toBe(true)
    // A period without records compares nothing, as the cards: no previous value, no -100%.
    const empty = await get(
      'exports/table.csv?region=520523&from=2026-01-01&to=2026-12-31&by=township&ids=receptions&compare=yoy&lang=en',
    )
    const rows = (await empty.text())
      .split('\r\n')
      .slice(1)
      .filter((l) => /^\S+,\d{9},/.test(l))
    expect(rows.length).toBeGreaterThan(20)
    for (const row of rows) expect(row, row).toMatch(/,\d{9},0,,$/)
  })

  it('compares in its summary as the dashboard does: 同比, 环比, or not at all without `compare`', async () => {
    const june = 'region=520523&from=2025-06-01&to=2025-06-30'
    const [yoy, mom, none] = await Promise.all([
      reportText(`${june}&compare=yoy`),
      reportText(`${june}&compare=mom`),
      reportText(june),
    ])
    expect(yoy).toMatch(/接待走访活动\d+次，同比(增长|下降)/)
    expect(mom).toMatch(/接待走访活动\d+次，环比(增长|下降)/)
    expect(mom).not.toContain('同比')
    expect(none).toMatch(/接待走访活动\d+次/)
    expect(none).not.toMatch(/同比|环比/)
  })

  it('names the areas of a city as 县（市、区）, not 乡镇', async () => {
    const text = await reportText('region=5205&from=2023-01-01&to=2023-12-31')
    expect(text).toContain('各县（市、区）主要指标')
    expect(text).toContain('金沙县')
    expect(text).not.toContain('乡镇（街道）')
  })

  it('names the nation in an English report as China, not 全国', async () => {
    const text = await reportText('region=CN&from=2023-01-01&to=2023-12-31&lang=en')
    expect(text).toContain('The deputy liaison stations of China')
    expect(text).toContain('across the country')
    expect(text).not.toContain('全国')
  })

  it('records an export made in the browser, within the user’s scope and with the CSRF token only', async () => {
    const post = (user: string, body: object, token = csrf[user]!) =>
      api.request('/api/v1/exports/audit', {
        method: 'POST',
        headers: { cookie: cookies[user]!, 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify(body),
      })
    const entry = {
      format: 'csv',
      name: '办理流程漏斗（金沙县 · 2023年）',
      region: '520523',
      from: '2023-01-01',
      to: '2023-12-31',
      panel: 'opinions-funnel',
      rows: 6,
    }
    expect((await post('demo-township', entry)).status).toBe(204)
    const [row] = await handle.rows<{
      target: string
      details: { where: string; panel: string; rows: number }
    }>(
      `select target, details from audit_log where action = 'export' and username = 'demo-township' order by id desc limit 1`,
    )
    expect(row!.target).toBe('办理流程漏斗（金沙县 · 2023年）.csv')
    expect(row!.details).toMatchObject({ where: 'browser', panel: 'opinions-funnel', rows: 6 })
    expect((await post('demo-township', entry, 'wrong')).status).toBe(403)
    expect((await post('demo-township', { ...entry, region: '520626' })).status).toBe(403)
    expect((await post('demo-township', { ...entry, format: 'exe' })).status).toBe(400)
  })

  it('refuses another county', async () => {
    const res = await api.request('/api/v1/exports/report.docx?region=520626&from=2023-01-01&to=2023-12-31', {
      headers: { cookie: cookies['demo-township']! },
    })
    expect(res.status).toBe(403)
  })
})
