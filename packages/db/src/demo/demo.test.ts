import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle } from '../index.ts'
import { testEngines } from '../testing.ts'
import { calibration, demoCounties, seedDemo } from './index.ts'

const js = calibration.jinsha
const in2023 = (column: string) =>
  `county_code = '${js.county}' and ${column} between '2023-01-01' and '2023-12-31'`

for (const engine of testEngines()) {
  describe(`demo data on ${engine.name}`, () => {
    let h: DbHandle
    const one = async (query: string) => Object.values((await h.rows(query))[0]!)[0]
    beforeAll(async () => {
      h = await engine.create()
      await seedDemo(h)
    })
    afterAll(() => h.close())

    it('reproduces 金沙县 2023 receptions: 685 activities, 1,259 people', async () => {
      expect(await one(`select count(*)::int from receptions where ${in2023('occurred_on')}`)).toBe(
        js.receptions,
      )
      expect(await one(`select sum(visitors)::int from receptions where ${in2023('occurred_on')}`)).toBe(
        js.visitors,
      )
    })

    it('reproduces 金沙县 2023 opinions: 853 collected, 680 resolved, online 505/505, satisfaction 100%', async () => {
      expect(await one(`select count(*)::int from opinions where ${in2023('received_on')}`)).toBe(
        js.opinionsCollected,
      )
      expect(
        await one(
          `select count(*)::int from opinions where ${in2023('received_on')} and resolved_on <= '2023-12-31'`,
        ),
      ).toBe(js.opinionsResolved)
      expect(
        await one(`select count(*)::int from opinions where ${in2023('received_on')} and channel = 'online'`),
      ).toBe(js.onlineCollected)
      expect(
        await one(
          `select count(*)::int from opinions where ${in2023('received_on')} and channel = 'online' and replied_on <= '2023-12-31'`,
        ),
      ).toBe(js.onlineReplied)
      const evaluated = Number(
        await one(
          `select count(*)::int from opinions where ${in2023('received_on')} and evaluation is not null`,
        ),
      )
      expect(evaluated).toBeGreaterThan(100)
      expect(
        await one(
          `select count(*)::int from opinions where ${in2023('received_on')} and evaluation in ('satisfied', 'basic')`,
        ),
      ).toBe(evaluated)
    })

    it('reproduces 金沙县 2023 funding: 13 projects, ¥370,000 of a ¥5,000,000 fund', async () => {
      const live = `${in2023('approved_on')} and status <> 'cancelled'`
      expect(await one(`select count(*)::int from micro_projects where ${live}`)).toBe(js.projects)
      expect(await one(`select sum(allocated)::int from micro_projects where ${live}`)).toBe(
        js.fundsAllocated,
      )
      expect(
        await one(
          `select count(*)::int from micro_projects where ${in2023('approved_on')} and status = 'cancelled'`,
        ),
      ).toBe(0)
      expect(
        await one(`select fund_budget::int from plans where county_code = '${js.county}' and year = 2023`),
      ).toBe(js.fundBudget)
    })

    it('reproduces 金沙县 coverage: 11 + 26 standardised by 2023 against a plan of 27 + 70, 1,422 deputies', async () => {
      const done = (kind: string) =>
        one(
          `select count(*)::int from stations where county_code = '${js.county}' and kind = '${kind}' and standardised_on <= '2023-12-31'`,
        )
      expect(await done('station')).toBe(js.stationsStandardisedBy2023)
      expect(await done('room')).toBe(js.roomsStandardisedBy2023)
      expect(
        await one(
          `select stations_target::int from plans where county_code = '${js.county}' and year = 2025`,
        ),
      ).toBe(js.stationsPlanned)
      expect(
        await one(`select rooms_target::int from plans where county_code = '${js.county}' and year = 2025`),
      ).toBe(js.roomsPlanned)
      expect(
        await one(
          `select count(*)::int from stations where county_code = '${js.county}' and kind = 'station'`,
        ),
      ).toBe(js.stationsPlanned)
      expect(
        await one(`select count(*)::int from stations where county_code = '${js.county}' and kind = 'room'`),
      ).toBe(js.roomsPlanned)
      expect(await one(`select count(*)::int from deputies where county_code = '${js.county}'`)).toBe(
        js.deputies,
      )
    })

    it("keeps 德江县's report-back plan of 30% / 30% / 40%", async () => {
      const rows = await h.rows<{ year: number; share: number }>(
        `select year, reportback_share::float8 as share from plans where county_code = '${calibration.dejiang.county}' and reportback_share is not null order by year`,
      )
      expect(Object.fromEntries(rows.map((r) => [r.year, Number(r.share)]))).toEqual(
        calibration.dejiang.reportbackShares,
      )
    })

    it('writes a status history consistent with the dates', async () => {
      // Every resolved opinion has its resolved step on its resolved date; no step before its receipt.
      expect(
        await one(`select count(*)::int from opinions o where o.status = 'resolved' and not exists
        (select 1 from opinion_events e where e.opinion_id = o.id and e.status = 'resolved' and e.occurred_on = o.resolved_on)`),
      ).toBe(0)
      expect(
        await one(
          `select count(*)::int from opinion_events e join opinions o on o.id = e.opinion_id where e.occurred_on < o.received_on`,
        ),
      ).toBe(0)
      // Steps in workflow order never go back in time, and the history starts on the day of receipt.
      expect(
        await one(`select count(*)::int from (select e.occurred_on, lag(e.occurred_on) over (partition by e.opinion_id
          order by array_position(array['collected','reported','handling','replied','resolved'], e.status)) as before
          from opinion_events e) x where x.occurred_on < x.before`),
      ).toBe(0)
      expect(
        await one(`select count(*)::int from opinions o where not exists (select 1 from opinion_events e
          where e.opinion_id = o.id and e.status = 'collected' and e.occurred_on = o.received_on)`),
      ).toBe(0)
    })

    it('gives every county a three-year plan, a fund budget every year and its settings', async () => {
      expect(
        await one(`select count(*)::int from plans where year between 2023 and 2025
          and reportback_share is not null and stations_target is not null and rooms_target is not null`),
      ).toBe(demoCounties.length * 3)
      expect(await one('select count(*)::int from plans where fund_budget > 0')).toBe(demoCounties.length * 5)
      const jinshaPlan = await h.rows<{ year: number; s: number; r: number }>(
        `select year, stations_target::int as s, rooms_target::int as r from plans
         where county_code = '${js.county}' and year >= 2023 order by year`,
      )
      expect(jinshaPlan.map((p) => [Number(p.year), p.s, p.r])).toEqual([
        [2023, 12, 30],
        [2024, 20, 50],
        [2025, 27, 70],
      ])
      expect(await one('select count(*)::int from county_settings')).toBe(demoCounties.length)
      expect(await one('select count(*)::int from county_settings where timely_limit_days <> 30')).toBe(1)
    })

    it('places stations in real townships and villages, one online station per township', async () => {
      expect(
        await one(`select count(*)::int from regions t where t.parent_code = '${js.county}' and t.level = 'township'
          and (select count(*) from stations s where s.township_code = t.code and s.kind = 'online') <> 1`),
      ).toBe(0)
      expect(
        await one(`select count(*)::int from stations s left join regions v on v.code = s.village_code
          where s.kind = 'room' and (v.level is distinct from 'village')`),
      ).toBe(0)
      // Each county's population is split exactly across its townships.
      expect(
        await one(`select count(*)::int from regions c where c.code in (${demoCounties.map((c) => `'${c.code}'`).join(', ')})
          and c.population is distinct from (select sum(t.population) from regions t where t.parent_code = c.code)`),
      ).toBe(0)
      // Fact rows carry their station's county and township.
      for (const table of ['receptions', 'opinions']) {
        expect(
          await one(`select count(*)::int from ${table} f join stations s on s.id = f.station_id
            where f.county_code <> s.county_code or f.township_code <> s.township_code`),
        ).toBe(0)
      }
    })
  })
}
