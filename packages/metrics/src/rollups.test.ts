// Rollups answer exactly what the facts answer, for whole months, partial edge months and breakdowns; a write
// without a refresh falls back to the facts; an incremental refresh in the writing transaction catches up.
import type { DbHandle } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryMetrics } from './query.ts'
import { countyVersions, dataState, dataStateOf, refreshRollups, rollupsCurrent } from './rollups.ts'
import { expectRollupsEqualFacts } from './testing.ts'

const T1 = '520523005'
const T2 = '520523004'

async function fixture(h: DbHandle) {
  await h.exec(`
    insert into stations (id, county_code, township_code, code, name, kind, status, built_on, has_venue, has_signage, has_records) values
      (1, '520523', '${T1}', 'S1', '一号站', 'station', 'built', '2020-01-01', true, true, false),
      (2, '520523', '${T2}', 'S2', '二号室', 'room', 'built', '2020-01-01', true, false, true),
      (3, '520523', '${T1}', 'S3', '网上联络站', 'online', 'built', '2021-01-01', false, false, false);
    -- For the statuses at a period's end: standardised (in a later month, in the month built, without a built date),
    -- planned, and built after a period (建设中 before).
    insert into stations (id, county_code, township_code, code, name, kind, status, built_on, standardised_on, has_venue) values
      (4, '520523', '${T2}', 'S4', '四号站', 'station', 'standardised', '2021-05-01', '2023-02-15', true),
      (5, '520523', '${T1}', 'S5', '五号室', 'room', 'planned', null, null, false),
      (6, '520523', '${T2}', 'S6', '六号站', 'station', 'built', '2023-03-10', null, true),
      (7, '520523', '${T1}', 'S7', '七号室', 'room', 'standardised', '2023-01-20', '2023-01-25', false),
      (8, '520523', '${T2}', 'S8', '八号站', 'station', 'standardised', null, '2022-06-01', true);
    insert into county_settings (county_code, timely_limit_days) values ('520523', 10);
    insert into receptions (county_code, township_code, station_id, occurred_on, kind, visitors, deputy_attendances) values
      ('520523', '${T1}', 1, '2023-01-10', 'visit', 4, 1), ('520523', '${T1}', 1, '2023-01-31', 'in_station', 5, 2),
      ('520523', '${T2}', 2, '2023-02-01', 'visit', 7, 3), ('520523', '${T2}', 2, '2023-03-15', 'online', 9, 1),
      ('520523', '${T1}', 1, '2023-06-30', 'in_station', 2, 2), ('520523', '${T2}', 2, '2023-07-01', 'visit', 1, 1);
    insert into opinions (county_code, township_code, station_id, register_no, received_on, channel, category, route, status, replied_on, resolved_on, evaluation) values
      ('520523', '${T1}', 1, 'A', '2023-01-10', 'online', 'education', 'deputy', 'resolved', '2023-01-12', '2023-01-15', 'satisfied'),
      ('520523', '${T1}', 1, 'B', '2023-02-01', 'visit', 'other', 'council', 'resolved', '2023-03-01', '2023-03-20', 'unsatisfied'),
      ('520523', '${T2}', 2, 'C', '2023-02-20', 'visit', 'education', null, 'resolved', '2023-06-05', '2023-06-10', 'basic'),
      ('520523', '${T2}', 2, 'D', '2023-03-01', 'phone', 'other', null, 'handling', null, null, null),
      ('520523', '${T1}', 1, 'E', '2023-04-30', 'online', 'other', 'deputy', 'resolved', '2023-05-02', '2023-05-03', null),
      ('520523', '${T2}', 2, 'F', '2023-05-15', 'visit', 'education', 'deputy', 'replied', '2023-06-20', null, null),
      -- For the statuses at a period's end: steps before a reply, a reply without a date, a reply after the
      -- resolution, and one replied and resolved in different months.
      ('520523', '${T1}', 1, 'H', '2023-03-05', 'visit', 'other', null, 'collected', null, null, null),
      ('520523', '${T2}', 2, 'I', '2023-02-10', 'phone', 'other', null, 'reported', null, null, null),
      ('520523', '${T1}', 1, 'J', '2023-02-05', 'visit', 'education', 'deputy', 'resolved', '2023-03-10', '2023-02-25', 'satisfied'),
      ('520523', '${T2}', 2, 'K', '2023-03-10', 'online', 'other', null, 'replied', null, null, null),
      ('520523', '${T1}', 1, 'L', '2023-01-20', 'visit', 'other', 'council', 'resolved', '2023-02-03', '2023-04-02', 'basic');
    insert into micro_projects (county_code, township_code, code, name, category, allocated, spent, status, approved_on, completed_on) values
      ('520523', '${T1}', 'P1', '路', 'other', 30000, 15000, 'in_progress', '2023-01-20', null),
      ('520523', '${T2}', 'P2', '水', 'education', 10000, 10000, 'completed', '2023-02-01', '2023-04-10'),
      ('520523', '${T2}', 'P3', '灯', 'other', 50000, 0, 'cancelled', '2023-03-31', null),
      ('520523', '${T1}', 'P4', '桥', 'other', 8000, 8000, 'completed', '2023-02-15', '2023-03-03'),
      ('520523', '${T1}', 'P5', '井', 'other', 2000, 2000, 'completed', '2023-03-02', null);
    insert into plans (county_code, year, reportback_share) values ('520523', 2022, null), ('520523', 2023, 0.3);
    insert into deputies (id, county_code, township_code, station_id, code, name, level) values
      (1, '520523', '${T1}', 1, 'D1', '甲', 'county'), (2, '520523', '${T2}', 2, 'D2', '乙', 'township'),
      (3, '520523', '${T1}', 3, 'D3', '丙', 'township');
    insert into reportbacks (county_code, township_code, deputy_id, held_on) values
      ('520523', '${T1}', 1, '2023-05-01'), ('520523', '${T2}', 2, '2022-06-01');`)
}

const sortedByStatus = (rows: unknown[][]) => rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])))

const periods: [string, string][] = [
  ['2023-01-01', '2023-12-31'],
  ['2023-01-15', '2023-06-15'],
  ['2023-02-01', '2023-03-15'],
  ['2023-01-10', '2023-01-31'],
  ['2023-03-01', '2023-03-31'],
  ['2023-02-10', '2023-03-05'],
  // Before the term's report-back window (1 January 2023): no deputy required yet.
  ['2022-01-01', '2022-12-31'],
  // Ending on a month's last day before a project approved in it was completed (P2, approved 1 February,
  // completed 10 April): the rollup's completions by month decide.
  ['2023-01-01', '2023-03-31'],
  ['2023-02-01', '2023-02-28'],
]

for (const engine of testEngines()) {
  describe(`rollups on ${engine.name}`, () => {
    let h: DbHandle
    beforeAll(async () => {
      h = await engine.create()
      await fixture(h)
    })
    afterAll(() => h.close())

    it('are stale after a write and current after a refresh', async () => {
      expect(await rollupsCurrent(h.db, '520523')).toBe(false)
      await refreshRollups(h.db, 'all')
      expect(await rollupsCurrent(h.db, '520523')).toBe(true)
      const [n] = await h.rows<{ n: number }>('select count(*)::int as n from rollup_opinions')
      expect(n!.n).toBeGreaterThan(0)
    })

    it('give the facts’ answer for whole and partial months, from the township to the nation', async () => {
      for (const [i, [from, to]] of periods.entries()) {
        // Above the county the same sums are taken per area: a whole year, partial edges and a span inside months.
        const regions = [0, 1, 5, 6, 7, 8].includes(i) ? ['CN', '52', '5205', '520523', T2] : ['520523', T2]
        for (const region of regions) await expectRollupsEqualFacts(h.db, region, from, to)
      }
      const required = async (from: string, to: string) =>
        (
          await queryMetrics(h.db, {
            ids: ['reportback_required', 'reportback_done', 'deputies_total', 'deputies_covered'],
            region: '52',
            from,
            to,
          })
        ).data[0]
      expect(await required('2022-01-01', '2022-12-31')).toMatchObject({
        reportback_required: 0,
        reportback_done: 0,
      })
      // D3's station is online: no premises, so D3 is not covered by a station built.
      expect(await required('2023-01-01', '2023-12-31')).toMatchObject({
        reportback_required: 3,
        reportback_done: 1,
        deputies_total: 3,
        deputies_covered: 2,
      })
    })

    it('count opinions by their status at the period’s end from the city up, and a tampered rollup shows through', async () => {
      const byStatus = async (from: string, to: string, ids: string[]) =>
        (await queryMetrics(h.db, { ids, region: '5205', from, to, by: 'status' })).data.map((r) => [
          r.status,
          ...ids.map((id) => r[id]),
        ])
      // At 31 March: A, B, J resolved; C (resolved in June) and D handling; H collected; I reported; K replied
      // without a date (counted replied on receipt); L replied in February, resolved in April. Replied by then: A,
      // B, J, K and L.
      const quarter = ['opinions_collected', 'opinions_replied', 'opinions_resolved']
      const expected = [
        ['collected', 1, 0, 0],
        ['handling', 2, 0, 0],
        ['replied', 2, 2, 0],
        ['reported', 1, 0, 0],
        ['resolved', 3, 3, 3],
      ]
      expect(sortedByStatus(await byStatus('2023-01-01', '2023-03-31', quarter))).toEqual(expected)
      // Open at 28 February, and overdue (more than 10 days): B handling (27 days), C handling (8), I reported
      // (18), L replied (39). J, received in February, is resolved: nothing open.
      expect(sortedByStatus(await byStatus('2023-02-01', '2023-02-28', ['backlog', 'overdue']))).toEqual([
        ['handling', 2, 1],
        ['replied', 1, 1],
        ['reported', 1, 1],
        ['resolved', 0, 0],
      ])
      await h.exec(
        `update rollup_opinion_status set collected = collected + 100 where area_code = '5205' and dim_value = 'collected'`,
      )
      try {
        expect(sortedByStatus(await byStatus('2023-01-01', '2023-03-31', quarter))[0]![1]).toBeGreaterThan(
          100,
        )
      } finally {
        await refreshRollups(h.db, 'all')
      }
      expect(sortedByStatus(await byStatus('2023-01-01', '2023-03-31', quarter))).toEqual(expected)
    })

    it('count stations by their status at the period’s end, and a tampered rollup shows through', async () => {
      const byStatus = async (to: string) =>
        sortedByStatus(
          (
            await queryMetrics(h.db, {
              ids: ['stations_built', 'stations_standardised'],
              region: '5205',
              from: '2023-01-01',
              to,
              by: 'status',
            })
          ).data.map((r) => [r.status, r.stations_built, r.stations_standardised]),
        )
      // At 28 February: S1, S2 and the online S3 built (S3 has no premises: not counted as built); S4, S7 and S8
      // standardised (S8 without a built date); S5 planned; S6, built in March, 建设中.
      const february = [
        ['building', 0, 0],
        ['built', 2, 0],
        ['planned', 0, 0],
        ['standardised', 2, 3],
      ]
      expect(await byStatus('2023-02-28')).toEqual(february)
      expect(await byStatus('2023-12-31')).toEqual([
        ['built', 3, 0],
        ['planned', 0, 0],
        ['standardised', 2, 3],
      ])
      await h.exec(
        `update rollup_station_status set built = built + 100 where area_code = '5205' and dim_value = 'built'`,
      )
      try {
        expect((await byStatus('2023-02-28'))[1]![1]).toBeGreaterThan(100)
      } finally {
        await refreshRollups(h.db, 'all')
      }
      expect(await byStatus('2023-02-28')).toEqual(february)
    })

    it('are read for whole months (a tampered rollup shows through)', async () => {
      await h.exec(
        `update rollup_receptions set visitors = visitors + 100 where area_code = '520523' and month = '2023-02-01'`,
      )
      const spec = { ids: ['visitors'], region: '520523', from: '2023-02-01', to: '2023-02-28' }
      expect((await queryMetrics(h.db, spec)).data[0]!.visitors).toBe(107)
      await refreshRollups(h.db, [{ countyCode: '520523', months: ['2023-02-01'] }])
      expect((await queryMetrics(h.db, spec)).data[0]!.visitors).toBe(7)
    })

    it('count an opinion resolved without a reply date as replied on its resolution, in the facts and the rollups', async () => {
      // M, received 5 April, resolved 10 May with no reply date (答复 comes before 办结). April and May's cohort:
      // E (replied 2 May, resolved 3 May), F (replied 20 June) and M: by 31 May, E and M replied and resolved.
      await h.exec(`insert into opinions (id, county_code, township_code, station_id, register_no, received_on, channel, status, replied_on, resolved_on)
        values (90, '520523', '${T1}', 1, 'M', '2023-04-05', 'online', 'resolved', null, '2023-05-10')`)
      try {
        await refreshRollups(h.db, [{ countyCode: '520523', months: ['2023-04-01'] }])
        const ids = ['opinions_collected', 'opinions_replied', 'opinions_resolved', 'reply_rate']
        // The province from the rollups, the county and M's township (without F) from the facts.
        for (const [region, collected] of [
          ['52', 3],
          ['520523', 3],
          [T1, 2],
        ] as const) {
          const spec = { ids, region, from: '2023-04-01', to: '2023-05-31' }
          expect((await queryMetrics(h.db, spec)).data[0], region).toMatchObject({
            opinions_collected: collected,
            opinions_replied: 2,
            opinions_resolved: 2,
          })
          // Before its resolution, M is not replied yet.
          const april = (await queryMetrics(h.db, { ...spec, to: '2023-05-05' })).data[0]
          expect(april, region).toMatchObject({ opinions_replied: 1, opinions_resolved: 1 })
        }
        for (const [from, to] of periods) await expectRollupsEqualFacts(h.db, '5205', from, to)
      } finally {
        await h.exec('delete from opinion_events where opinion_id = 90; delete from opinions where id = 90')
        await refreshRollups(h.db, [{ countyCode: '520523', months: ['2023-04-01'] }])
      }
    })

    it('take the caller’s word on whether they are current (rollupsReady), as one answer of several queries asks once', async () => {
      await h.exec(
        `update rollup_receptions set visitors = visitors + 100 where area_code = '520523' and month = '2023-02-01'`,
      )
      try {
        const spec = { ids: ['visitors'], region: '520523', from: '2023-02-01', to: '2023-02-28' }
        expect((await queryMetrics(h.db, { ...spec, rollupsReady: false })).data[0]!.visitors).toBe(7)
        expect((await queryMetrics(h.db, { ...spec, rollupsReady: true })).data[0]!.visitors).toBe(107)
        expect(
          (await queryMetrics(h.db, { ...spec, rollupsReady: true, useRollups: false })).data[0]!.visitors,
        ).toBe(7)
      } finally {
        await refreshRollups(h.db, [{ countyCode: '520523', months: ['2023-02-01'] }])
      }
    })

    it('fall back to the facts when a writer forgot to refresh, and catch up incrementally', async () => {
      const before = await dataState(h.db, '520523')
      expect(before.rollupsCurrent).toBe(true)
      await h.exec(`insert into opinions (county_code, township_code, station_id, register_no, received_on, status, resolved_on)
        values ('520523', '${T1}', 1, 'G', '2023-05-20', 'resolved', '2023-05-22')`)
      const after = await dataState(h.db, '520523')
      expect(after.version).not.toBe(before.version)
      expect(after.rollupsCurrent).toBe(false)
      expect(await rollupsCurrent(h.db, '520523')).toBe(false)
      // …and so are the province's and the nation's, which hold the county.
      expect((await dataState(h.db, '52')).rollupsCurrent).toBe(false)
      expect((await dataState(h.db)).rollupsCurrent).toBe(false)
      const spec = { ids: ['opinions_collected'], region: '520523', from: '2023-05-01', to: '2023-05-31' }
      expect((await queryMetrics(h.db, spec)).data[0]!.opinions_collected).toBe(2)
      await h.db.transaction(async (tx) => {
        await tx.execute(
          sql.raw(`insert into receptions (county_code, township_code, station_id, occurred_on, visitors)
          values ('520523', '${T2}', 2, '2023-05-05', 3)`),
        )
        await refreshRollups(tx, [{ countyCode: '520523', months: ['2023-05-01'] }])
      })
      expect(await rollupsCurrent(h.db, '520523')).toBe(true)
      for (const [from, to] of periods) await expectRollupsEqualFacts(h.db, '520523', from, to)
    })

    it('answer the data state from a copy of the versions as the query does', async () => {
      // Other counties of the province, of another province, one stale, and the county's own rows as they are.
      await h.exec(`insert into data_versions (county_code, version, facts_version, rolled_up) values
        ('520626', 7, 3, 3), ('522301', 2, 5, 4), ('110101', 4, 1, 1)`)
      const regions = [null, 'CN', '52', '5205', '520523', '520523005', '5206', '11', '110101', '31']
      const expectSame = async () => {
        const copy = await countyVersions(h.db)
        for (const region of regions)
          expect(dataStateOf(copy, region), String(region)).toEqual(await dataState(h.db, region))
      }
      await expectSame()
      expect(dataStateOf(await countyVersions(h.db), '52').rollupsCurrent).toBe(false)
      expect(dataStateOf(await countyVersions(h.db), '11')).toEqual({ version: '4.1', rollupsCurrent: true })
      await refreshRollups(h.db, 'all')
      await expectSame()
      expect(dataStateOf(await countyVersions(h.db), '52').rollupsCurrent).toBe(true)
    })
  })
}
