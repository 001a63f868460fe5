// Blank registers to fill: Chinese headers (* for required) and drop-down lists for enumerations. The example row is
// on a sheet of its own (填写示例), which imports skip: in the register sheet it was imported as a real record when a
// clerk uploaded the template as it came (a reception at 民兴站 on 14 June 2023, 12 people).
import {
  deputyCategories,
  deputyLevels,
  evaluations,
  importKinds,
  opinionCategories,
  opinionChannels,
  opinionRoutes,
  opinionStatuses,
  projectStatuses,
  receptionKinds,
  stationKinds,
  stationStatuses,
} from '@liaison/db/enums'
import ExcelJS from 'exceljs'
import { registerOf } from './registers/index.ts'

type Column = [header: string, example: string | number, choices?: readonly { zh: string }[]]

const templates: Record<string, Column[]> = {
  stations: [
    ['* 站点名称', '民兴街道人大代表联络站'],
    ['站点编码', 'JS-ZZ-001'],
    ['* 所属乡镇', '民兴街道'],
    ['村（社区）', ''],
    ['类型', '联络站', stationKinds],
    ['状态', '已建成', stationStatuses],
    ['建成日期', '2021-06-30'],
    ['规范化日期', ''],
    ['面积（平方米）', 120],
    ['站长', '张三'],
    ['联络员人数', 2],
    ['七有', '场所,标识,设备,信息,制度,档案,记录'],
  ],
  deputies: [
    ['* 姓名', '李四'],
    ['代表编码', 'JS-DB-0001'],
    ['* 层级', '县/区', deputyLevels],
    ['类别', '农村代表', deputyCategories],
    ['所属乡镇', '民兴街道'],
    ['进站站点', 'JS-ZZ-001'],
    ['代表小组', '第一小组'],
    ['届次', '第十八届'],
    ['联系电话', ''],
  ],
  receptions: [
    ['* 接待日期', '2023-06-14'],
    ['* 联络站', '民兴街道人大代表联络站'],
    ['活动类型', '进站接待', receptionKinds],
    ['参加代表人次', 2],
    ['* 接待群众人次', 12],
    ['收集意见建议（件）', 3],
    ['记录编号', ''],
    ['备注', ''],
  ],
  opinions: [
    ['* 登记编号', 'JS-SQ-2023-00001'],
    ['* 登记日期', '2023-06-14'],
    ['* 联络站', 'JS-ZZ-001'],
    ['收集渠道', '进站', opinionChannels],
    ['问题类别', '道路交通', opinionCategories],
    ['反映内容', ''],
    ['办理状态', '已办结', opinionStatuses],
    ['办理方式', '部门联动解决', opinionRoutes],
    ['答复日期', '2023-06-20'],
    ['办结日期', '2023-06-28'],
    ['群众评价', '满意', evaluations],
    ['跨区域', '否', [{ zh: '是' }, { zh: '否' }]],
  ],
  projects: [
    ['* 项目编号', 'JS-XM-2023-001'],
    ['* 项目名称', '组组通道路硬化'],
    ['* 所属乡镇', '民兴街道'],
    ['类别', '道路交通', opinionCategories],
    ['资金来源', '代表建议办理专项资金'],
    ['* 安排资金（万元）', 5],
    ['已支出（万元）', 2.5],
    ['状态', '实施中', projectStatuses],
    ['立项日期', '2023-03-01'],
    ['完工日期', ''],
    ['受益群众（人）', 300],
    ['来源意见编号', ''],
  ],
  reportbacks: [
    ['* 代表姓名', '李四'],
    ['代表编码', 'JS-DB-0001'],
    ['* 述职日期', '2023-09-10'],
    ['述职地点', '民兴街道人大代表联络站'],
    ['参会选民（人）', 45],
    ['满意（票）', 40],
    ['基本满意（票）', 5],
    ['不满意（票）', 0],
  ],
  plans: [
    ['* 年度', 2024],
    ['规划联络站（个）', 26],
    ['规划联络室（个）', 60],
    ['述职目标比例', '30%'],
    ['专项资金预算（万元）', 200],
  ],
}

/** The template's sheet with the example row; imports skip a sheet of this name (sheets.ts). */
export const exampleSheet = '填写示例'

const column = (n: number) => (n <= 26 ? String.fromCharCode(64 + n) : `A${String.fromCharCode(64 + n - 26)}`)

/** The .xlsx template of one register, or null for an unknown kind. */
export async function templateFor(kind: string): Promise<Buffer | null> {
  const register = registerOf(kind)
  const columns = templates[kind]
  if (!register || !columns) return null
  const wb = new ExcelJS.Workbook()
  const name = importKinds.find((k) => k.value === kind)!.zh
  const ws = wb.addWorksheet(name)
  ws.addRow(columns.map(([h]) => h)).font = { bold: true }
  const example = wb.addWorksheet(exampleSheet)
  example.addRow([`本表为填写示例，导入时不读取；请在「${name}」表中填写。`]).font = { italic: true }
  example.addRow(columns.map(([h]) => h)).font = { bold: true }
  example.addRow(columns.map(([, value]) => value))
  columns.forEach(([header, , choices], i) => {
    for (const sheet of [ws, example]) sheet.getColumn(i + 1).width = Math.max(12, header.length * 2 + 2)
    if (!choices) return
    const formula = `"${choices.map((c) => c.zh).join(',')}"`
    // Excel caps an inline list at 255 characters; longer lists go to a hidden sheet.
    let formulae = [formula]
    if (formula.length > 250) {
      const lists = wb.getWorksheet('lists') ?? wb.addWorksheet('lists', { state: 'hidden' })
      choices.forEach((c, r) => {
        lists.getCell(r + 1, i + 1).value = c.zh
      })
      formulae = [`lists!$${column(i + 1)}$1:$${column(i + 1)}$${choices.length}`]
    }
    for (let r = 2; r <= 500; r++)
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae,
        showErrorMessage: true,
      }
  })
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return Buffer.from(await wb.xlsx.writeBuffer())
}
