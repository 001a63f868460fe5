// 社情民意 · opinions: keyed by 登记编号 inside the county; the status history follows the dates (write.ts).
import {
  evaluations,
  opinionCategories,
  opinionChannels,
  opinionRoutes,
  opinionStatuses,
} from '@liaison/db/enums'
import { parseBool } from '../values.ts'
import { categoryOf, nullIfBlank, stationOf } from './common.ts'
import { names, type Register } from './types.ts'

const evaluationAliases = { 比较满意: 'basic', 较满意: 'basic', 非常满意: 'satisfied' } as const

export const opinions: Register = {
  kind: 'opinions',
  sheetName: /社情|民意|意见|opinion/i,
  table: 'opinions',
  idColumn: 'id',
  keyLabel: '登记编号',
  keyField: 'registerNo',
  columns: [
    { key: 'registerNo', names: names('登记编号', '编号', 'register_no', 'registerno'), required: true },
    {
      key: 'receivedOn',
      names: names('登记日期', '收集日期', '反映日期', 'received_on', 'receivedon', 'date'),
      required: true,
    },
    { key: 'station', names: names('联络站', '站点', '联络站(室)', 'station'), required: true },
    { key: 'channel', names: names('收集渠道', '渠道', 'channel') },
    { key: 'category', names: names('问题类别', '类别', 'category') },
    { key: 'content', names: names('反映内容', '内容摘要', '内容', 'content') },
    { key: 'status', names: names('办理状态', '状态', 'status') },
    { key: 'route', names: names('办理方式', 'route') },
    { key: 'repliedOn', names: names('答复日期', 'replied_on', 'repliedon') },
    { key: 'resolvedOn', names: names('办结日期', 'resolved_on', 'resolvedon') },
    { key: 'evaluation', names: names('群众评价', '满意度', 'evaluation') },
    { key: 'crossRegion', names: names('跨区域', 'cross_region', 'crossregion') },
  ],
  toRow(r, lookups, county) {
    const registerNo = r.text('registerNo')
    if (!registerNo) r.bad('registerNo', '必填', 'Required')
    const station = stationOf(r, lookups, 'station')
    const receivedOn = r.date('receivedOn', true)
    const repliedOn = r.date('repliedOn')
    const resolvedOn = r.date('resolvedOn')
    const channel = r.oneOf('channel', opinionChannels, 'in_station')
    const category = categoryOf(r, 'category', opinionCategories)
    const given = r.oneOf('status', opinionStatuses)
    const status = given ?? (resolvedOn ? 'resolved' : repliedOn ? 'replied' : 'collected')
    const route = r.oneOf('route', opinionRoutes)
    const evaluation = r.oneOf('evaluation', evaluations, null, evaluationAliases)
    const cross = r.text('crossRegion') ? parseBool(r.raw('crossRegion')) : false
    if (cross === null) r.bad('crossRegion', '应填“是”或“否”', 'Expected 是 (yes) or 否 (no)')
    if (receivedOn && resolvedOn && resolvedOn < receivedOn)
      r.bad('resolvedOn', '办结日期早于登记日期', 'Resolved before it was received')
    if (receivedOn && repliedOn && repliedOn < receivedOn)
      r.bad('repliedOn', '答复日期早于登记日期', 'Replied before it was received')
    if (status === 'resolved' && !resolvedOn && !r.failed)
      r.bad('resolvedOn', '已办结须填写办结日期', 'A resolved opinion needs its resolution date')
    if (status !== 'resolved' && resolvedOn && given)
      r.bad('status', '有办结日期但状态不是“已办结”', 'Resolution date given but the status is not resolved')
    if (evaluation && status !== 'resolved')
      r.bad('evaluation', '未办结的意见不能有群众评价', 'Evaluation on an unresolved opinion')
    if (!station || r.failed) return null
    return {
      county_code: county,
      township_code: station.township_code,
      station_id: station.id,
      register_no: registerNo,
      received_on: receivedOn,
      channel,
      category,
      content: nullIfBlank(r.text('content')),
      status,
      route,
      replied_on: repliedOn,
      resolved_on: resolvedOn,
      evaluation,
      cross_region: cross,
    }
  },
  sources: {
    channel: ['channel'],
    category: ['category'],
    content: ['content'],
    status: ['status'],
    route: ['route'],
    replied_on: ['repliedOn'],
    resolved_on: ['resolvedOn'],
    evaluation: ['evaluation'],
    cross_region: ['crossRegion'],
  },
  settle(row, previous, kept) {
    // Without 办理状态 the status follows the dates the file has, with the stored ones; a stored step beyond them
    // stays (办理中 before any reply).
    if (kept.has('status') && !(kept.has('replied_on') && kept.has('resolved_on'))) {
      const dated = row.resolved_on ? 'resolved' : row.replied_on ? 'replied' : 'collected'
      const stored = previous.status as string
      const step = (s: string) => opinionStatuses.findIndex((e) => e.value === s)
      if (dated === 'resolved' || stored === 'resolved' || step(dated) > step(stored)) row.status = dated
    }
    const received = row.received_on as string
    const replied = row.replied_on as string | null
    const resolved = row.resolved_on as string | null
    if (resolved && row.status !== 'resolved')
      return {
        key: 'status',
        zh: `已存有办结日期（${resolved}），状态却不是“已办结”：请同时填写“办结日期”列`,
        en: `A resolution date is stored (${resolved}) but the status is not resolved: give the 办结日期 column too`,
      }
    if (row.evaluation && !resolved)
      return {
        key: 'evaluation',
        zh: '已存有群众评价，而未办结的意见不能有评价：请同时填写“群众评价”列',
        en: 'An evaluation is stored, and an unresolved opinion cannot have one: give the 群众评价 column too',
      }
    const early = [replied, resolved].find((day) => day && day < received)
    if (early)
      return {
        key: 'receivedOn',
        zh: `登记日期晚于已存的答复或办结日期（${early}）`,
        en: `Received after the reply or resolution date stored (${early})`,
      }
    return null
  },
  keyColumns: () => ['county_code', 'register_no'],
  uniqueKey: () => true,
}
