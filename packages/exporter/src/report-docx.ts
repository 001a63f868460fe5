// The Word report: A4, 仿宋 body and 黑体/宋体 headings (with fallbacks), page numbers, numbered figures.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { ReportModel } from './model.ts'

// Word picks the first font it has: 仿宋_GB2312 on government PCs, FangSong on Windows, Noto on Linux/WPS.
const body = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' }
const heading = { ascii: 'Times New Roman', eastAsia: '黑体', hAnsi: 'Times New Roman' }
const text = (t: string, options: { bold?: boolean; size?: number; font?: typeof body } = {}) =>
  new TextRun({ text: t, font: options.font ?? body, size: options.size ?? 32, bold: options.bold ?? false })

const indented = (t: string) =>
  new Paragraph({ children: [text(t)], indent: { firstLine: 640 }, spacing: { line: 560 } })
const title2 = (t: string) =>
  new Paragraph({ children: [text(t, { font: heading })], spacing: { before: 240, after: 120 } })

function table(header: string[], rows: string[][]): Table {
  const cell = (t: string, bold = false) =>
    new TableCell({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(t, { bold, size: 21 })] })],
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  })
}

export async function reportDocx(model: ReportModel): Promise<Buffer> {
  let figure = 0
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [text(model.title, { size: 44, font: { ...heading, eastAsia: '方正小标宋简体' } })],
    }),
    title2('一、主要数据'),
    table(
      ['指标', '数值'],
      model.keyFigures.map((k) => [k.label, k.value]),
    ),
    title2('二、工作情况'),
    ...model.paragraphs.map(indented),
    title2('三、图表'),
    ...model.charts.flatMap((c) => {
      figure += 1
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: c.png,
              transformation: { width: 560, height: Math.round((560 * c.height) / c.width) },
            }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
          children: [text(`图${figure}　${c.caption}`, { size: 24 })],
        }),
      ]
    }),
    title2('四、各乡镇（街道）情况'),
    table(model.table.header, model.table.rows),
    new Paragraph({ spacing: { before: 240 }, children: [text(model.basis, { size: 21 })] }),
  ]
  const doc = new Document({
    creator: '人大代表联络站履职数据驾驶舱',
    title: model.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
          },
        },
        headers: model.watermark
          ? {
              default: new Header({
                children: [
                  new Paragraph({
                    alignment: AlignmentType.RIGHT,
                    children: [text(model.watermark, { size: 18 })],
                  }),
                ],
              }),
            }
          : undefined,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: body })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  return Buffer.from(await Packer.toBuffer(doc))
}
