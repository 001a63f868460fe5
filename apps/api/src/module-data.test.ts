// The composite endpoints of the stations, opinions, funding and report-back modules: each answers the contract,
// with exactly the breakdowns its module's charts read, and the figures agree with GET /metrics.
import {
  type CompositeModule,
  type ModuleDataResponse,
  moduleBreakdowns,
  moduleDataResponse,
} from '@liaison/contracts'
import type { DbHandle } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import { countyLevelFigures, refreshRollups } from '@liaison/metrics'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { comparedWithin } from './routes/module-data.ts'
import { demoApi, signIn, type TestApi } from './testing.ts'

const year = 'region=520523&from=2023-01-01&to=2023-12-31'

for (const engine of testEngines()) {
  describe(`the module endpoints on ${engine.name}`, () => {
    let handle: DbHandle
    let api: TestApi
    let cookie = ''
    const get = async <T>(path: string) => {
      const res = await api.request(`/api/v1${path}`, { headers: { cookie } })
      expect(res.status, path).toBe(200)
      return (await res.json()) as T
    }
    const moduleData = async (name: CompositeModule, extra = '') => {
      const body = await get<ModuleDataResponse>(`/modules/${name}/data?${year}${extra}`)
      const parsed = moduleDataResponse.safeParse(body)
      expect(parsed.success, name).toBe(true)
      expect(Object.keys(body.breakdowns).sort(), name).toEqual([...moduleBreakdowns[name]].sort())
      return body
    }
    const metrics = (ids: string, by = '') =>
      get<{ data: Record<string, number | string | null>[] }>(`/metrics?ids=${ids}&${year}${by}`)

    beforeAll(async () => {
      ;({ handle, api } = await demoApi(engine))
      ;({ cookie } = await signIn(api, 'demo-leader'))
    })
    afterAll(() => handle.close())

    it('stations: KPIs, townships, per-station figures, the station list and the plan by year', async () => {
      const body = await moduleData('stations')
      const { breakdowns: b } = body
      const list = await get<{ stations: unknown[] }>(`/stations?${year}`)
      expect(b.list).toHaveLength(list.stations.length)
      expect(b.areas).toHaveLength(26)
      expect(Object.keys(b.stations![0]!)).toEqual(
        expect.arrayContaining(['station', 'receptions', 'visitors', 'resolution_rate', 'satisfaction_rate']),
      )
      expect(b.years!.map((r) => r.year)).toEqual(['2021', '2022', '2023'])
      // The plan sets targets from 2023: none before, rather than a target of 0.
      expect(b.years!.map((r) => r.stations_target === null)).toEqual([true, true, false])
      const leaders = [...new Set(b.monthly!.map((r) => r.station))]
      expect(leaders).toHaveLength(3)
      const top = [...b.stations!].sort((x, y) => Number(y.receptions) - Number(x.receptions))[0]!
      expect(leaders[0]).toBe(top.station)
      const detail = await get<{ monthly: unknown[] }>(
        `/stations/${top.station}?from=2023-01-01&to=2023-12-31`,
      )
      expect(b.monthly!.filter((r) => r.station === top.station).map(({ station, ...m }) => m)).toEqual(
        detail.monthly,
      )
      const plan2023 = (await metrics('stations_standardised_planned,stations_target')).data[0]!
      expect(b.years![2]).toMatchObject(plan2023)
    })

    it('opinions: KPIs in one query, the funnel as the cards count it, the breakdowns by township and month', async () => {
      const body = await moduleData('opinions', '&compare=yoy')
      const card = (id: string) => body.kpis.find((k) => k.id === id)!
      expect(card('opinions_collected').value).toBe(853)
      expect(card('opinions_collected').change).not.toBeNull()
      const { breakdowns: b } = body
      // The funnel counts stages reached by the period's end, as the cards do (680 resolved in 2023, the
      // acceptance figure) — not the opinions' status today, which includes replies and resolutions since.
      expect(b.funnel).toHaveLength(1)
      const funnel = b.funnel![0]!
      expect(funnel).toMatchObject({ opinions_collected: 853, opinions_resolved: 680 })
      expect(funnel.opinions_resolved).toBe(card('opinions_resolved').value)
      const byEnd = (await metrics('opinions_replied,opinions_evaluated')).data[0]!
      expect(funnel.opinions_replied).toBe(byEnd.opinions_replied)
      expect(funnel.opinions_evaluated).toBe(byEnd.opinions_evaluated)
      expect(Number(funnel.opinions_replied)).toBeGreaterThanOrEqual(680)
      expect(b.months).toHaveLength(12)
      expect(Object.keys(b.areas![0]!)).toEqual(
        expect.arrayContaining(['p90_days_to_resolve', 'strict_satisfaction_rate', 'backlog', 'overdue']),
      )
      const ids = Object.keys(b.areas![0]!).filter((k) => !k.startsWith('area') && !k.includes('__'))
      expect(b.areas).toEqual((await metrics(ids.join(','), '&by=area')).data)
      // A county's areas are its townships.
      expect(b.areas!.map((r) => r.area)).toEqual(
        (await metrics(ids.join(','), '&by=township')).data.map((r) => r.township),
      )
    })

    it('a quarter: the plan’s and the term’s last year up to its end, and the station list as it stood then', async () => {
      const q2 = 'region=520523&from=2025-04-01&to=2025-06-30'
      const stations = await get<ModuleDataResponse>(`/modules/stations/data?${q2}`)
      const card = (body: ModuleDataResponse, id: string) => body.kpis.find((k) => k.id === id)!.value
      const standardised = card(stations, 'stations_standardised_planned')
      expect(stations.breakdowns.years!.map((r) => r.year)).toEqual(['2023', '2024', '2025'])
      expect(stations.breakdowns.years!.at(-1)!.stations_standardised_planned).toBe(standardised)
      // The list says what was standardised by 30 June, as the card counts: stations standardised since then
      // (there are some) show as built or not yet built.
      const list = stations.breakdowns.list!
      const later = list.filter((s) => String(s.standardised_on ?? '') > '2025-06-30')
      expect(later.length).toBeGreaterThan(0)
      for (const s of later) expect(s.status, String(s.name)).not.toBe('standardised')
      // A station's detail says the same for the period.
      const detail = await get<{ station: { status: string } }>(
        `/stations/${later[0]!.id}?from=2025-04-01&to=2025-06-30`,
      )
      expect(detail.station.status).toBe(later[0]!.status)
      for (const s of list.filter((s) => String(s.built_on ?? '') > '2025-06-30'))
        expect(['planned', 'building'], String(s.name)).toContain(s.status)
      const listed = list.filter(
        (s) => s.status === 'standardised' && ['station', 'room'].includes(String(s.kind)),
      )
      expect(listed).toHaveLength(Number(standardised))
      const reportback = await get<ModuleDataResponse>(`/modules/reportback/data?${q2}`)
      expect(reportback.breakdowns.years!.at(-1)).toMatchObject({
        year: '2025',
        reportback_rate: card(reportback, 'reportback_rate'),
      })
      // A township has no plan of its own: its stations' three years are all drawn, and its report-back is held to
      // the share its county sets, year by year as the county's.
      const township = 'region=520523005&from=2025-01-01&to=2025-12-31'
      const own = await get<ModuleDataResponse>(`/modules/stations/data?${township}`)
      expect(own.breakdowns.years!.map((r) => r.year)).toEqual(['2023', '2024', '2025'])
      const [ownTerm, countyTerm] = await Promise.all([
        get<ModuleDataResponse>(`/modules/reportback/data?${township}`),
        get<ModuleDataResponse>('/modules/reportback/data?region=520523&from=2025-01-01&to=2025-12-31'),
      ])
      // Its comparison charts' reference is its county's own figure (县均), the county's card's value.
      const countyRate = countyTerm.kpis.find((k) => k.id === 'reportback_rate')!.value
      expect(ownTerm.breakdowns.areasTotal).toHaveLength(1)
      expect(ownTerm.breakdowns.areasTotal![0]!.reportback_rate).toBe(countyRate)
      // The county's own answer takes it from its cards, not from a second query.
      expect(countyTerm.breakdowns.areasTotal).toEqual([{ reportback_rate: countyRate }])
      const targets = (body: ModuleDataResponse) =>
        body.breakdowns.years!.map((r) => [r.year, r.reportback_target_rate])
      expect(targets(ownTerm)).toEqual(targets(countyTerm))
      expect(ownTerm.kpis.find((k) => k.id === 'reportback_rate')!.target).toBe(
        countyTerm.kpis.find((k) => k.id === 'reportback_rate')!.target,
      )
    })

    it('draws a month’s months in the twelve up to it, its other breakdowns the month’s', async () => {
      const june = async (name: CompositeModule) =>
        get<ModuleDataResponse>(`/modules/${name}/data?region=520523&from=2023-06-01&to=2023-06-30`)
      const opinions = await june('opinions')
      const months = opinions.breakdowns.months!.map((r) => String(r.month))
      expect([months[0], months.at(-1), months.length]).toEqual(['2022-07', '2023-06', 12])
      // June's row is the month's cards; the areas are June's alone.
      const collected = opinions.kpis.find((k) => k.id === 'opinions_collected')!.value
      expect(opinions.breakdowns.months!.at(-1)!.opinions_collected).toBe(collected)
      expect(opinions.breakdowns.areas!.reduce((s, r) => s + Number(r.opinions_collected ?? 0), 0)).toBe(
        collected,
      )
      const funding = await june('funding')
      // Months with allocations only, from July 2022 on.
      const funded = funding.breakdowns.months!.map((r) => String(r.month))
      expect(funded.length).toBeGreaterThan(1)
      expect(funded.every((m) => m >= '2022-07' && m <= '2023-06')).toBe(true)
    })

    it('funding: budget, allocated and spent, by township, category, status and month', async () => {
      const body = await moduleData('funding')
      expect(body.kpis.map((k) => k.id)).toEqual(
        expect.arrayContaining(['funds_budget', 'funds_allocated', 'funds_spent', 'projects_completed']),
      )
      const allocated = body.breakdowns.areas!.reduce((s, r) => s + Number(r.funds_allocated ?? 0), 0)
      expect(allocated).toBe(370000)
      expect(Object.keys(body.breakdowns.categories![0]!)).toContain('funds_spent')
    })

    it('follows one check of the rollups in every part of an answer: read while current, not once behind', async () => {
      const fresh = async () => {
        const res = await api.request(`/api/v1/modules/funding/data?${year}`, {
          headers: { cookie, 'cache-control': 'no-cache' },
        })
        const body = (await res.json()) as ModuleDataResponse
        return {
          kpi: body.kpis.find((k) => k.id === 'funds_allocated')!.value,
          months: body.breakdowns.months!.reduce((s, r) => s + Number(r.funds_allocated ?? 0), 0),
        }
      }
      expect(await fresh()).toEqual({ kpi: 370000, months: 370000 })
      try {
        // A tampered county rollup shows through the cards and the months while the county's rollups are current...
        await handle.exec(
          `update rollup_projects set funds_allocated = funds_allocated + 1000 where dim = '' and area_code like '520523%'`,
        )
        const tampered = await fresh()
        expect(tampered.kpi).toBeGreaterThan(370000)
        expect(tampered.months).toBe(tampered.kpi)
        // ...and no part reads them once the county's facts are ahead of its rollups.
        await handle.exec(
          `update data_versions set facts_version = facts_version + 1 where county_code = '520523'`,
        )
        expect(await fresh()).toEqual({ kpi: 370000, months: 370000 })
      } finally {
        await refreshRollups(handle.db, 'all')
      }
      expect(await fresh()).toEqual({ kpi: 370000, months: 370000 })
    })

    it('report-back: the rate with its target, by township and level, and the term by year', async () => {
      const body = await moduleData('reportback')
      const rate = body.kpis.find((k) => k.id === 'reportback_rate')!
      const totals = (await metrics('reportback_rate,reportback_target_rate')).data[0]!
      expect(rate.value).toBe(totals.reportback_rate)
      expect(rate.target).toBe(totals.reportback_target_rate)
      // The term's report-back plan starts in 2023: the years before it (0 %, no target) are left out.
      expect(body.breakdowns.years!.map((r) => r.year)).toEqual(['2023'])
      expect(body.breakdowns.years![0]).toEqual({
        year: '2023',
        reportback_rate: totals.reportback_rate,
        reportback_target_rate: totals.reportback_target_rate,
      })
      expect(body.breakdowns.levels!.length).toBeGreaterThan(0)
    })

    it('above a county: the areas are the next level down and add up; no station lists', async () => {
      const login = await api.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'demo-admin', password: 'demo' }),
      })
      const admin = login.headers.get('set-cookie')!.split(';')[0]!
      const as = async (path: string) => {
        const res = await api.request(`/api/v1${path}`, { headers: { cookie: admin } })
        expect(res.status, path).toBe(200)
        return res.json() as Promise<ModuleDataResponse & { areas?: Record<string, unknown>[] }>
      }
      const period = 'from=2023-01-01&to=2023-12-31'
      // The demo's seven counties lie in three provinces (Guizhou, Shanxi, Yunnan).
      for (const [region, length, count] of [
        ['CN', 2, 3],
        ['52', 4, 3],
        ['5205', 6, 1],
      ] as const) {
        const overview = await as(`/modules/overview/data?region=${region}&${period}`)
        const codes = overview.areas!.map((r) => String(r.area))
        expect(codes.every((c) => c.length === length && (region === 'CN' || c.startsWith(region)))).toBe(
          true,
        )
        expect(codes).toHaveLength(count)
        const total = overview.kpis.find((k) => k.id === 'receptions')!.value
        expect(overview.areas!.reduce((n, r) => n + Number(r.receptions), 0)).toBe(total)
        const stations = await as(`/modules/stations/data?region=${region}&${period}`)
        expect([stations.breakdowns.list, stations.breakdowns.stations, stations.breakdowns.monthly]).toEqual(
          [[], [], []],
        )
        expect(stations.breakdowns.areas!.map((r) => String(r.area))).toEqual(codes)
        // Whose figures these are: only the counties that have imported registers (one of 毕节市's).
        const { counties, withData } = (
          await handle.rows<{ counties: number; withData: number }>(
            `select count(*)::int as counties, count(d.county_code)::int as "withData" from regions r
             left join data_versions d on d.county_code = r.code where r.level = 'county' and r.code like $1`,
            [region === 'CN' ? '%' : `${region}%`],
          )
        )[0]!
        expect(withData).toBeLessThan(counties)
        const where = region === 'CN' ? '全国' : stations.meta.region.name
        expect(stations.meta.partialCoverage?.zh).toBe(
          `本页数据来自${where}${counties.toLocaleString('en')}个县（市、区）中已导入台账的${withData}个。`,
        )
      }
      // A county's page is its own registers: no such note.
      expect((await as(`/modules/funding/data?region=520523&${period}`)).meta.partialCoverage).toBeNull()
      // Only an administrator reads the nation.
      const refused = await api.request(`/api/v1/modules/overview/data?region=CN&${period}`, {
        headers: { cookie },
      })
      expect(refused.status).toBe(403)
    })

    it("at a township: the comparison lists its county's townships, against the county's total", async () => {
      const township = '520523005'
      const { cookie: head } = await signIn(api, 'demo-township')
      const as = async (path: string) => {
        const res = await api.request(`/api/v1${path}`, { headers: { cookie: head } })
        expect(res.status, path).toBe(200)
        return res.json()
      }
      const period = 'from=2023-01-01&to=2023-12-31'
      const county = await get<{
        areas: Record<string, unknown>[]
        total: Record<string, unknown>
        kpis: { id: string }[]
      }>(`/modules/overview/data?${year}`)
      const own = await as(`/modules/overview/data?region=${township}&${period}`)
      expect(own.meta.region.code).toBe(township)
      expect(own.meta.areasOf).toEqual({ code: '520523', name: '金沙县', level: 'county' })
      expect(own.areas).toEqual(county.areas)
      expect(own.areas.map((r: { area: string }) => r.area)).toContain(township)
      expect(own.total).toEqual(county.total)
      // The cards stay the township's own: its row of the comparison.
      const row = own.areas.find((r: { area: string }) => r.area === township)
      expect(own.kpis.find((k: { id: string }) => k.id === 'receptions').value).toBe(row.receptions)
      for (const name of ['opinions', 'funding', 'reportback', 'stations'] as const) {
        const ofTownship = await as(`/modules/${name}/data?region=${township}&${period}`)
        const ofCounty = await moduleData(name)
        expect(ofTownship.meta.areasOf.code, name).toBe('520523')
        expect(ofTownship.breakdowns.areas, name).toEqual(ofCounty.breakdowns.areas)
        // The county's plan, budget and township coverage have no township figure: their cards are left out.
        const ids = (body: { kpis: { id: string }[] }) => body.kpis.map((k) => k.id)
        expect(ids(ofTownship), name).toEqual(ids(ofCounty).filter((id) => !countyLevelFigures.has(id)))
      }
      expect(own.kpis.map((k: { id: string }) => k.id)).not.toContain('station_coverage_rate')
      expect(county.kpis.map((k: { id: string }) => k.id)).toContain('station_coverage_rate')
      const stations = await as(`/modules/stations/data?region=${township}&${period}`)
      expect(stations.kpis.map((k: { id: string }) => k.id)).toEqual([
        'stations_standardised_planned',
        'seven_standard_rate',
        'deputy_coverage_rate',
        'deputies_per_station',
      ])
    })
  })
}

describe('comparedWithin', () => {
  it("compares a township within its county where the user may read the county's figures", () => {
    expect(comparedWithin('520523005', null)).toBe('520523')
    expect(comparedWithin('520523005', '520523')).toBe('520523')
    // A user who may read only the township sees it alone, not its neighbours.
    expect(comparedWithin('520523005', '520523005')).toBe('520523005')
    expect(comparedWithin('520523', null)).toBe('520523')
    expect(comparedWithin('CN', null)).toBe('CN')
  })
})
