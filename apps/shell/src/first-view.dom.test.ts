import type { RegionNode } from '@liaison/contracts'
import { describe, expect, it } from 'vitest'
import { openingScope } from './first-view.ts'

const node = (code: string, level: RegionNode['level'], children: RegionNode[] = []) =>
  ({ code, name: code, level, children }) as RegionNode
const tree = [node('5205', 'city', [node('520523', 'county', [node('520523100', 'township')])])]
const today = new Date('2026-03-01')

describe('the scope a dashboard link opens with', () => {
  it("keeps the link's region, period and comparison when the user may see them", () => {
    expect(
      openingScope({ region: '520523100', period: '2024-Q2', compare: 'mom' }, tree, '520523', today),
    ).toEqual({
      region: '520523100',
      period: '2024-Q2',
      compare: 'mom',
      replaced: { region: null, period: null },
    })
  })

  it("falls back to the user's region and the latest full year", () => {
    expect(openingScope({}, tree, '520523', today)).toEqual({
      region: '520523',
      period: '2025',
      compare: 'yoy',
      replaced: { region: null, period: null },
    })
    // A region outside the user's tree, and a period that is not one: replaced, and said so.
    expect(openingScope({ region: '110101', period: 'soon' }, tree, '520523', today)).toEqual({
      region: '520523',
      period: '2025',
      compare: 'yoy',
      replaced: { region: '110101', period: 'soon' },
    })
    expect(openingScope({ region: 'x<y', period: '2023-02-30' }, tree, '520523', today).replaced).toEqual({
      region: 'x<y',
      period: '2023-02-30',
    })
  })
})
