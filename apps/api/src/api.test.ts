import type { OverviewResponse } from '@liaison/contracts'
import type { DbHandle } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import { refreshRollups } from '@liaison/metrics'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { townshipSearch } from './routes/regions.ts'
import { asUsers, demoApi, type TestApi } from './testing.ts'

const year = 'from=2023-01-01&to=2023-12-31'

for (const engine of testEngines()) {
  describe(`the API on ${engine.name}`, () => {
    let handle: DbHandle
    let get: ReturnType<typeof asUsers>['get']
    let sessions: ReturnType<typeof asUsers>['sessions']
    let api: TestApi

    beforeAll(async () => {
      ;({ handle, api } = await demoApi(engine))
      const users = asUsers(api)
      for (const u of ['demo-leader', 'demo-township', 'demo-admin', 'demo-analyst']) await users.login(u)
      ;({ get, sessions } = users)
    })
    afterAll(() => handle.close())

    it('answers the acceptance query for 金沙县 2023: 685, 1259, 853, 680, 0.797…, 1', async () => {
      const res = await get(
        'demo-leader',
        `/metrics?ids=receptions,visitors,opinions_collected,opinions_resolved,resolution_rate,satisfaction_rate&region=520523&${year}`,
      )
      expect(res.status).toBe(200)
      const { data, meta } = (await res.json()) as {
        data: Record<string, number>[]
        meta: { region: { name: string } }
      }
      expect(meta.region.name).toBe('金沙县')
      expect(data).toHaveLength(1)
      const row = data[0]!
      expect([
        row.receptions,
        row.visitors,
        row.opinions_collected,
        row.opinions_resolved,
        row.satisfaction_rate,
      ]).toEqual([685, 1259, 853, 680, 1])
      expect(row.resolution_rate).toBeCloseTo(680 / 853, 10)
    })

    it('names a breakdown key as its source does: a station kind, a reception kind, an opinion not yet routed', async () => {
      type Rows = { data: Record<string, string | number | null>[] }
      const rows = async (ids: string, by: string) =>
        (
          (await (
            await get('demo-analyst', `/metrics?ids=${ids}&by=${by}&region=520523&${year}`)
          ).json()) as Rows
        ).data
      const named = (data: Record<string, unknown>[], by: string, key: string | null) =>
        data.find((r) => r[by] === key)?.[`${by}_name`]
      // Both kinds have an 'online': the station is a 网上联络站, the reception a 网上接待.
      expect(named(await rows('stations_built,stations_standardised', 'kind'), 'kind', 'online')).toBe(
        '网上联络站',
      )
      expect(named(await rows('receptions', 'kind'), 'kind', 'online')).toBe('网上接待')
      // Opinions without a route are named, not "null" (the exported tables print the name).
      const routes = await rows('opinions_collected', 'route')
      expect(routes.some((r) => r.route === null)).toBe(true)
      expect(named(routes, 'route', null)).toBe('未分流')
      expect(routes.map((r) => r.route_name)).not.toContain('null')
    })

    it('writes the narrative with those numbers', async () => {
      const res = await get('demo-analyst', `/narrative?region=520523&${year}`)
      const { text } = (await res.json()) as { text: string }
      expect(text).toContain('2023年，全县人大代表联络站（室）共开展接待走访活动685次')
      expect(text).toContain('接待群众1,259人次，收集社情民意853件')
      expect(text).toContain('办结680件，办结率79.7%')
      expect(text).toContain('群众满意率100%')
      expect(text).toContain(
        '实施民生实事微项目13个，安排代表建议办理专项资金37万元，占专项资金预算500万元的7.4%',
      )
      const en = (await (await get('demo-analyst', `/narrative?region=520523&${year}&lang=en`)).json()) as {
        text: string
      }
      expect(en.text).toContain(
        'the liaison stations and rooms of 金沙县 held 685 reception and visit activities',
      )
      // The nation is named in English, not as 全国.
      const nation = (await (await get('demo-admin', `/narrative?region=CN&${year}&lang=en`)).json()) as {
        text: string
      }
      expect(nation.text).toContain('the liaison stations and rooms across the country held')
      expect(nation.text).not.toContain('全国')
    })

    it('serves the overview module in one request', async () => {
      const res = await get('demo-leader', `/modules/overview/data?region=520523&${year}&compare=yoy`)
      expect(res.status).toBe(200)
      const body = (await res.json()) as OverviewResponse
      expect(body.kpis.find((k) => k.id === 'receptions')?.value).toBe(685)
      expect(body.trend).toHaveLength(12)
      expect(body.areas).toHaveLength(26)
      // Under the trend, December's open opinions (December resolves less than the year: 2023 is over).
      const collected = Number(body.trend.at(-1)?.opinions_collected)
      const open = collected - Number(body.trend.at(-1)?.opinions_resolved)
      expect(body.trendNote?.zh).toContain(`12月收集的${collected}件中有${open}件未办结`)
    })

    it('draws a month in the twelve months up to it, and a year as it is', async () => {
      const month = (await (
        await get('demo-leader', '/modules/overview/data?region=520523&from=2023-06-01&to=2023-06-30')
      ).json()) as OverviewResponse
      expect(month.trendFrom).toBe('2022-07-01')
      expect(month.trend.map((r) => r.month)).toEqual([
        ...['07', '08', '09', '10', '11', '12'].map((m) => `2022-${m}`),
        ...['01', '02', '03', '04', '05', '06'].map((m) => `2023-${m}`),
      ])
      // June in the trend is the month the cards show.
      const card = month.kpis.find((k) => k.id === 'receptions')!.value
      expect(month.trend.at(-1)!.receptions).toBe(card)
      const whole = (await (
        await get('demo-leader', `/modules/overview/data?region=520523&${year}`)
      ).json()) as OverviewResponse
      expect(whole.trendFrom).toBe('2023-01-01')
    })

    it("writes the overview's summary compared as its cards are", async () => {
      type Overview = {
        kpis: { id: string; change: number | null }[]
        narrative: { zh: string; en: string }
      }
      const overview = async (compare: string) =>
        (await (
          await get(
            'demo-leader',
            `/modules/overview/data?region=520523&from=2023-04-01&to=2023-06-30${compare}`,
          )
        ).json()) as Overview
      const yoy = await overview('&compare=yoy')
      const mom = await overview('&compare=mom')
      const none = await overview('')
      expect(yoy.narrative.zh).toContain('同比')
      expect(yoy.narrative.zh).not.toContain('环比')
      expect(mom.narrative.zh).toContain('环比')
      expect(mom.narrative.zh).not.toContain('同比')
      // The card and the sentence give the same change.
      const change = mom.kpis.find((k) => k.id === 'receptions')!.change!
      expect(mom.narrative.zh).toContain(
        `环比${change > 0 ? '增长' : '下降'}${Number((Math.abs(change) * 100).toFixed(1))}%`,
      )
      expect(none.narrative.zh).not.toMatch(/同比|环比/)
      expect(none.kpis.every((k) => k.change === null)).toBe(true)
    })

    it('gives no comparison on the cards of a period without records, as its summary does not', async () => {
      type Overview = {
        kpis: { id: string; value: number | null; change: number | null }[]
        narrative: { zh: string }
      }
      const year = async (y: number) =>
        (await (
          await get(
            'demo-leader',
            `/modules/overview/data?region=520523&from=${y}-01-01&to=${y}-12-31&compare=yoy`,
          )
        ).json()) as Overview
      // The demo's registers end with 2025: 2026 has none, against 2025's full year.
      const [empty, before] = [await year(2026), await year(2025)]
      expect(empty.narrative.zh).toContain('暂无接待走访、社情民意和微项目台账记录')
      const card = (o: Overview, id: string) => o.kpis.find((k) => k.id === id)!
      for (const id of [
        'receptions',
        'visitors',
        'opinions_collected',
        'opinions_resolved',
        'funds_allocated',
      ]) {
        expect(card(empty, id).value, id).toBe(0)
        expect(card(before, id).value, id).toBeGreaterThan(0)
        expect(card(empty, id).change, id).toBeNull()
        expect(card(before, id).change, id).not.toBeNull()
      }
      // The stocks (the plan's coverage, the term's report-back) are still compared.
      expect(card(empty, 'station_coverage_rate').change).not.toBeNull()
      // The module pages whose cards hold only one register tell the same from the three registers.
      const moduleCards = async (name: string, y: number) =>
        (await (
          await get(
            'demo-leader',
            `/modules/${name}/data?region=520523&from=${y}-01-01&to=${y}-12-31&compare=yoy`,
          )
        ).json()) as Overview
      for (const [name, id] of [
        ['funding', 'funds_allocated'],
        ['opinions', 'opinions_collected'],
      ] as const) {
        const [none, some] = [await moduleCards(name, 2026), await moduleCards(name, 2025)]
        expect(card(none, id).value, name).toBe(0)
        expect(card(none, id).change, name).toBeNull()
        expect(card(some, id).change, name).not.toBeNull()
      }
      // The backlog too, as on the overview: with no register for the period, its change would be the register's absence.
      expect(card(await moduleCards('opinions', 2026), 'backlog').change).toBeNull()
    })

    it('serves every other module in one request each', async () => {
      for (const name of ['stations', 'opinions', 'funding', 'reportback']) {
        const res = await get('demo-leader', `/modules/${name}/data?region=520523&${year}&compare=yoy`)
        expect(res.status, name).toBe(200)
        const body = (await res.json()) as {
          kpis: { id: string; value: number | null }[]
          breakdowns: Record<string, unknown[]>
        }
        expect(body.kpis.length, name).toBeGreaterThan(2)
        expect(
          Object.values(body.breakdowns).every((rows) => rows.length > 0),
          name,
        ).toBe(true)
      }
      const funding = (await (
        await get('demo-leader', `/modules/funding/data?region=520523&${year}`)
      ).json()) as { kpis: { id: string; value: number }[] }
      expect(funding.kpis.find((k) => k.id === 'funds_allocated')?.value).toBe(370000)
      expect(funding.kpis.find((k) => k.id === 'fund_budget_share')?.value).toBeCloseTo(0.074, 10)
      expect((await get('demo-leader', `/modules/weather/data?region=520523&${year}`)).status).toBe(400)
    })

    it('keeps users inside their scope', async () => {
      expect((await get('demo-leader', `/metrics?ids=receptions&region=520626&${year}`)).status).toBe(403)
      // A township head compares the townships of their county, and sees nothing of another county.
      expect(
        (await get('demo-township', `/metrics?ids=receptions&region=520523&by=township&${year}`)).status,
      ).toBe(200)
      expect((await get('demo-township', `/metrics?ids=receptions&region=520626&${year}`)).status).toBe(403)
      expect((await get('demo-admin', `/metrics?ids=receptions&region=520626&${year}`)).status).toBe(200)
      const tree = (await (await get('demo-leader', '/regions')).json()) as {
        tree: { code: string; children: unknown[] }[]
      }
      expect(tree.tree.map((n) => n.code)).toEqual(['520523'])
      expect(tree.tree[0]!.children).toHaveLength(26)
      // An administrator's tree starts at the nation, with the provinces that hold the demo's counties.
      const all = (await (await get('demo-admin', '/regions')).json()) as typeof tree
      expect(all.tree.map((n) => n.code)).toEqual(['CN'])
      expect((all.tree[0]!.children as { code: string }[]).map((n) => n.code)).toEqual(['14', '52', '53'])
      // Above a county the tree stops at the counties; a county's townships come on request, inside the scope.
      type Node = { code: string; level: string; children: Node[] }
      const levels = (nodes: Node[]): string[] => nodes.flatMap((n) => [n.level, ...levels(n.children)])
      expect(new Set(levels(all.tree as Node[]))).toEqual(new Set(['nation', 'province', 'city', 'county']))
      const county = (await (await get('demo-admin', '/regions?within=520523')).json()) as { tree: Node[] }
      expect(county.tree.map((n) => n.code)).toEqual(['520523'])
      expect(county.tree[0]!.children).toHaveLength(26)
      expect(county.tree[0]!.children.every((n) => n.level === 'township')).toBe(true)
      expect((await get('demo-leader', '/regions?within=520626')).status).toBe(403)
      expect((await get('demo-admin', '/regions?within=52')).status).toBe(400)
      // A township search above a county answers the matching counties with all their townships, in scope.
      const found = (await (
        await get('demo-admin', `/regions?search=${encodeURIComponent('平坝')}`)
      ).json()) as {
        tree: Node[]
      }
      expect(found.tree.map((n) => n.code)).toContain('520523')
      expect(found.tree.find((n) => n.code === '520523')!.children).toHaveLength(26)
      const other = (await (await get('demo-admin', '/regions?within=520626')).json()) as { tree: Node[] }
      const elsewhere = (other.tree[0]!.children[0] as Node & { name: string }).name
      const mine = (await (
        await get('demo-leader', `/regions?search=${encodeURIComponent(elsewhere)}`)
      ).json()) as { tree: Node[] }
      expect(mine.tree.map((n) => n.code)).not.toContain('520626')
      // A name in more counties than an answer lists: the region in view's counties first, and `more` says so.
      const many = (await (
        await get('demo-admin', `/regions?search=${encodeURIComponent('镇')}&near=53`)
      ).json()) as { tree: Node[]; more: boolean }
      expect(many.more).toBe(false)
      expect(many.tree.map((n) => n.code)).toContain('532503')
      const first = await townshipSearch(handle.db, null, '镇', null, 2)
      expect(first.more).toBe(true)
      expect(first.tree.map((n) => n.code)).toEqual(['141122', '520201'])
      const near = await townshipSearch(handle.db, null, '镇', '53', 2)
      expect(near.tree.map((n) => n.code)).toEqual(['141122', '532503'])
      expect((await townshipSearch(handle.db, '53', '镇', null, 1)).more).toBe(false)
      expect((await get('demo-admin', '/regions?search=x&near=5')).status).toBe(400)
      // LIKE's wildcards are text; too long a search is refused.
      const percent = (await (await get('demo-admin', '/regions?search=%25')).json()) as { tree: Node[] }
      expect(percent.tree).toEqual([])
      expect((await get('demo-admin', `/regions?search=${'镇'.repeat(21)}`)).status).toBe(400)
    })

    it('ranks townships with the county figure, median and quartiles, flagging small samples', async () => {
      const res = await get('demo-leader', `/ranking?metric=resolution_rate&region=520523&${year}`)
      const body = (await res.json()) as {
        rows: { rank: number | null; quartile: number | null; value: number; smallSample: boolean }[]
        stats: { regionValue: number; median: number }
      }
      expect(body.stats.regionValue).toBeCloseTo(680 / 853, 10)
      expect(body.rows).toHaveLength(26)
      const ranked = body.rows.filter((r) => r.rank !== null)
      expect(ranked[0]!.rank).toBe(1)
      expect(ranked.every((r, i) => i === 0 || r.value <= ranked[i - 1]!.value)).toBe(true)
      expect(ranked[0]!.quartile).toBe(1)
      expect(ranked.at(-1)!.quartile).toBe(4)
      expect(body.rows.filter((r) => r.smallSample).every((r) => r.rank === null)).toBe(true)
    })

    it('shows station details only inside the own township, with phones masked but for admins', async () => {
      const stations = (await (await get('demo-leader', `/stations?region=520523&${year}`)).json()) as {
        stations: { id: number; township_code: string }[]
      }
      expect(stations.stations.length).toBeGreaterThan(90)
      const own = stations.stations.find((s) => s.township_code === '520523005')!
      const other = stations.stations.find((s) => s.township_code === '520523004')!
      const detail = (await (await get('demo-township', `/stations/${own.id}?${year}`)).json()) as {
        deputies: { phone: string }[]
      }
      expect(detail.deputies.every((d) => /^\d{3}\*{4}\d{4}$/.test(d.phone))).toBe(true)
      expect((await get('demo-township', `/stations/${other.id}?${year}`)).status).toBe(403)
      const asAdmin = (await (await get('demo-admin', `/stations/${own.id}?${year}`)).json()) as {
        deputies: { phone: string }[]
      }
      expect(asAdmin.deputies.some((d) => /^\d{11}$/.test(d.phone))).toBe(true)
      const scores = (await (
        await get(
          'demo-leader',
          `/stations/scores?region=520523&${year}&weights=activity:1,resolution:0,satisfaction:0,standard:0`,
        )
      ).json()) as { scores: { score: number }[] }
      expect(scores.scores[0]!.score).toBe(100) // activity only: the most active station scores 100
    })

    it('answers township and station detail for a county or a township, and says why above', async () => {
      // The nation's answers were 6–40 MB and took seconds (its 234,000 stations overflowed the stack as well).
      const above = [
        `/metrics?ids=receptions&region=52&by=station&${year}`,
        `/metrics?ids=receptions&region=CN&by=township&${year}`,
        `/ranking?metric=receptions&level=station&region=5205&${year}`,
        `/stations?region=52&${year}`,
        `/stations/scores?region=CN&${year}`,
      ]
      for (const path of above) {
        const res = await get('demo-admin', path)
        expect(res.status, path).toBe(400)
        expect(((await res.json()) as { error: { message: string } }).error.message).toContain('by=area')
      }
      expect((await get('demo-admin', `/metrics?ids=receptions&region=52&by=area&${year}`)).status).toBe(200)
      expect((await get('demo-admin', `/ranking?metric=receptions&region=CN&${year}`)).status).toBe(200)
      expect((await get('demo-admin', `/stations/scores?region=520523005&${year}`)).status).toBe(200)
    })

    // Found by fuzzing: PostgreSQL cannot store U+0000, and a NUL in a login name or an ingested record answered
    // 500 (with the record's values in the log).
    it('refuses a NUL in a login name with 400, and imports a record with the NUL taken out', async () => {
      const nulLogin = await api.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'demo\u0000admin', password: 'x' }),
      })
      expect(nulLogin.status).toBe(400)
      const logged: string[] = []
      const original = console.error
      console.error = (...args: unknown[]) => void logged.push(args.join(' '))
      try {
        const ingest = await api.request('/api/v1/ingest/receptions?county=520523', {
          method: 'POST',
          headers: {
            cookie: sessions['demo-admin']!.cookie,
            'x-csrf-token': sessions['demo-admin']!.csrf,
            'content-type': 'application/json',
          },
          body: JSON.stringify([
            { 接待日期: '2023-01-05', 联络站: 'JS-ZZ-001', 接待群众人次: 1, 记录编号: 'NUL\u0000-1' },
          ]),
        })
        expect(ingest.status).toBe(200)
      } finally {
        console.error = original
      }
      expect(logged).toEqual([])
      const [row] = await handle.rows<{ n: number }>(
        `select count(*)::int as n from receptions where record_no = 'NUL-1'`,
      )
      expect(row!.n).toBe(1)
    })

    it('answers 400 with the offending field for each kind of bad parameter', async () => {
      const cases: [string, string][] = [
        [`/metrics?ids=nope&region=520523&${year}`, 'Unknown metric'],
        [`/metrics?ids=receptions&region=999999&${year}`, 'Unknown region'],
        [`/metrics?ids=receptions&region=52x&${year}`, 'region'],
        [`/metrics?ids=projects&region=520523005001&${year}`, 'choose its station'], // a village: figures stop at townships
        ['/metrics?ids=receptions&region=520523&from=2023-12-31&to=2023-01-01', 'from'],
        [`/metrics?ids=receptions&region=520523&${year}&by=colour`, 'by'],
        [`/metrics?ids=deputies_total&region=520523&${year}&by=month`, 'Cannot break down'],
        ['/metrics?ids=receptions&region=520523&from=2023-02-30&to=2023-03-01', 'from'],
        // Years no comparison can date: the year 1000 compared with 999 took the process down.
        ['/modules/overview/data?region=520523&from=1000-01-01&to=1000-12-31&compare=yoy', '1950'],
        ['/modules/opinions/data?region=520523&from=2025-01-01&to=2101-01-01', 'between 1950 and 2100'],
        ['/stations/1?from=0000-01-01&to=0000-12-31', '1950'],
      ]
      for (const [path, expected] of cases) {
        const res = await get('demo-admin', path)
        expect(res.status, path).toBe(400)
        expect(JSON.stringify(await res.json()), path).toContain(expected)
      }
    })

    it('publishes the OpenAPI document and a reference page', async () => {
      const doc = (await (await get('demo-analyst', '/openapi.json')).json()) as {
        openapi: string
        paths: Record<string, unknown>
      }
      expect(doc.openapi).toBe('3.1.0')
      expect(Object.keys(doc.paths)).toContain('/metrics')
      const page = await (await get('demo-analyst', '/docs')).text()
      expect(page).toContain('/api/v1/metrics')
      expect(page).not.toContain('<script')
    })

    it('answers 304 to a repeated request with its ETag', async () => {
      const first = await get('demo-leader', `/metrics?ids=receptions&region=520523&${year}`)
      const tag = first.headers.get('etag')!
      expect(tag).toBeTruthy()
      expect(
        (await get('demo-leader', `/metrics?ids=receptions&region=520523&${year}`, { 'if-none-match': tag }))
          .status,
      ).toBe(304)
    })

    it('ties the ETag to the data version: a write changes it, scope is part of it', async () => {
      const path = `/metrics?ids=receptions&region=520523&${year}`
      const tag = (await get('demo-leader', path)).headers.get('etag')!
      expect((await get('demo-analyst', path)).headers.get('etag')).not.toBe(tag)
      await handle.exec(
        `update county_settings set timely_limit_days = timely_limit_days where county_code = '520523'`,
      )
      const after = await get('demo-leader', path, { 'if-none-match': tag })
      expect(after.status).toBe(200)
      expect(after.headers.get('etag')).not.toBe(tag)
      await refreshRollups(handle.db, 'all')
    })

    it('ties the ETag to the day: a running period is figured as of today', async () => {
      const path = `/modules/overview/data?region=520523&${year}`
      const today = (await get('demo-leader', path)).headers.get('etag')!
      expect((await get('demo-leader', path)).headers.get('etag')).toBe(today)
      // A day earlier (not later: the session would have expired by then).
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 86_400_000 })
      try {
        const yesterday = await get('demo-leader', path, { 'if-none-match': today })
        expect(yesterday.status).toBe(200)
        expect(yesterday.headers.get('etag')).not.toBe(today)
      } finally {
        vi.useRealTimers()
      }
    })
  })
}
