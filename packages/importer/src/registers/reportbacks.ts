// 代表述职 · report-backs: the deputy by code or name (a name two deputies share is an error); keyed by deputy and day.
import { nullIfBlank } from './common.ts'
import { names, type Register } from './types.ts'

export const reportbacks: Register = {
  kind: 'reportbacks',
  sheetName: /述职|report/i,
  table: 'reportbacks',
  idColumn: 'id',
  keyLabel: '代表 + 述职日期',
  columns: [
    { key: 'name', names: names('代表姓名', '姓名', 'deputy', 'name') },
    { key: 'code', names: names('代表编码', '编码', 'deputy_code', 'code') },
    { key: 'heldOn', names: names('述职日期', '日期', 'held_on', 'date'), required: true },
    { key: 'venue', names: names('述职地点', '地点', 'venue') },
    { key: 'voters', names: names('参会选民', '参会选民(人)', '参会人数', 'voters') },
    { key: 'satisfied', names: names('满意', '满意(票)', 'satisfied') },
    { key: 'basic', names: names('基本满意', '基本满意(票)', 'basic') },
    { key: 'unsatisfied', names: names('不满意', '不满意(票)', 'unsatisfied') },
  ],
  requiredAny: [['name', 'code']],
  toRow(r, lookups, county) {
    const code = r.text('code')
    const name = r.text('name')
    const key = code ? 'code' : 'name'
    const found = code || name ? lookups.deputy(code || name) : null
    if (!code && !name) r.bad('name', '必填（代表姓名或代表编码）', 'Required (deputy name or code)')
    else if (found === 'ambiguous')
      r.bad(key, '本县有同名代表，请填写代表编码', 'Two deputies share this name: give the code')
    else if (!found) r.bad(key, '本县没有该代表', 'Unknown deputy in this county')
    const heldOn = r.date('heldOn', true)
    // A deputy reports to the voters of one constituency: over 100,000 at one meeting is checked, over 10 million
    // refused.
    const people = { usual: 100_000, most: 10_000_000 }
    const voters = r.count('voters', false, people)
    const satisfied = r.count('satisfied', false, people) ?? 0
    const basic = r.count('basic', false, people) ?? 0
    const unsatisfied = r.count('unsatisfied', false, people) ?? 0
    if (r.failed || !found || found === 'ambiguous') return null
    return {
      county_code: county,
      township_code: found.township_code,
      deputy_id: found.id,
      held_on: heldOn,
      venue: nullIfBlank(r.text('venue')),
      voters_attending: voters,
      votes_satisfied: satisfied,
      votes_basic: basic,
      votes_unsatisfied: unsatisfied,
    }
  },
  sources: {
    venue: ['venue'],
    voters_attending: ['voters'],
    votes_satisfied: ['satisfied'],
    votes_basic: ['basic'],
    votes_unsatisfied: ['unsatisfied'],
  },
  keyColumns: () => ['deputy_id', 'held_on'],
  uniqueKey: () => true,
}
