import type { RegionNode } from '@liaison/contracts'
import { describe, expect, it } from 'vitest'
import { pathTo, shownTree, withTownships } from './regions.ts'

const node = (code: string, level: string, children: RegionNode[] = []): RegionNode => ({
  code,
  name: code,
  level,
  children,
})

describe('townships loaded into a tree that stops at the counties', () => {
  const tree = [
    node('CN', 'nation', [
      node('52', 'province', [node('5205', 'city', [node('520523', 'county'), node('520526', 'county')])]),
      node('53', 'province', [node('5301', 'city', [node('530102', 'county')])]),
    ]),
  ]
  const county = node('520523', 'county', [node('520523100', 'township'), node('520523101', 'township')])

  it('puts them under their county and leaves the rest of the tree as it was', () => {
    const after = withTownships(tree, county)
    expect(pathTo(after, '520523101').map((n) => n.code)).toEqual(['CN', '52', '5205', '520523', '520523101'])
    expect(pathTo(tree, '520523101')).toEqual([])
    // Branches away from the county are the same objects; the path to it is new (a shallowRef sees the change).
    expect(after[0]!.children[1]).toBe(tree[0]!.children[1])
    expect(after[0]).not.toBe(tree[0])
    expect(pathTo(after, '520526').at(-1)).toBe(pathTo(tree, '520526').at(-1))
  })
})

describe('the tree as the page shows it', () => {
  const tree = [node('CN', 'nation', [node('52', 'province')])]
  tree[0]!.name = '全国'
  tree[0]!.children[0]!.name = '贵州省'

  it('names the nation in the page language and keeps the divisions and their objects', () => {
    const en = shownTree(tree, 'en')
    expect(pathTo(en, '52').map((n) => n.name)).toEqual(['China', '贵州省'])
    expect(en[0]!.children).toBe(tree[0]!.children)
    expect(shownTree(tree, 'zh-CN')[0]!.name).toBe('全国')
  })
})
