// The scale generator's bulk path: rows in, and every index and constraint back as the migrations made them —
// also when the load fails halfway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle } from '../index.ts'
import { testEngines } from '../testing.ts'
import { withoutIndexes } from './bulk.ts'
import { generateScale } from './index.ts'

const schemaShape = (h: DbHandle) =>
  h.rows<{ def: string }>(
    `select indexdef as def from pg_indexes where schemaname = 'public'
     union all select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
     from pg_constraint where connamespace = 'public'::regnamespace order by 1`,
  )

for (const engine of testEngines()) {
  describe(`the scale generator on ${engine.name}`, () => {
    let h: DbHandle
    let migrated: { def: string }[]
    beforeAll(async () => {
      h = await engine.create()
      migrated = await schemaShape(h)
    })
    afterAll(() => h.close())

    it('puts the indexes and constraints back when the load fails', async () => {
      await expect(
        withoutIndexes(h, ['opinions', 'opinion_events'], async () => {
          expect((await schemaShape(h)).length).toBeLessThan(migrated.length)
          throw new Error('disk full')
        }),
      ).rejects.toThrow('disk full')
      expect(await schemaShape(h)).toEqual(migrated)
    })

    it('loads two synthetic counties without the indexes, then rebuilds them', async () => {
      const result = await generateScale(h, 'province', { limit: 2, countiesPerBatch: 1 })
      expect(result.counties).toBe(2)
      expect(result.rows.opinions).toBeGreaterThan(1000)
      expect(await schemaShape(h)).toEqual(migrated)
      const [dup] = await h.rows<{ n: number }>(
        'select count(*)::int as n from (select county_code, register_no from opinions group by 1, 2 having count(*) > 1) d',
      )
      expect(dup!.n).toBe(0)
    })
  })
}
