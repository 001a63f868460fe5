// The county an upload form starts with.
import { describe, expect, it } from 'vitest'
import { startingCounty } from './text.ts'

const counties = [
  { code: '520523', name: '金沙县', parent: '毕节市' },
  { code: '141122', name: '交城县', parent: '吕梁市' },
]

describe('startingCounty', () => {
  it("starts with the user's own county, even where the dashboard showed another", () => {
    expect(startingCounty(counties, '520523004', '141122')).toBe('520523')
  })

  it('starts an admin with the county the dashboard showed, or the county of its township', () => {
    expect(startingCounty(counties, null, '141122')).toBe('141122')
    expect(startingCounty(counties, null, '520523004')).toBe('520523')
  })

  it('starts with the only county there is, or with none when it cannot tell', () => {
    expect(startingCounty(counties.slice(0, 1), null, 'CN')).toBe('520523')
    expect(startingCounty(counties, null, '52')).toBe('')
    expect(startingCounty(counties, null, '')).toBe('')
  })
})
