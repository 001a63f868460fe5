// Small pure helpers of the imports page: the API's bilingual messages, file sizes and the county list.
import type { ImportProblem, RegionNode } from '@liaison/contracts'

type Language = 'zh-CN' | 'en'

/** The API writes its messages as "中文 / English"; show the half of the reader's language. */
export function inLanguage(message: string, language: Language): string {
  const at = message.indexOf(' / ')
  if (at < 0) return message
  return language === 'en' ? message.slice(at + 3) : message.slice(0, at)
}

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

export const isCsv = (file: File | null) => file !== null && /\.(csv|tsv|txt)$/i.test(file.name)
