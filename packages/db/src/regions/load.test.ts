import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle } from '../index.ts'
import { testEngines } from '../testing.ts'
import { countryDivisions } from './division.ts'
import { loadRegions } from './load.ts'

for (const engine of testEngines()) {
  describe(`loadRegions on ${engine.name}`, () => {
    let h: DbHandle
    beforeAll(async () => {
      h = await engine.create()
    })
    afterAll(() => h.close())

    it('puts back what is missing, with its names and parents, and nothing twice', async () => {
      // A county of the country, with no facts, taken out with its townships (children first).
      const county = countryDivisions().find((r) => r.level === 'county' && r.code.startsWith('5206'))!
      const removed = await h.rows<{ n: number }>(
        `with gone as (delete from regions where code like $1 || '%' and code <> $1 returning 1)
         select count(*)::int as n from gone`,
        [county.code],
      )
      await h.rows('delete from regions where code = $1 returning 1', [county.code])
      expect(removed[0]!.n).toBeGreaterThan(0)

      const { inserted } = await loadRegions(h)
      expect(inserted).toBe(removed[0]!.n + 1)
      const [row] = await h.rows<{ name: string; level: string; parent_code: string | null }>(
        'select name, level, parent_code from regions where code = $1',
        [county.code],
      )
      expect(row).toEqual({ name: county.name, level: 'county', parent_code: county.parentCode })
      const [top] = await h.rows<{ parent_code: string | null }>(
        `select parent_code from regions where level = 'province' limit 1`,
      )
      expect(top!.parent_code).toBeNull()

      expect((await loadRegions(h)).inserted).toBe(0)
    })
  })
}
