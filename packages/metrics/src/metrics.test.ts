// Hand-computed expectations on a small fixture, on both engines.
import type { DbHandle } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { completenessDay, stationCompleteness } from './completeness.ts'
import { buildNarrative } from './narrative.ts'
import { queryMetrics } from './query.ts'

const T1 = '520523005' // 民兴街道
const T2 = '520523004' // 鼓场街道

async function fixture(h: DbHandle) {
  await h.exec(`
    insert into stations (id, county_code, township_code, code, name, kind, status, built_on, standardised_on,
      has_venue, has_signage, has_equipment, has_info, has_rules, has_archives, has_records) values
      (1, '520523', '${T1}', 'S1', '一号站', 'station', 'standardised', '2020-01-01', '2023-05-01', true, true, true, true, true, true, true),
      (2, '520523', '${T2}', 'S2', '二号室', 'room', 'built', '2023-07-01', null, true, false, true, true, true, true, true);
    insert into county_settings (county_code, timely_limit_days) values ('520523', 10);
    insert into plans (county_code, year, stations_target, rooms_target, reportback_share, fund_budget) values
      ('520523', 2023, 1, 1, 0.3, 100000), ('520523', 2024, 2, 2, 0.3, 100000);
    insert into receptions (county_code, township_code, station_id, occurred_on, visitors, deputy_attendances) values
      ('520523', '${T1}', 1, '2022-03-01', 4, 1),
      ('520523', '${T1}', 1, '2023-03-01', 5, 2), ('520523', '${T1}', 1, '2023-03-15', 0, 1),
      ('520523', '${T2}', 2, '2023-08-01', 7, 3), ('520523', '${T2}', 2, '2024-01-01', 9, 1);
    insert into opinions (county_code, township_code, station_id, register_no, received_on, channel, status, replied_on, resolved_on, evaluation) values
      ('520523', '${T1}', 1, 'A', '2023-01-10', 'online', 'resolved', '2023-01-12', '2023-01-15', 'satisfied'),
      ('520523', '${T1}', 1, 'B', '2023-02-01', 'visit', 'resolved', '2023-03-01', '2023-03-01', 'unsatisfied'),
      ('520523', '${T2}', 2, 'C', '2023-12-20', 'visit', 'resolved', '2024-01-05', '2024-01-05', 'basic'),
      ('520523', '${T2}', 2, 'D', '2023-11-01', 'phone', 'handling', null, null, null),
      ('520523', '${T1}', 1, 'E', '2022-05-01', 'visit', 'resolved', '2022-05-03', '2022-05-03', null);
    insert into micro_projects (county_code, township_code, code, name, allocated, spent, status, approved_on, completed_on) values
      ('520523', '${T1}', 'P1', '路', 30000, 15000, 'in_progress', '2023-04-01', null),
      ('520523', '${T2}', 'P2', '水', 10000, 10000, 'completed', '2023-05-01', '2024-02-20'),
      ('520523', '${T2}', 'P3', '灯', 50000, 0, 'cancelled', '2023-06-01', null);
    insert into deputies (id, county_code, township_code, station_id, code, name, level) values
      (1, '520523', '${T1}', 1, 'D1', '甲', 'county'), (2, '520523', '${T2}', 2, 'D2', '乙', 'township'),
      (3, '520523', '${T2}', null, 'D3', '丙', 'township'), (4, '520523', '${T1}', 1, 'D4', '丁', 'city');
    insert into reportbacks (county_code, township_code, deputy_id, held_on) values
      ('520523', '${T1}', 1, '2023-06-01'), ('520523', '${T2}', 2, '2024-06-01'), ('520523', '${T1}', 4, '2022-06-01');`)
}

const y2023 = { region: '520523', from: '2023-01-01', to: '2023-12-31' }

for (const engine of testEngines()) {
  describe(`metrics on ${engine.name}`, () => {
    let h: DbHandle
    beforeAll(async () => {
      h = await engine.create()
      await fixture(h)
    })
    afterAll(() => h.close())
    const one = async (ids: string[], extra: object = {}) =>
      (await queryMetrics(h.db, { ...y2023, ids, ...extra })).data[0]!

    it('fails a comparison it cannot date as one rejection, leaving no query behind unawaited', async () => {
      const unhandled: unknown[] = []
      const note = (reason: unknown) => unhandled.push(reason)
      process.on('unhandledRejection', note)
      try {
        // The year 1000 compared year on year asks for the year 999, which no date function reads (the API refuses
        // such periods: contracts' periodDay). Read as from current rollups, the flows' promises reject and the
        // deputies throw before returning theirs: left unawaited, those rejections ended the API's process.
        const ids = ['receptions', 'opinions_collected', 'projects', 'deputies_total']
        const period = { from: '1000-01-01', to: '1000-12-31', compare: 'yoy' as const }
        const spec = { region: '520523', ...period, ids, useRollups: true, rollupsReady: true }
        await expect(queryMetrics(h.db, spec)).rejects.toThrow(RangeError)
        await new Promise((resolve) => setTimeout(resolve, 50))
      } finally {
        process.off('unhandledRejection', note)
      }
      expect(unhandled).toEqual([])
    })

    it('counts receptions in the period', async () => {
      expect(await one(['receptions', 'visitors', 'deputy_attendances'])).toMatchObject({
        receptions: 3,
        visitors: 12,
        deputy_attendances: 6,
      })
    })

    it('computes the opinion funnel as at the period end', async () => {
      const r = await one([
        'opinions_collected',
        'opinions_replied',
        'opinions_resolved',
        'resolution_rate',
        'reply_rate',
        'timely_rate',
        'backlog',
        'overdue',
        'median_days_to_resolve',
      ])
      // Collected A B C D; resolved by 31 Dec: A (5 days), B (28 days); C resolves in 2024.
      expect(r).toMatchObject({
        opinions_collected: 4,
        opinions_replied: 2,
        opinions_resolved: 2,
        resolution_rate: 0.5,
        reply_rate: 0.5,
      })
      expect(r.timely_rate).toBe(0.5) // only A within the 10-day limit
      expect(r.median_days_to_resolve).toBe(16.5)
      expect(r.backlog).toBe(2) // C and D were open on 31 Dec
      expect(r.overdue).toBe(2) // D: 60 days; C: 11 days > 10
    })

    it('rates satisfaction over the evaluated among the resolved', async () => {
      const r = await one([
        'opinions_evaluated',
        'satisfaction_rate',
        'strict_satisfaction_rate',
        'evaluated_share',
      ])
      expect(r).toMatchObject({
        opinions_evaluated: 2,
        satisfaction_rate: 0.5,
        strict_satisfaction_rate: 0.5,
        evaluated_share: 1,
      })
    })

    it('sums funding without cancelled projects and against the budget', async () => {
      const r = await one([
        'projects',
        'funds_allocated',
        'funds_spent',
        'fund_execution_rate',
        'funds_budget',
        'fund_budget_share',
      ])
      expect(r).toMatchObject({
        projects: 2,
        funds_allocated: 40000,
        funds_spent: 25000,
        fund_execution_rate: 0.625,
        funds_budget: 100000,
        fund_budget_share: 0.4,
      })
    })

    it('counts a project completed as at the period end, and its status then', async () => {
      // P2, approved in May 2023, was completed in February 2024: in progress at the end of 2023.
      expect(await one(['projects', 'projects_completed', 'project_completion_rate'])).toMatchObject({
        projects: 2,
        projects_completed: 0,
        project_completion_rate: 0,
      })
      const through2024 = {
        region: '520523',
        from: '2023-01-01',
        to: '2024-12-31',
        ids: ['projects_completed', 'project_completion_rate'],
      }
      // P1 and P2 approved (P3 cancelled), P2 completed: 1 of 2.
      expect((await queryMetrics(h.db, through2024)).data[0]).toMatchObject({
        projects_completed: 1,
        project_completion_rate: 0.5,
      })
      const statuses = await queryMetrics(h.db, {
        ...y2023,
        ids: ['projects', 'funds_allocated'],
        by: 'status',
      })
      // P3, cancelled, is in none of the figures: no row of zeros for it.
      expect(statuses.data.map((r) => [r.status, r.projects, r.funds_allocated])).toEqual([
        ['in_progress', 2, 40000],
      ])
    })

    it('reads from the plans only the figures asked for, each as when asked with the others', async () => {
      expect(await one(['fund_budget_share'])).toMatchObject({ fund_budget_share: 0.4 })
      expect(await one(['station_coverage_rate'])).toMatchObject({ station_coverage_rate: 0.25 })
      const alone = await one(['reportback_target_rate'])
      const together = await one(['reportback_rate', 'reportback_target_rate', 'funds_budget'])
      expect(alone.reportback_target_rate).toBe(together.reportback_target_rate)
      expect(alone.reportback_target_rate).not.toBeNull()
    })

    it('rates plan coverage for each county or city above a county, as the county itself does', async () => {
      // Stations and rooms standardised (1) ÷ the county's latest plan (4), whichever region lists it as an area.
      for (const [region, area] of [
        ['5205', '520523'],
        ['52', '5205'],
        ['CN', '52'],
      ] as const) {
        const { data } = await queryMetrics(h.db, {
          ...y2023,
          region,
          ids: ['station_coverage_rate'],
          by: 'area',
        })
        expect(
          data.find((r) => r.area === area),
          region,
        ).toMatchObject({ station_coverage_rate: 0.25 })
      }
    })

    it('counts stations, coverage and the seven-item standard at the period end', async () => {
      const r = await one([
        'stations_built',
        'stations_standardised',
        'stations_standardised_planned',
        'stations_planned',
        'station_coverage_rate',
        'seven_standard_rate',
        'townships_covered_rate',
      ])
      expect(r).toMatchObject({
        stations_built: 2,
        stations_standardised: 1,
        stations_standardised_planned: 1,
        stations_planned: 4,
        station_coverage_rate: 0.25,
        seven_standard_rate: 0.5,
      })
      expect(r.townships_covered_rate).toBeCloseTo(1 / 26, 12) // one of 金沙县's 26 townships has a 联络站
    })

    it('measures each of the seven items over the stations built by the period end', async () => {
      const ids = ['seven_venue_rate', 'seven_signage_rate', 'seven_records_rate']
      // 2023: both built, the room without signage; 2022: only the station, which has all seven.
      expect(await one(ids)).toMatchObject({
        seven_venue_rate: 1,
        seven_signage_rate: 0.5,
        seven_signage_rate__base: 2,
        seven_records_rate: 1,
      })
      expect(await one(ids, { from: '2022-01-01', to: '2022-12-31' })).toMatchObject({
        seven_signage_rate: 1,
        seven_signage_rate__base: 1,
      })
    })

    it('gives coverage per kind against the plan’s stations and rooms apart', async () => {
      const { data } = await queryMetrics(h.db, {
        ...y2023,
        by: 'kind',
        ids: ['stations_built', 'stations_standardised', 'stations_planned', 'station_coverage_rate'],
      })
      // The latest plan (2024) sets 2 联络站 and 2 联络室; by 2023 the station is standardised, the room built only.
      expect(data).toEqual([
        expect.objectContaining({
          kind: 'room',
          stations_built: 1,
          stations_standardised: 0,
          stations_planned: 2,
          station_coverage_rate: 0,
        }),
        expect.objectContaining({
          kind: 'station',
          stations_built: 1,
          stations_standardised: 1,
          stations_planned: 2,
          station_coverage_rate: 0.5,
        }),
      ])
      // A township has no plan of its own.
      const town = await queryMetrics(h.db, { ...y2023, region: T1, by: 'kind', ids: ['stations_planned'] })
      expect(town.data).toEqual([expect.objectContaining({ kind: 'station', stations_planned: null })])
    })

    it('gives 0 % for a planned kind with nothing registered, and no plan for a kind whose target is blank', async () => {
      // 大方县: a plan of 5 联络站 and no 联络室 target, and no stations registered.
      await h.exec(
        `insert into plans (county_code, year, stations_target, rooms_target) values ('520521', 2023, 5, null)`,
      )
      const { data } = await queryMetrics(h.db, {
        ...y2023,
        region: '520521',
        by: 'kind',
        ids: ['stations_planned', 'station_coverage_rate'],
      })
      expect(data).toEqual([
        expect.objectContaining({ kind: 'station', stations_planned: 5, station_coverage_rate: 0 }),
      ])
    })

    it('groups stations by their status at the period end, not the register’s today', async () => {
      // End of 2022: the station (standardised in 2023) was built only; the room (built in 2023) not yet built.
      const { data } = await queryMetrics(h.db, {
        region: '520523',
        from: '2022-01-01',
        to: '2022-12-31',
        by: 'status',
        ids: ['stations_built', 'stations_standardised'],
      })
      expect(data).toEqual([
        expect.objectContaining({ status: 'building', stations_built: 0, stations_standardised: 0 }),
        expect.objectContaining({ status: 'built', stations_built: 1, stations_standardised: 0 }),
      ])
      const now = await queryMetrics(h.db, { ...y2023, by: 'status', ids: ['stations_built'] })
      expect(now.data.map((r) => [r.status, r.stations_built])).toEqual([
        ['built', 1],
        ['standardised', 1],
      ])
    })

    it('groups opinions by their status at the period end, not the register’s today', async () => {
      // F: replied in 2023, resolved in 2024; G: replied, the register giving no date. At the end of 2023: A and B
      // resolved, F and G replied, C (replied and resolved in 2024) and D in handling; the register says C and F are
      // resolved today.
      await h.exec(`insert into opinions (id, county_code, township_code, station_id, register_no, received_on, channel, status, replied_on, resolved_on)
        values (99, '520523', '${T2}', 2, 'F', '2023-06-01', 'visit', 'resolved', '2023-06-10', '2024-02-01'),
          (98, '520523', '${T2}', 2, 'G', '2023-07-01', 'visit', 'replied', null, null)`)
      try {
        const { data } = await queryMetrics(h.db, {
          ...y2023,
          by: 'status',
          ids: ['opinions_collected', 'backlog'],
        })
        expect(data.map((r) => [r.status, r.opinions_collected, r.backlog])).toEqual([
          ['handling', 2, 2],
          ['replied', 2, 2],
          ['resolved', 2, 0],
        ])
        // Mid-February 2023: A resolved; B (received 1 February, replied 1 March) in handling.
        const early = await queryMetrics(h.db, {
          region: '520523',
          from: '2023-01-01',
          to: '2023-02-15',
          by: 'status',
          ids: ['opinions_collected'],
        })
        expect(early.data.map((r) => [r.status, r.opinions_collected])).toEqual([
          ['handling', 1],
          ['resolved', 1],
        ])
      } finally {
        await h.exec(
          'delete from opinion_events where opinion_id in (98, 99); delete from opinions where id in (98, 99);',
        )
      }
    })

    it('counts activities per station built a month', async () => {
      // 2023: 3 activities, 2 stations built by 31 December, 12 months; March 2023: 2 activities, 1 built.
      expect(await one(['receptions_per_station'])).toMatchObject({ receptions_per_station: 3 / 2 / 12 })
      const march = { from: '2023-03-01', to: '2023-03-31' }
      expect(await one(['receptions_per_station'], march)).toMatchObject({ receptions_per_station: 2 })
      // Compared with the month before (February: no activity, 1 built): 0 a month.
      const r = await one(['receptions_per_station'], { ...march, compare: 'mom' })
      expect(r.receptions_per_station__previous).toBe(0)
    })

    it('counts deputies per station built: those covered ÷ stations and rooms built', async () => {
      // 2023: deputies 1 and 4 at the station, 2 at the room built in July → 3 over 2; 2022: 2 over the one station.
      expect(await one(['deputies_per_station'])).toMatchObject({ deputies_per_station: 1.5 })
      expect(await one(['deputies_per_station'], { from: '2022-01-01', to: '2022-12-31' })).toMatchObject({
        deputies_per_station: 2,
      })
    })

    it('does not count deputies at an online station as covered: it has no premises, so it is never built', async () => {
      await h.exec(`
        insert into stations (id, county_code, township_code, code, name, kind, status, built_on) values
          (3, '520523', '${T1}', 'S3', '网上联络站', 'online', 'built', '2021-01-01');
        insert into deputies (id, county_code, township_code, station_id, code, name, level) values
          (5, '520523', '${T1}', 3, 'D5', '戊', 'township');`)
      try {
        expect(
          await one(['deputies_total', 'deputies_covered', 'stations_built', 'deputies_per_station']),
        ).toMatchObject({
          deputies_total: 5,
          deputies_covered: 3,
          stations_built: 2,
          deputies_per_station: 1.5,
        })
      } finally {
        await h.exec('delete from deputies where id = 5; delete from stations where id = 3;')
      }
    })

    it('computes deputy coverage and report-back completion in the term window', async () => {
      const r = await one([
        'deputies_total',
        'deputies_covered',
        'deputy_coverage_rate',
        'reportback_done',
        'reportback_rate',
        'reportback_target_rate',
      ])
      // The 2022 report-back is before the window (2023-01-01); D2's is in 2024.
      expect(r).toMatchObject({
        deputies_total: 4,
        deputies_covered: 3,
        deputy_coverage_rate: 0.75,
        reportback_done: 1,
        reportback_rate: 0.25,
        reportback_target_rate: 0.3,
      })
      expect(
        (await one(['reportback_rate', 'reportback_target_rate'], { to: '2024-12-31' }))
          .reportback_target_rate,
      ).toBeCloseTo(0.6, 10)
      // Before the window opens, this term's deputies are not yet required to report: no rate, not 0 %.
      const before = await one(['reportback_required', 'reportback_done', 'reportback_rate'], {
        from: '2022-01-01',
        to: '2022-12-31',
      })
      expect(before).toMatchObject({ reportback_required: 0, reportback_done: 0, reportback_rate: null })
      // A township has no plan of its own, but the share its county sets applies to its deputies; the county's
      // station and budget targets do not.
      const township = await one(['reportback_target_rate', 'stations_planned', 'funds_budget'], {
        region: T1,
      })
      expect(township).toMatchObject({
        reportback_target_rate: 0.3,
        stations_planned: null,
        funds_budget: null,
      })
    })

    it('compares year on year: counts relatively, rates in points, a zero base gives null', async () => {
      const r = await one(['receptions', 'resolution_rate', 'projects'], { compare: 'yoy' })
      expect(r.receptions__previous).toBe(1)
      expect(r.receptions__change).toBe(2) // 3 vs 1: +200%
      expect(r.resolution_rate__previous).toBe(1) // 2022: E resolved
      expect(r.resolution_rate__change).toBe(-0.5)
      expect(r.projects__previous).toBe(0)
      expect(r.projects__change).toBeNull()
    })

    it('compares each month or year of a range longer than a year with its own a year earlier', async () => {
      // 2022–2023: receptions in March 2022 (1), March 2023 (2) and August 2023 (1).
      const span = {
        region: '520523',
        from: '2022-01-01',
        to: '2023-12-31',
        ids: ['receptions'],
        compare: 'yoy' as const,
      }
      const byMonth = (await queryMetrics(h.db, { ...span, by: 'month' })).data
      expect(byMonth.find((r) => r.month === '2023-03')).toMatchObject({
        receptions: 2,
        receptions__previous: 1,
        receptions__change: 1,
      })
      // 2021 has no rows: no bucket a year earlier to compare with, as in any breakdown by month.
      expect(byMonth.find((r) => r.month === '2022-03')).toMatchObject({
        receptions: 1,
        receptions__previous: null,
      })
      const byYear = (await queryMetrics(h.db, { ...span, by: 'year' })).data
      expect(byYear.map((r) => [r.year, r.receptions, r.receptions__previous])).toEqual([
        ['2022', 1, null],
        ['2023', 3, 1],
      ])
    })

    it('breaks down by township with names, every township listed', async () => {
      const { data } = await queryMetrics(h.db, {
        ...y2023,
        ids: ['receptions', 'resolution_rate'],
        by: 'township',
      })
      expect(data).toHaveLength(26)
      expect(data.find((r) => r.township === T1)).toMatchObject({
        township_name: '民兴街道',
        receptions: 2,
        resolution_rate: 1,
      })
      expect(data.find((r) => r.township === T2)).toMatchObject({
        township_name: '鼓场街道',
        receptions: 1,
        resolution_rate: 0,
      })
      expect(data.find((r) => r.township === '520523001')).toMatchObject({
        receptions: 0,
        resolution_rate: null,
      })
    })

    it('breaks down by month inside the period only, and narrows to a township scope', async () => {
      const { data } = await queryMetrics(h.db, { ...y2023, ids: ['receptions', 'backlog'], by: 'month' })
      // Opinions arrived in Jan, Feb, Nov, Dec; receptions in Mar and Aug; the 2022 backlog item stays out.
      expect(data.map((r) => r.month)).toEqual([
        '2023-01',
        '2023-02',
        '2023-03',
        '2023-08',
        '2023-11',
        '2023-12',
      ])
      expect(data.find((r) => r.month === '2023-03')).toMatchObject({ receptions: 2, backlog: 0 })
      expect(data.find((r) => r.month === '2023-11')).toMatchObject({ receptions: 0, backlog: 1 })
      expect((await one(['receptions'], { region: T2 })).receptions).toBe(1)
    })

    it('tells which stations filed in the last month, whose registers are stale, and the share on time', async () => {
      // In township-code order (鼓场街道 before 民兴街道). 31 Dec 2023: 二号室's latest entry is opinion C of 20 December
      // (its 2024 reception is after the period); 一号站's is the reception of 15 March (stale: before 1 Nov).
      const december = await stationCompleteness(h.db, '520523', '2023-01-01', '2023-12-31')
      expect(december).toMatchObject({ month: '2023-12', staleDays: 60, onTimeRate: 0.5 })
      const station2 = { id: 2, name: '二号室', township: T2, township_name: '鼓场街道' }
      const station1 = { id: 1, name: '一号站', township: T1, township_name: '民兴街道' }
      expect(december!.stations).toEqual([
        { ...station2, last_filed: '2023-12-20', filed_in_month: true, stale: false },
        { ...station1, last_filed: '2023-03-15', filed_in_month: false, stale: true },
      ])
      // 30 June: 二号室 is not built yet (1 July), so only 一号站 counts, and it filed nothing in June.
      const june = await stationCompleteness(h.db, '520523', '2023-01-01', '2023-06-30')
      expect(june!.stations.map((s) => s.id)).toEqual([1])
      expect(june!.onTimeRate).toBe(0)
      // A township lists its own stations; above a county there is no station list.
      expect(
        (await stationCompleteness(h.db, T2, '2023-01-01', '2023-12-31'))!.stations.map((s) => s.id),
      ).toEqual([2])
      expect(await stationCompleteness(h.db, '5205', '2023-01-01', '2023-12-31')).toBeNull()
      // While 2023 runs (today 10 July), its last whole month is June, as at 30 June; a month just begun, or a
      // period not yet begun, has none.
      const running = await stationCompleteness(h.db, '520523', '2023-01-01', '2023-12-31', '2023-07-10')
      expect(running).toMatchObject({ month: '2023-06', onTimeRate: 0 })
      expect(await stationCompleteness(h.db, '520523', '2023-07-01', '2023-07-31', '2023-07-10')).toBeNull()
      expect(await stationCompleteness(h.db, '520523', '2024-01-01', '2024-03-31', '2023-07-10')).toBeNull()
      expect(completenessDay('2023-01-01', '2023-12-31', '2024-01-01')).toBe('2023-12-31')
      expect(completenessDay('2023-01-01', '2023-03-31', '2023-03-01')).toBe('2023-02-28')
    })

    it('writes the English paragraph in the singular where a count is one', async () => {
      const today = '2026-01-01'
      // January 2024: one reception (9 visitors); D, received in 2023, open at the month's end.
      const january = (
        await buildNarrative(h.db, { region: '520523', from: '2024-01-01', to: '2024-01-31', today })
      ).en
      expect(january).toContain('held 1 reception or visit activity,')
      expect(january).toContain('received 9 people, collected 0 opinions')
      expect(january).toContain(
        "At the period's end, 1 opinion was still open, received before the period, 1 overdue.",
      )
      // April 2023: one project (P1), and station 1 standardised before the month's end.
      const april = (
        await buildNarrative(h.db, { region: '520523', from: '2023-04-01', to: '2023-04-30', today })
      ).en
      expect(april).toContain('1 micro-project was funded with')
      expect(april).not.toMatch(/\b1 (micro-projects|opinions|people|stations)\b/)
    })
  })
}
