import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle } from './index.ts'
import { opinions, receptions, regions, stations } from './schema/index.ts'
import { testEngines } from './testing.ts'

for (const engine of testEngines()) {
  describe(`schema on ${engine.name}`, () => {
    let h: DbHandle
    let stationId: number
    beforeAll(async () => {
      h = await engine.create()
      const [row] = await h.db
        .insert(stations)
        .values({
          countyCode: '520523',
          townshipCode: '520523005',
          code: 'T1',
          name: '测试站',
          kind: 'station',
          status: 'built',
        })
        .returning({ id: stations.id })
      stationId = row!.id
    })
    afterAll(() => h.close())

    it('has the region tree with real names', async () => {
      const rows = await h.db.select().from(regions).where(sql`${regions.code} in ('520523', '520523005')`)
      expect(Object.fromEntries(rows.map((r) => [r.code, r.name]))).toEqual({
        '520523': '金沙县',
        '520523005': '民兴街道',
      })
    })

    const base = () => ({
      countyCode: '520523',
      townshipCode: '520523005',
      stationId,
      occurredOn: '2023-06-14',
    })
    const refused = (p: Promise<unknown>) => expect(p).rejects.toThrow()

    it('refuses a negative count', () => refused(h.db.insert(receptions).values({ ...base(), visitors: -1 })))
    it('refuses an unknown reception kind', () =>
      refused(h.db.insert(receptions).values({ ...base(), kind: 'party' })))
    it('refuses a station outside its county', () =>
      refused(h.db.insert(receptions).values({ ...base(), townshipCode: '520626101' })))
    it('refuses an unknown station', () =>
      refused(h.db.insert(receptions).values({ ...base(), stationId: 999_999 })))
    it('accepts a valid reception', async () => {
      const [row] = await h.db
        .insert(receptions)
        .values({ ...base(), visitors: 3 })
        .returning()
      expect(row?.visitors).toBe(3)
    })

    const opinion = (extra: Partial<typeof opinions.$inferInsert>) => ({
      countyCode: '520523',
      townshipCode: '520523005',
      stationId,
      registerNo: `R-${Math.random()}`,
      receivedOn: '2023-03-01',
      ...extra,
    })
    it('refuses a resolution before the opinion was received', () =>
      refused(h.db.insert(opinions).values(opinion({ status: 'resolved', resolvedOn: '2023-02-01' }))))
    it('refuses an evaluation of an unresolved opinion', () =>
      refused(h.db.insert(opinions).values(opinion({ evaluation: 'satisfied' }))))
    it('refuses a resolved status without a date', () =>
      refused(h.db.insert(opinions).values(opinion({ status: 'resolved' }))))
    it('refuses a duplicate register number in one county', async () => {
      await h.db.insert(opinions).values(opinion({ registerNo: 'DUP-1' }))
      await refused(h.db.insert(opinions).values(opinion({ registerNo: 'DUP-1' })))
    })
    it('keeps the audit log append-only', async () => {
      await h.exec(`insert into audit_log (action) values ('test')`)
      await refused(h.exec(`update audit_log set action = 'changed'`))
      await refused(h.exec('delete from audit_log'))
    })
  })
}
