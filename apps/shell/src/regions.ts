import type { RegionNode } from '@liaison/contracts'
import { nationCode, regionName } from '@liaison/contracts/areas'

/** The tree as the page shows it: the nation's root named in the page's language (全国 / China); only the root
 * is copied, so a language switch does not rebuild thousands of nodes. */
export function shownTree(nodes: RegionNode[], language: string): RegionNode[] {
  return nodes.map((node) =>
    node.code === nationCode ? { ...node, name: regionName(node.code, node.name, language) } : node,
  )
}

/** The picker stops at townships: villages are too fine for a dashboard filter. */
export function pickerTree(nodes: RegionNode[]): RegionNode[] {
  return nodes.map((node) => ({
    ...node,
    children: node.level === 'township' ? [] : pickerTree(node.children.filter((c) => c.level !== 'village')),
  }))
}

/** The nodes from a root down to the code (the breadcrumb), or [] when the code is outside the tree. */
export function pathTo(nodes: RegionNode[], code: string): RegionNode[] {
  for (const node of nodes) {
    if (node.code === code) return [node]
    const below = pathTo(node.children, code)
    if (below.length) return [node, ...below]
  }
  return []
}

/** The tree with one county's node replaced by the same county with its townships (loaded on demand). */
export function withTownships(nodes: RegionNode[], county: RegionNode): RegionNode[] {
  return nodes.map((node) =>
    node.code === county.code
      ? county
      : node.code === nationCode || county.code.startsWith(node.code)
        ? { ...node, children: withTownships(node.children, county) }
        : node,
  )
}

/** The default region: the user's own scope, else the first county in the tree, else the first root. */
export function defaultRegion(nodes: RegionNode[], userRegion: string | null): string {
  if (userRegion && pathTo(nodes, userRegion).length) return userRegion
  const county = findFirst(nodes, (n) => n.level === 'county')
  return county?.code ?? nodes[0]?.code ?? ''
}

function findFirst(nodes: RegionNode[], test: (n: RegionNode) => boolean): RegionNode | undefined {
  for (const node of nodes) {
    if (test(node)) return node
    const below = findFirst(node.children, test)
    if (below) return below
  }
  return undefined
}
