import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle } from '../index.ts'
import { testEngines } from '../testing.ts'
import { calibration, seedDemo } from './index.ts'

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

    it('has a story outside the calibration: dissatisfied evaluations, open opinions, unspent funds', async () => {
      expect(
        Number(await one(`select count(*)::int from opinions where evaluation = 'unsatisfied'`)),
      ).toBeGreaterThan(50)
      expect(
        Number(await one(`select count(*)::int from opinions where resolved_on is null`)),
      ).toBeGreaterThan(100)
      expect(
        Number(
          await one(
            `select count(*)::int from micro_projects where spent < allocated and status <> 'cancelled'`,
          ),
        ),
      ).toBeGreaterThan(10)
      expect(Number(await one(`select count(distinct county_code)::int from receptions`))).toBe(7)
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
    })

    it('leaves the identity sequences ready for later inserts', async () => {
      const [row] = await h.rows<{ id: number }>(
        `insert into receptions (county_code, township_code, station_id, occurred_on, visitors)
         select county_code, township_code, id, '2025-06-01', 1 from stations limit 1 returning id`,
      )
      expect(Number(row!.id)).toBeGreaterThan(Number(await one('select count(*)::int from receptions')) - 1)
    })

    it('is deterministic: the same seed gives the same rows', async () => {
      const other = await engine.create()
      await seedDemo(other)
      const digest = (x: DbHandle, table: string) =>
        x.rows(
          `select md5(string_agg((to_jsonb(t) - 'updated_at')::text, '|' order by t.id)) as d from ${table} t`,
        )
      for (const table of ['stations', 'deputies', 'opinions', 'micro_projects', 'reportbacks']) {
        expect(await digest(other, table)).toEqual(await digest(h, table))
      }
      await other.close()
    })
  })
}
