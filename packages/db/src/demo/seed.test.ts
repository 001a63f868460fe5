import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle } from '../index.ts'
import { testEngines } from '../testing.ts'
import { calibration, isDatabaseEmpty, seedDemo } from './index.ts'

const tables = [
  'stations',
  'deputies',
  'receptions',
  'opinions',
  'opinion_events',
  'micro_projects',
  'reportbacks',
  'plans',
  'county_settings',
]

/** One hash per table over every column (updated_at aside: it is the time of the seed). */
const digest = async (h: DbHandle, table: string) => {
  const order =
    table === 'plans' ? 't.county_code, t.year' : table === 'county_settings' ? 't.county_code' : 't.id'
  const [row] = await h.rows<{ d: string }>(
    `select md5(string_agg((to_jsonb(t) - 'updated_at')::text, '|' order by ${order})) as d from ${table} t`,
  )
  return row!.d
}

for (const engine of testEngines()) {
  describe(`seeding the demo on ${engine.name}`, () => {
    let h: DbHandle
    const one = async (query: string) => Number(Object.values((await h.rows(query))[0]!)[0])
    beforeAll(async () => {
      h = await engine.create()
      expect(await isDatabaseEmpty(h)).toBe(true)
      const { rows, seconds } = await seedDemo(h)
      console.info(`demo seed on ${engine.name}: ${seconds.toFixed(2)} s`, rows)
    })
    afterAll(() => h.close())

    it('is deterministic: the same seed gives the same rows in every table', async () => {
      const other = await engine.create()
      await seedDemo(other)
      for (const table of tables) expect(await digest(other, table), table).toBe(await digest(h, table))
      const population = "select md5(string_agg(code || population, ',' order by code)) as d from regions"
      expect(await other.rows(population)).toEqual(await h.rows(population))
      await other.close()
    })

    it('leaves the identity sequences ready for later inserts', async () => {
      const [row] = await h.rows<{ id: number }>(
        `insert into receptions (county_code, township_code, station_id, occurred_on, visitors)
         select county_code, township_code, id, '2025-06-01', 1 from stations limit 1 returning id`,
      )
      expect(Number(row!.id)).toBeGreaterThan(
        await one(`select max(id)::int from receptions where id <> ${row!.id}`),
      )
      await h.exec(`delete from receptions where id = ${row!.id}`)
    })

    it('refuses a database that already has stations', async () => {
      expect(await isDatabaseEmpty(h)).toBe(false)
      await expect(seedDemo(h)).rejects.toThrow(/already/)
    })

    it('leaves nothing behind when a write fails', async () => {
      const broken = await engine.create()
      // A setting the demo also writes, last of all: the primary key stops the seed after every COPY is done.
      // (A COPY that fails on postgres.js 3.4.9 never settles: porsager/postgres#1173.)
      await broken.exec(`insert into county_settings (county_code) values ('${calibration.dejiang.county}')`)
      await expect(seedDemo(broken)).rejects.toThrow()
      for (const table of tables) {
        const [row] = await broken.rows<{ n: number }>(`select count(*)::int as n from ${table}`)
        expect(row!.n, table).toBe(0)
      }
      await broken.close()
    })

    it('tells a story outside the calibration', async () => {
      // Satisfaction 85–99% per county and year, except 金沙县 2023 (100% by the article).
      const satisfaction = await h.rows<{
        rate: number
      }>(`select 100.0 * count(*) filter (where evaluation <> 'unsatisfied')
        / count(*) as rate from opinions where evaluation is not null
        and not (county_code = '${calibration.jinsha.county}' and extract(year from received_on) = 2023)
        group by county_code, extract(year from received_on)`)
      for (const { rate } of satisfaction) expect(Number(rate)).toBeGreaterThan(85)
      expect(Math.min(...satisfaction.map((r) => Number(r.rate)))).toBeLessThan(99)
      // Resolution 85–99% for the older cohorts, county by county.
      const resolution = await h.rows<{ rate: number }>(`select 100.0 * count(resolved_on) / count(*) as rate
        from opinions where received_on < '2024-01-01' group by county_code, extract(year from received_on)`)
      for (const { rate } of resolution) expect(Number(rate)).toBeGreaterThan(85)
      // Some townships lag: resolution under 85% over the five years.
      expect(
        await one(`select count(*)::int from (select township_code from opinions group by township_code
          having count(*) > 30 and count(resolved_on) < 0.85 * count(*)) x`),
      ).toBeGreaterThanOrEqual(2)
      // Open and overdue opinions at the end of 2025, dissatisfied evaluations, unspent and cancelled funds.
      expect(
        await one(
          `select count(*)::int from opinions where resolved_on is null and received_on < '2025-11-01'`,
        ),
      ).toBeGreaterThan(50)
      expect(
        await one(`select count(*)::int from opinions where evaluation = 'unsatisfied'`),
      ).toBeGreaterThan(50)
      expect(
        await one(`select count(*)::int from micro_projects where status = 'cancelled'`),
      ).toBeGreaterThan(3)
      expect(
        await one(
          `select count(*)::int from micro_projects where spent < allocated and status <> 'cancelled'`,
        ),
      ).toBeGreaterThan(10)
      // Growth: each county collects more in 2025 than in 2021.
      expect(
        await one(`select count(*)::int from (select county_code from opinions group by county_code
          having count(*) filter (where received_on >= '2025-01-01') <= count(*) filter (where received_on < '2022-01-01')) x`),
      ).toBe(0)
    })
  })
}
