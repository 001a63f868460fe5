// On the whole demo: the rollups answer what the facts answer, and 金沙县 2023 reads the articles' figures.
import type { DbHandle } from '@liaison/db'
import { demoCountyCodes, seedDemo } from '@liaison/db/demo'
import { testEngines } from '@liaison/db/testing'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from './db.ts'
import { buildNarrative, countyCoverage, notImportedNote, partialCoverageNote } from './narrative.ts'
import { queryMetrics } from './query.ts'
import { refreshRollups, rollupsCurrent } from './rollups.ts'
import { expectRollupsEqualFacts } from './testing.ts'
import { trendNote } from './trend-note.ts'
import { percent } from './wording.ts'

for (const engine of testEngines()) {
  describe(`rollups on the demo data, ${engine.name}`, () => {
    let h: DbHandle
    beforeAll(async () => {
      h = await engine.create()
      await seedDemo(h)
      await refreshRollups(h.db, 'all')
    })
    afterAll(() => h.close())

    it('are current after the refresh', async () => {
      for (const county of demoCountyCodes) expect(await rollupsCurrent(h.db, county)).toBe(true)
    })

    it('read the calibrated 2023 figures of 金沙县', async () => {
      const ids = ['receptions', 'visitors', 'opinions_collected', 'opinions_resolved', 'resolution_rate']
      const [row] = (
        await queryMetrics(h.db, {
          ids: [
            ...ids,
            'satisfaction_rate',
            'projects',
            'funds_allocated',
            'funds_budget',
            'fund_budget_share',
          ],
          region: '520523',
          from: '2023-01-01',
          to: '2023-12-31',
        })
      ).data
      expect(row).toMatchObject({
        receptions: 685,
        visitors: 1259,
        opinions_collected: 853,
        opinions_resolved: 680,
        satisfaction_rate: 1,
        projects: 13,
        funds_allocated: 370_000,
        funds_budget: 5_000_000,
      })
      expect(row!.resolution_rate).toBeCloseTo(680 / 853, 10)
      expect(row!.fund_budget_share).toBeCloseTo(0.074, 10)
    })

    it('equal the facts for every county, whole years, partial months and every breakdown', async () => {
      for (const county of demoCountyCodes)
        await expectRollupsEqualFacts(h.db, county, '2023-01-01', '2023-12-31')
      await expectRollupsEqualFacts(h.db, '52', '2024-01-15', '2024-08-20')
      await expectRollupsEqualFacts(h.db, 'CN', '2023-01-01', '2023-12-31')
      await expectRollupsEqualFacts(h.db, '5205', '2022-07-01', '2024-06-30')
      await expectRollupsEqualFacts(h.db, '520523', '2021-03-10', '2025-12-31')
      await expectRollupsEqualFacts(h.db, '520523005', '2023-04-01', '2023-09-17')
    })

    it('add up: a province and a city are the sums of their counties, a county of its townships', async () => {
      const ids = ['receptions', 'visitors', 'opinions_collected', 'projects', 'funds_allocated']
      const spec = { ids, from: '2023-01-01', to: '2023-12-31' }
      const total = async (region: string) => (await queryMetrics(h.db, { ...spec, region })).data[0]!
      const sum = async (regions: string[]) => {
        const rows = await Promise.all(regions.map(total))
        return Object.fromEntries(ids.map((id) => [id, rows.reduce((n, r) => n + Number(r[id] ?? 0), 0)]))
      }
      for (const prefix of ['52', '5205']) {
        const counties = demoCountyCodes.filter((c) => c.startsWith(prefix))
        expect(counties.length).toBeGreaterThan(0)
        const whole = await total(prefix)
        expect(Object.fromEntries(ids.map((id) => [id, Number(whole[id])]))).toEqual(await sum(counties))
      }
      const towns = (await queryMetrics(h.db, { ...spec, region: '520523', by: 'township' })).data
      expect(towns.reduce((n, r) => n + Number(r.receptions), 0)).toBe(685)
    })

    it('says in the county report how many 联络站 and 联络室 are standardised, each against its plan', async () => {
      const spec = { region: '520523', from: '2023-01-01', to: '2023-12-31', today: '2024-03-01' }
      const { zh, en } = await buildNarrative(h.db, spec)
      expect(zh).toContain(
        '已规范化建设联络站（室）37个（联络站11个、联络室26个，规划分别为27个、70个），完成规划的38.1%。',
      )
      expect(en).toContain(
        '37 stations and rooms had been standardised (11 stations of 27 planned, 26 rooms of 70)',
      )
    })

    it('tells a period still running as of today, not of its end', async () => {
      const spec = { region: '520523', from: '2025-01-01', to: '2025-12-31' }
      const ended = await buildNarrative(h.db, { ...spec, today: '2026-03-01' })
      expect(ended.zh).toContain('截至2025年12月31日，已规范化建设联络站（室）')
      expect(ended.zh).toContain('期末仍有')
      const running = await buildNarrative(h.db, { ...spec, today: '2025-06-30' })
      expect(running.zh).toContain('截至2025年6月30日，已规范化建设联络站（室）')
      expect(running.zh).toContain('截至2025年6月30日仍有')
      expect(running.zh).not.toContain('12月31日')
      expect(running.en).toMatch(/On 30 June 2025, [\d,]+ opinions were still open/)
    })

    it("counts the plan's two kinds beside the plan: standardised ÷ planned is the coverage rate shown", async () => {
      const ids = [
        'stations_standardised',
        'stations_standardised_planned',
        'stations_planned',
        'station_coverage_rate',
      ]
      const r = (await queryMetrics(h.db, { region: '520523', from: '2025-01-01', to: '2025-12-31', ids }))
        .data[0]!
      const n = (id: string) => Number(r[id])
      expect(n('station_coverage_rate')).toBe(n('stations_standardised_planned') / n('stations_planned'))
      // The demo county has standardised sites of other kinds (a 代表之家) besides the plan's stations and rooms.
      expect(n('stations_standardised')).toBeGreaterThan(n('stations_standardised_planned'))
    })

    it('reads the article’s 2023 coverage per kind: 11 of 27 联络站 and 26 of 70 联络室 standardised', async () => {
      const { data } = await queryMetrics(h.db, {
        region: '520523',
        from: '2023-01-01',
        to: '2023-12-31',
        by: 'kind',
        ids: ['stations_standardised', 'stations_planned', 'station_coverage_rate'],
      })
      const kind = (k: string) => data.find((r) => r.kind === k)
      expect(kind('station')).toMatchObject({ stations_standardised: 11, stations_planned: 27 })
      expect(kind('station')!.station_coverage_rate).toBeCloseTo(11 / 27, 12)
      expect(kind('room')).toMatchObject({ stations_standardised: 26, stations_planned: 70 })
      expect(kind('room')!.station_coverage_rate).toBeCloseTo(26 / 70, 12)
    })

    it('counts the townships covered above a county over the counties with data only', async () => {
      const year = { from: '2025-01-01', to: '2025-12-31' }
      const rate = async (region: string) => {
        const [row] = (await queryMetrics(h.db, { ...year, region, ids: ['townships_covered_rate'] })).data
        return { rate: Number(row!.townships_covered_rate), base: Number(row!.townships_covered_rate__base) }
      }
      // 毕节市's only county with data is 金沙县: the city's rate is the county's, not over all eight counties.
      expect(await rate('5205')).toEqual(await rate('520523'))
      // 贵州省: the covered townships of its counties with data over their townships, by hand.
      const counties = await Promise.all(demoCountyCodes.filter((c) => c.startsWith('52')).map(rate))
      const covered = counties.reduce((n, c) => n + Math.round(c.rate * c.base), 0)
      const townships = counties.reduce((n, c) => n + c.base, 0)
      expect(counties.length).toBeGreaterThan(1)
      const province = await rate('52')
      expect(province.base).toBe(townships)
      expect(province.rate).toBeCloseTo(covered / townships, 10)
    })

    it("says whose stations: the whole country's, a township's several", async () => {
      const year = { from: '2025-01-01', to: '2025-12-31', today: '2026-03-01' }
      expect((await buildNarrative(h.db, { ...year, region: 'CN' })).zh).toMatch(
        /^2025年，全国各地人大代表联络站（室）共开展/,
      )
      expect((await buildNarrative(h.db, { ...year, region: '520523001' })).zh).toMatch(
        /^2025年，\S+各人大代表联络站（室）共开展/,
      )
    })

    it("gives a township's standardised stations without a share of a plan it does not have", async () => {
      const spec = { from: '2025-01-01', to: '2025-12-31', today: '2026-03-01', region: '520523005' }
      const { zh, en, figures } = await buildNarrative(h.db, spec)
      const n = Number(figures.stations_standardised_planned)
      expect(n).toBeGreaterThan(0)
      expect(zh).toContain(`截至2025年12月31日，已规范化建设联络站（室）${n}个。`)
      expect(en).toContain(`${n} stations and rooms had been standardised.`)
      // The county's says its share of the plan.
      expect((await buildNarrative(h.db, { ...spec, region: '520523' })).zh).toMatch(/完成规划的[\d.]+%。/)
    })

    it('says above a county how many of its counties the figures cover, while some have no data', async () => {
      const year = { from: '2025-01-01', to: '2025-12-31', today: '2026-03-01' }
      // 毕节市 has eight counties (2023 division codes); of the demo's, only 金沙县 is among them.
      const city = await buildNarrative(h.db, { ...year, region: '5205' })
      expect(city.zh).toMatch(/以上数据来自毕节市8个县（市、区）中已导入台账的1个。$/)
      expect(city.en).toMatch(
        /These figures cover 1 of the 8 counties of 毕节市: the one whose registers have been imported\.$/,
      )
      // 六盘水市's four counties: three in the demo.
      expect((await buildNarrative(h.db, { ...year, region: '5202' })).zh).toContain(
        '六盘水市4个县（市、区）中已导入台账的3个',
      )
      expect((await buildNarrative(h.db, { ...year, region: 'CN' })).zh).toMatch(
        new RegExp(`以上数据来自全国[\\d,]+个县（市、区）中已导入台账的${demoCountyCodes.length}个。$`),
      )
      // A county speaks for itself.
      expect((await buildNarrative(h.db, { ...year, region: '520523' })).zh).not.toContain('以上数据来自')
    })

    it('names above a county the counties that have imported nothing, the first twenty of them', async () => {
      // 毕节市's counties but 金沙县, by code, straight from the division table.
      const names = await rowsOf<{ name: string }>(
        h.db,
        sql`select name from regions where level = 'county' and code like '5205%' and code <> '520523' order by code`,
      )
      expect(names).toHaveLength(7)
      expect(notImportedNote(await countyCoverage(h.db, '5205'))).toEqual({
        zh: `尚未导入台账的县（市、区）7个：${names.map((r) => r.name).join('、')}。`,
        en: `7 counties have not imported registers: ${names.map((r) => r.name).join(', ')}.`,
      })
      // 六盘水市: one of four.
      expect(notImportedNote(await countyCoverage(h.db, '5202'))?.zh).toMatch(
        /^尚未导入台账的县（市、区）1个：\S+。$/,
      )
      // The nation: counted, twenty named, 等 the rest.
      const [all] = await rowsOf<{ n: number }>(
        h.db,
        sql`select count(*)::int as n from regions where level = 'county'`,
      )
      const nation = notImportedNote(await countyCoverage(h.db, 'CN'))!
      expect(nation.zh).toMatch(
        new RegExp(
          `^尚未导入台账的县（市、区）${(all!.n - demoCountyCodes.length).toLocaleString('en-US')}个：`,
        ),
      )
      expect(nation.zh.split('：')[1]!.split('、')).toHaveLength(20)
      expect(nation.zh).toMatch(/等。$/)
      // A county has no such list.
      expect(await countyCoverage(h.db, '520523')).toBeNull()
      expect(notImportedNote(null)).toBeNull()
      // A module page's note: whose figures it shows, or that none has imported yet (not "covers 0 of 8").
      const city = { name: '毕节市', level: 'city' }
      expect(partialCoverageNote(await countyCoverage(h.db, '5205'), city)?.zh).toBe(
        '本页数据来自毕节市8个县（市、区）中已导入台账的1个。',
      )
      expect(partialCoverageNote({ counties: 8, withData: 0, without: [] }, city)).toEqual({
        zh: '毕节市8个县（市、区）尚未导入台账，本页暂无数据。',
        en: 'None of the 8 counties of 毕节市 has imported registers yet: this page has no figures.',
      })
      expect(partialCoverageNote({ counties: 8, withData: 8, without: [] }, city)).toBeNull()
    })

    it('tells a period without records in one sentence, not zeros falling 100 %', async () => {
      const empty = await buildNarrative(h.db, { region: '520523', from: '2015-01-01', to: '2015-12-31' })
      expect(empty.zh).toBe('2015年，全县人大代表联络站（室）暂无接待走访、社情民意和微项目台账记录。')
      expect(empty.en).toBe(
        'In 2015, no receptions, opinions or micro-projects were recorded by the liaison stations of 金沙县.',
      )
    })

    it('compares as the cards do: year on year by default, the previous period, or not at all', async () => {
      const quarter = { region: '520523', from: '2025-04-01', to: '2025-06-30', today: '2026-03-01' }
      const receptions = async (from: string, to: string) =>
        Number(
          (await queryMetrics(h.db, { region: '520523', from, to, ids: ['receptions'] })).data[0]!.receptions,
        )
      const [now, before, yearBefore] = [
        await receptions('2025-04-01', '2025-06-30'),
        await receptions('2025-01-01', '2025-03-31'),
        await receptions('2024-04-01', '2024-06-30'),
      ]
      const change = (previous: number) =>
        `${now >= previous ? '增长' : '下降'}${percent(Math.abs(now - previous) / previous)}`
      expect((await buildNarrative(h.db, quarter)).zh).toContain(`活动${now}次，同比${change(yearBefore)}`)
      const mom = await buildNarrative(h.db, { ...quarter, compare: 'mom' })
      expect(mom.zh).toContain(`活动${now}次，环比${change(before)}`)
      expect(mom.zh).not.toContain('同比')
      expect(mom.en).toContain('on the previous period')
      // The English text compares what the Chinese does: the opinions collected and the satisfaction rate too.
      const yoy = await buildNarrative(h.db, quarter)
      const f = (id: string) => yoy.figures[id] as number
      const countEn = (id: string) =>
        `${f(id).toLocaleString('en-US')} ${id === 'receptions' ? 'reception and visit activities' : 'opinions'}, ` +
        `${f(`${id}__change`) > 0 ? 'up' : 'down'} ${percent(Math.abs(f(`${id}__change`)))} year on year`
      expect(yoy.en).toContain(`held ${countEn('receptions')}`)
      expect(yoy.en).toContain(`collected ${countEn('opinions_collected')}`)
      const points = Math.abs(f('satisfaction_rate__change') * 100)
      expect(yoy.en).toMatch(
        points < 0.05
          ? /basically satisfied, unchanged year on year\./
          : new RegExp(
              `basically satisfied, (up|down) ${points.toFixed(1).replace(/\.0$/, '')} percentage points year on year\\.`,
            ),
      )
      const none = await buildNarrative(h.db, { ...quarter, compare: 'none' })
      expect(none.zh).toContain(`活动${now}次，接待群众`)
      expect(none.zh).not.toMatch(/同比|环比/)
    })

    it('says how much of the backlog was carried over from before the period', async () => {
      const spec = { region: '520523', from: '2025-01-01', to: '2025-12-31', today: '2026-03-01' }
      const { zh, figures } = await buildNarrative(h.db, spec)
      const n = (id: string) => Number(figures[id])
      const carried = n('backlog') - (n('opinions_collected') - n('opinions_resolved'))
      // Hand check: the backlog of opinions received in 2025 is collected − resolved; the rest came before.
      expect(carried).toBeGreaterThan(0)
      expect(zh).toContain(`期末仍有${n('backlog')}件在办（含此前结转${carried}件），其中超期`)
      // A period without new opinions (the demo's registers end with 2025): the whole backlog came before it.
      const later = await buildNarrative(h.db, {
        ...spec,
        from: '2026-01-01',
        to: '2026-12-31',
        today: '2027-03-01',
      })
      expect(Number(later.figures.opinions_collected)).toBe(0)
      expect(later.zh).toContain(`期末仍有${Number(later.figures.backlog)}件在办（均为此前结转），其中超期`)
      expect(later.en).toContain('opinions were still open, all received before the period,')
    })

    it("explains December's low 办结率 with the opinions still open at the year's end, in a county and a city", async () => {
      const spec = { from: '2025-01-01', to: '2025-12-31', today: '2026-03-01' }
      for (const [region, counties] of [
        ['520523', ['520523']],
        ['5202', ['520201', '520203', '520204']],
      ] as const) {
        const trend = await queryMetrics(h.db, {
          ...spec,
          region,
          by: 'month',
          ids: ['opinions_collected', 'opinions_resolved'],
        })
        const note = trendNote(
          trend.data.map((r) => ({
            month: String(r.month),
            opinions_collected: Number(r.opinions_collected),
            opinions_resolved: Number(r.opinions_resolved),
          })),
          spec,
        )
        // Hand check, straight from the opinions: December's, and those not resolved by 31 December.
        const [december] = await rowsOf<{ collected: number; open: number }>(
          h.db,
          sql`select count(*)::int as collected,
                count(*) filter (where resolved_on is null or resolved_on > '2025-12-31')::int as open
              from opinions where county_code in ${counties} and received_on between '2025-12-01' and '2025-12-31'`,
        )
        expect(december!.open).toBeGreaterThan(0)
        expect(note?.zh).toContain(
          `12月收集的${december!.collected.toLocaleString('en-US')}件中有${december!.open}件未办结。`,
        )
      }
    })
  })
}
