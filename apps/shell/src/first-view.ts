import type { RegionNode } from '@liaison/contracts'
import { type FilterState, latestFullYear, queryToState } from '@liaison/filters'
import { defaultRegion, pathTo } from './regions.ts'

type Query = Parameters<typeof queryToState>[0]

/**
 * The scope a dashboard link opens with: its own region and period when the user may see them, else the user's
 * region (or the first county) and the latest full year.
 */
export function openingScope(
  query: Query,
  regions: RegionNode[],
  userRegion: string | null,
  today = new Date(),
): Pick<FilterState, 'region' | 'period' | 'compare'> {
  const fromUrl = queryToState(query)
  const inScope = fromUrl.region && pathTo(regions, fromUrl.region).length > 0
  return {
    region: inScope ? fromUrl.region! : defaultRegion(regions, userRegion),
    period: fromUrl.period ?? latestFullYear(today),
    compare: fromUrl.compare ?? 'yoy',
  }
}
