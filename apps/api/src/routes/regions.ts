import { nationCode, nationName, type RegionNode } from '@liaison/contracts'
import type { Db } from '@liaison/db'
import { countyRange, rowsOf } from '@liaison/metrics'
import { sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { assertInScope, readableRegion } from '../auth/middleware.ts'
import { answer } from '../cache.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'

export async function regionName(db: Db, code: string | null): Promise<string | null> {
  if (!code) return null
  const [row] = await rowsOf<{ name: string }>(db, sql`select name from regions where code = ${code}`)
  return row?.name ?? null
}

/**
 * The region tree inside the user's scope; above a county only counties with stations. From a county down it
 * reaches the townships; above, it stops at the counties (their townships come with `?within=<county>`): the
 * whole country's 38,000 townships were 3.3 MB of JSON that every national user's first view waited for.
 */
async function scopeTree(db: Db, root: string | null): Promise<RegionNode[]> {
  // A county and its townships (or a township alone), by the parent index: walking every region for the counties
  // with stations took 46 ms on one county's database and 88 ms on the nation's.
  if (root !== null && root.length >= 6) {
    const rows = await rowsOf<RegionRow>(
      db,
      sql`select code, name, level, parent_code from regions
          where code = ${root} or (level = 'township' and parent_code = ${root}) order by code`,
    )
    return treeOf(rows, root)
  }
  // The counties with stations and their cities and provinces (the first 4 and 2 digits of a county's code). A
  // LIKE of each region against each county took 6.1 s for the nation's 44,700 regions and 2,978 counties. The
  // counties come one index probe each, the next code after the last (a distinct over the nation's 220,000
  // stations read them all: 66 ms against 30).
  const inScope = countyRange('s', root ?? nationCode)
  const rows = await rowsOf<RegionRow>(
    db,
    sql`with recursive next_county(code) as (
          (select s.county_code from stations s where ${inScope} order by 1 limit 1)
          union all
          select (select s.county_code from stations s where s.county_code > c.code and ${inScope} order by 1 limit 1)
          from next_county c where c.code is not null),
        counties as (select code from next_county where code is not null),
        wanted as (select code from counties union select left(code, 4) from counties
          union select left(code, 2) from counties)
        select code, name, level, parent_code from regions r
        where r.level <> 'village' and r.code in (select code from wanted)
        order by code`,
  )
  return treeOf(rows, root)
}

type RegionRow = { code: string; name: string; level: string; parent_code: string | null }

/** Rows in code order as a tree: each under its parent when the parent is there too; `root`'s subtree only. */
function treeOf(rows: RegionRow[], root: string | null): RegionNode[] {
  const nodes = new Map(
    rows.map((r) => [r.code, { code: r.code, name: r.name, level: r.level, children: [] as RegionNode[] }]),
  )
  const top: RegionNode[] = []
  for (const r of rows) {
    const node = nodes.get(r.code)!
    const parent = r.parent_code ? nodes.get(r.parent_code) : undefined
    if (parent && (!root || r.code !== root)) parent.children.push(node)
    else if (!root || r.code === root) top.push(node)
  }
  return root ? top.filter((n) => n.code === root) : top
}

const regionsQuery = z.object({
  within: z
    .string()
    .regex(/^\d{6}$/, '应为六位县级代码 / A six-digit county code')
    .optional(),
  search: z.string().trim().min(1, '请输入乡镇名称 / Type part of a township name').max(20).optional(),
})

/** At most this many counties answer a township search (a name like 城关镇 is in hundreds of them). */
const searchCounties = 10

/**
 * The counties inside `scope` (with stations) that have a township whose name contains `text`, each with all its
 * townships, for a picker above a county to search townships it has not loaded yet.
 */
async function townshipSearch(db: Db, scope: string | null, text: string): Promise<RegionNode[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  // One statement: a county's tree per hit (scopeTree) took ≈ 100 ms each on the nation's regions.
  const rows = await rowsOf<RegionRow>(
    db,
    sql`with hits as (
          select distinct left(r.code, 6) as county from regions r
          where r.level = 'township' and r.name like ${pattern}
            and left(r.code, 6) in (select county_code from stations where county_code like ${`${scope ?? ''}%`})
          order by 1 limit ${searchCounties})
        select code, name, level, parent_code from regions r
        where r.code in (select county from hits)
           or (r.level = 'township' and left(r.code, 6) in (select county from hits))
        order by code`,
  )
  return treeOf(rows, null)
}

export const regionRoutes = new Hono<AppEnv>().get('/regions', validate('query', regionsQuery), async (c) => {
  const { within, search } = c.req.valid('query')
  // One county with its townships (a link to a township, the county in view).
  if (within) {
    assertInScope(c, within)
    return answer(c, { tree: await scopeTree(c.get('figures'), within) })
  }
  const scope = readableRegion(c.get('user'))
  // Counties (with their townships) where a township's name matches: the picker's search above a county.
  if (search) return answer(c, { tree: await townshipSearch(c.get('figures'), scope, search) })
  const tree = await scopeTree(c.get('figures'), scope)
  // Whoever may read everything reads the nation too: its provinces hang under 全国.
  if (scope !== null) return answer(c, { tree })
  return answer(c, { tree: [{ code: nationCode, name: nationName.zh, level: 'nation', children: tree }] })
})
