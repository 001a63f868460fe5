import { nationCode, nationName, type RegionNode, regionCode } from '@liaison/contracts'
import type { Db } from '@liaison/db'
import { countyRange, regionPrefix, rowsOf } from '@liaison/metrics'
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
  // The counties with stations, and the provinces and cities that hold one. Each county is checked by one probe
  // of the stations' county index, and the provinces and cities without such a county are dropped afterwards. (A
  // LIKE of each region against each county took 6.1 s for the nation; a distinct over its 220,000 stations,
  // 66 ms; walking their county index one county at a time in a recursive query, 86 ms on a slow machine, where
  // this takes 45.)
  const rows = await rowsOf<RegionRow>(
    db,
    sql`select code, name, level, parent_code from regions r
        where ${countyRange('r', root ?? nationCode, 'code')}
          and (r.level in ('province', 'city')
            or (r.level = 'county' and exists (select 1 from stations s where s.county_code = r.code)))
        order by code`,
  )
  return holdingCounties(treeOf(rows, root))
}

/** The tree without the provinces and cities that hold no county. */
function holdingCounties(nodes: RegionNode[]): RegionNode[] {
  return nodes.flatMap((node) => {
    if (node.level === 'county') return [node]
    const children = holdingCounties(node.children)
    return children.length ? [{ ...node, children }] : []
  })
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
  /** With search: the region in view, whose counties are listed first. */
  near: regionCode.optional(),
})

/** At most this many counties answer a township search (a name like 城关镇 is in hundreds of them). */
const searchCounties = 10

/**
 * The counties inside `scope` (with stations) that have a township whose name contains `text`, each with all its
 * townships, for a picker above a county to search townships it has not loaded yet. The counties inside `near`
 * (the region in view) come first; `more` says that more than `limit` counties matched.
 */
export async function townshipSearch(
  db: Db,
  scope: string | null,
  text: string,
  near: string | null = null,
  limit = searchCounties,
): Promise<{ tree: RegionNode[]; more: boolean }> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const nearby = `${regionPrefix(near ?? nationCode).slice(0, 6)}%`
  // One statement: a county's tree per hit (scopeTree) took ≈ 100 ms each on the nation's regions.
  const rows = await rowsOf<RegionRow & { hits: number }>(
    db,
    sql`with matched as (
          select distinct left(r.code, 6) as county from regions r
          where r.level = 'township' and r.name like ${pattern}
            and left(r.code, 6) in (select county_code from stations where county_code like ${`${scope ?? ''}%`})),
        hits as (
          select county, row_number() over (order by county like ${nearby} desc, county) as rank from matched
          order by rank limit ${limit + 1}),
        listed as (select county from hits where rank <= ${limit})
        select code, name, level, parent_code, (select count(*) from hits)::int as hits from regions r
        where r.code in (select county from listed)
           or (r.level = 'township' and left(r.code, 6) in (select county from listed))
        order by code`,
  )
  return { tree: treeOf(rows, null), more: (rows[0]?.hits ?? 0) > limit }
}

export const regionRoutes = new Hono<AppEnv>().get('/regions', validate('query', regionsQuery), async (c) => {
  const { within, search, near } = c.req.valid('query')
  // One county with its townships (a link to a township, the county in view).
  if (within) {
    assertInScope(c, within)
    return answer(c, { tree: await scopeTree(c.get('figures'), within) })
  }
  const scope = readableRegion(c.get('user'))
  // Counties (with their townships) where a township's name matches: the picker's search above a county.
  if (search) return answer(c, await townshipSearch(c.get('figures'), scope, search, near ?? null))
  const tree = await scopeTree(c.get('figures'), scope)
  // Whoever may read everything reads the nation too: its provinces hang under 全国.
  if (scope !== null) return answer(c, { tree })
  return answer(c, { tree: [{ code: nationCode, name: nationName.zh, level: 'nation', children: tree }] })
})
