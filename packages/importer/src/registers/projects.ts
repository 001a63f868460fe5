// 微项目 · micro-projects: keyed by 项目编号; money in 元 (万元 columns ×10,000).
import { opinionCategories, projectStatuses } from '@liaison/db/enums'
import { parseEnum } from '../values.ts'
import { nullIfBlank, townshipOf } from './common.ts'
import { names, type Register } from './types.ts'

export const projects: Register = {
  kind: 'projects',
  sheetName: /项目|project/i,
  table: 'micro_projects',
  idColumn: 'id',
  keyLabel: '项目编号',
  keyField: 'code',
  columns: [
    { key: 'code', names: names('项目编号', '编号', 'code'), required: true },
    { key: 'name', names: names('项目名称', '名称', 'name'), required: true },
    { key: 'township', names: names('所属乡镇', '乡镇', '乡镇(街道)', 'township'), required: true },
    { key: 'category', names: names('类别', '项目类别', 'category') },
    { key: 'fundSource', names: names('资金来源', 'fund_source') },
    {
      key: 'allocated',
      names: names('安排资金', '安排资金(元)', '安排资金(万元)', 'allocated'),
      required: true,
    },
    { key: 'spent', names: names('已支出', '已支出(元)', '已支出(万元)', 'spent') },
    { key: 'status', names: names('状态', '项目状态', 'status') },
    { key: 'approvedOn', names: names('立项日期', 'approved_on', 'approvedon') },
    { key: 'completedOn', names: names('完工日期', 'completed_on', 'completedon') },
    { key: 'beneficiaries', names: names('受益群众', '受益群众(人)', '受益人数', 'beneficiaries') },
    { key: 'sourceOpinion', names: names('来源意见编号', '来源意见', 'source_opinion') },
  ],
  toRow(r, lookups, county) {
    const code = r.text('code')
    const name = r.text('name')
    if (!code) r.bad('code', '必填', 'Required')
    if (!name) r.bad('name', '必填', 'Required')
    const township = townshipOf(r, lookups, 'township')
    let category = parseEnum(opinionCategories, r.text('category')) ?? 'other'
    if (r.text('category') && category === 'other' && r.text('category') !== '其他') {
      r.warn('category', '未知类别，按“其他”导入', 'Unknown category, imported as Other')
      category = 'other'
    }
    // A micro-project costs up to a few million yuan (the largest in the sources, 461万元): over 5,000万元 is
    // far more likely 元 in a 万元 column, and over 10亿元 is no micro-project.
    const money = { usual: 5e7, most: 1e9 }
    const allocated = r.money('allocated', true, money)
    const spent = r.money('spent', false, money) ?? 0
    // Spent over allocated is possible (a top-up not yet entered) but is far more often a slip of the unit or a
    // digit, and would show an execution rate over 100 %: imported, with a warning to check it.
    if (allocated !== null && spent > allocated)
      r.warn(
        'spent',
        '已支出大于安排资金，请核对金额和单位',
        'Spent exceeds the amount allocated: check the amounts and units',
      )
    const status = r.oneOf('status', projectStatuses, 'approved')
    const completedOn = r.date('completedOn')
    // 立项日期 is optional in the register, but a project is counted in the period it was approved: without
    // that date its completion date stands in (with a warning); with neither it cannot be placed.
    let approvedOn = r.date('approvedOn')
    if (!approvedOn && !r.failed && !r.text('approvedOn')) {
      if (completedOn) {
        approvedOn = completedOn
        r.warn(
          'approvedOn',
          '未填立项日期，按完工日期计入统计期',
          'No approval date: counted by the completion date',
        )
      } else
        r.bad(
          'approvedOn',
          '立项日期、完工日期均未填，无法计入统计期',
          'Neither an approval nor a completion date: the project cannot be placed in a period',
        )
    }
    if (approvedOn && completedOn && completedOn < approvedOn)
      r.bad('completedOn', '完工日期早于立项日期', 'Completed before it was approved')
    const beneficiaries = r.count('beneficiaries', false, { usual: 1_000_000, most: 100_000_000 })
    const source = r.text('sourceOpinion')
    const sourceId = source ? lookups.opinion(source) : null
    if (source && sourceId === null)
      r.warn(
        'sourceOpinion',
        '本县没有该登记编号的意见，未关联',
        'No opinion with this register number; not linked',
      )
    if (r.failed || !township) return null
    return {
      county_code: county,
      township_code: township,
      code,
      name,
      category,
      fund_source: nullIfBlank(r.text('fundSource')) ?? '代表建议办理专项资金',
      allocated,
      spent,
      status,
      approved_on: approvedOn,
      completed_on: completedOn,
      beneficiaries,
      source_opinion_id: sourceId,
    }
  },
  sources: {
    category: ['category'],
    fund_source: ['fundSource'],
    spent: ['spent'],
    status: ['status'],
    approved_on: ['approvedOn'],
    completed_on: ['completedOn'],
    beneficiaries: ['beneficiaries'],
    source_opinion_id: ['sourceOpinion'],
  },
  settle(row, _previous, kept) {
    const approved = row.approved_on as string
    const completed = row.completed_on as string | null
    if (!completed || completed >= approved) return null
    return kept.has('completed_on')
      ? {
          key: 'approvedOn',
          zh: `立项日期晚于已存的完工日期（${completed}）`,
          en: `Approved after the completion date stored (${completed})`,
        }
      : {
          key: 'completedOn',
          zh: `完工日期早于已存的立项日期（${approved}）`,
          en: `Completed before the approval date stored (${approved})`,
        }
  },
  keyColumns: () => ['county_code', 'code'],
  uniqueKey: () => true,
}
