import type { RegionNode } from '@liaison/contracts'
import { type FilterState, first, latestFullYear, queryToState } from '@liaison/filters'
import { defaultRegion, pathTo } from './regions.ts'

type Query = Parameters<typeof queryToState>[0]

/** What a link asked for that the page could not show, and replaced (null: nothing). */
export interface Replaced {
  region: string | null
  period: string | null
}

/**
 * The scope a dashboard link opens with: its own region and period when the user may see them, else the user's
 * region (or the first county) and the latest full year — and what was replaced, for the page to say so.
 */
export function openingScope(
  query: Query,
  regions: RegionNode[],
  userRegion: string | null,
  today = new Date(),
): Pick<FilterState, 'region' | 'period' | 'compare'> & { replaced: Replaced } {
  const fromUrl = queryToState(query)
  const inScope = fromUrl.region && pathTo(regions, fromUrl.region).length > 0
  const asked = (value: Query[string]) => first(value) || null
  return {
    region: inScope ? fromUrl.region! : defaultRegion(regions, userRegion),
    period: fromUrl.period ?? latestFullYear(today),
    compare: fromUrl.compare ?? 'yoy',
    replaced: {
      region: inScope ? null : asked(query.region),
      period: fromUrl.period ? null : asked(query.period),
    },
  }
}
