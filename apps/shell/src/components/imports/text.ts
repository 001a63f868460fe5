// Small pure helpers of the imports page: problems in the reader's language, file sizes and the county list. (The
// API's bilingual messages are split by @liaison/ui's inLanguage, which the dashboard's panels use too.)
import type { ImportProblem, RegionNode } from '@liaison/contracts'

type Language = 'zh-CN' | 'en'

export const problemText = (problem: ImportProblem, language: Language) =>
  language === 'en' ? problem.message.en : problem.message.zh

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export interface County {
  code: string
  name: string
  /** The city (or province) above, to tell apart counties of the same name. */
  parent: string
}

/** Every county in the user's region tree (the API answers only their scope). */
export function countiesIn(nodes: RegionNode[], parent = ''): County[] {
  return nodes.flatMap((node) =>
    node.level === 'county'
      ? [{ code: node.code, name: node.name, parent }]
      : countiesIn(node.children, node.name),
  )
}

/**
 * The county an upload form starts with: the user's own, else the county of the region the dashboard showed (an
 * admin coming from 交城县), else the only one there is; '' when none can be told.
 */
export function startingCounty(
  counties: County[],
  userRegion: string | null | undefined,
  shown: string,
): string {
  const holding = (code: string | null | undefined) =>
    code ? counties.find((c) => code.startsWith(c.code)) : undefined
  return (
    (holding(userRegion) ?? holding(shown) ?? (counties.length === 1 ? counties[0] : undefined))?.code ?? ''
  )
}

export const isCsv = (file: File | null) => file !== null && /\.(csv|tsv|txt)$/i.test(file.name)
