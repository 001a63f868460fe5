// The narrative's sentences under the report's headings. The metrics package writes one text; until it
// returns sections itself, each sentence is placed by the figure it states (its order is kept).
import type { Section } from './model.ts'

const headings: { id: string; heading: string; pattern: RegExp }[] = [
  { id: 'receptions', heading: '接待走访与社情民意办理', pattern: /接待走访|在办|超期/ },
  { id: 'satisfaction', heading: '群众满意度', pattern: /满意率/ },
  { id: 'funding', heading: '民生实事微项目', pattern: /专项资金|微项目/ },
  { id: 'coverage', heading: '联络站规范化建设', pattern: /规范化/ },
  { id: 'reportback', heading: '代表述职', pattern: /述职/ },
]

export function sectionsOf(text: string): Section[] {
  const sentences = text.split(/(?<=。)/).filter((s) => s.trim())
  const sections: Section[] = []
  for (const sentence of sentences) {
    const found = headings.find((h) => h.pattern.test(sentence)) ?? {
      id: 'other',
      heading: '其他情况',
      pattern: /./,
    }
    const existing = sections.find((s) => s.id === found.id)
    if (existing) existing.paragraphs[0] += sentence
    else sections.push({ id: found.id, heading: found.heading, paragraphs: [sentence] })
  }
  return sections
}
