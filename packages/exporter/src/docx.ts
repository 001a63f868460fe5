// The Word report: A4, 仿宋 body, 黑体 headings, 宋体 title (fonts.ts adds the fallbacks), page numbers,
// numbered figures and tables, 口径 under every figure; the per-township bundle as one section each.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HorizontalPositionRelativeFrom,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  TextWrappingType,
  VerticalPositionRelativeFrom,
  WidthType,
} from 'docx'
import { type FrameOptions, renderPng, watermarkPng } from './charts/render.ts'
import { withFontFallbacks } from './docx-fonts.ts'
import { tableText } from './format.ts'
import { basisLine, basisOf, type ExportModel, sourceLine } from './model.ts'
import { textsOf } from './texts.ts'

const latin = 'Times New Roman'
export const fonts = {
  body: { ascii: latin, hAnsi: latin, eastAsia: 'FangSong' },
  heading: { ascii: latin, hAnsi: latin, eastAsia: 'SimHei' },
  title: { ascii: latin, hAnsi: latin, eastAsia: 'SimSun' },
}
type Font = (typeof fonts)['body']
// Half-points: 三号 16 pt for body, 小二 18 pt for the title (a 24-character title on one line), 五号 10.5 pt in tables.
const text = (t: string, o: { bold?: boolean; size?: number; font?: Font; colour?: string } = {}) =>
  new TextRun({
    text: t,
    font: o.font ?? fonts.body,
    size: o.size ?? 32,
    bold: o.bold ?? false,
    color: o.colour,
  })
const body = (t: string) =>
  new Paragraph({ children: [text(t)], indent: { firstLine: 640 }, spacing: { line: 560 } })
const heading = (t: string, font = fonts.heading, bold = false) =>
  new Paragraph({ children: [text(t, { font, bold })], spacing: { before: 240, after: 120 }, keepNext: true })
const small = (t: string, align: 'center' | 'left' = 'left') =>
  new Paragraph({
    alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 200 },
    children: [text(t, { size: 18, colour: '595959' })],
  })

function table(
  rows: string[][],
  bold: (row: number) => boolean = (row) => row === 0,
  { namesFirst = false, english = false } = {},
): Table {
  // A table of areas: the name column twice as wide as a figure's, or 大田彝族苗族布依族乡 wrapped onto four lines.
  // English headers are long words ("Satisfaction"): a narrower name column and a smaller header keep them whole.
  const columns = rows[0]?.length ?? 1
  const nameShare = english ? 1.5 : 2
  const share = (i: number) =>
    namesFirst ? (i === 0 ? nameShare : 1) / (columns + nameShare - 1) : 1 / columns
  const cell = (t: string, strong: boolean, i: number, header: boolean) =>
    new TableCell({
      width: { size: Math.round(share(i) * 100), type: WidthType.PERCENTAGE },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [text(t, { bold: strong, size: english && header ? 17 : 21 })],
        }),
      ],
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          cantSplit: true,
          children: r.map((c, j) => cell(c, bold(i), j, i === 0)),
        }),
    ),
  })
}

/** Key figures four to a row: label over value. */
function keyFigureTable(model: ExportModel): Table {
  const rows: string[][] = []
  for (let i = 0; i < model.keyFigures.length; i += 4) {
    const part = model.keyFigures.slice(i, i + 4)
    while (part.length < 4) part.push({ id: '', label: '', unit: 'count', value: null, text: '' })
    rows.push(
      part.map((k) => k.label),
      part.map((k) => k.text),
    )
  }
  return table(rows, (row) => row % 2 === 0)
}

interface Counter {
  figure: number
  table: number
}

async function content(
  model: ExportModel,
  counter: Counter,
  frame: Omit<FrameOptions, 'basis'>,
  part: boolean,
) {
  const children: (Paragraph | Table)[] = []
  const t = textsOf(model.basis.lang)
  let h = 0
  const h1 = (title: string) => heading(t.h1(h++, title))
  if (!part) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [text(model.title, { size: 36, bold: true, font: fonts.title })],
      }),
      small(t.subtitle(model.basis.regionName, model.basis.period, model.basis.cutoff), 'center'),
    )
  } else {
    // A township's part opens like a report of its own, on a new page.
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [text(t.annex(model.title), { size: 36, bold: true, font: fonts.title })],
      }),
    )
  }
  const [lead, ...rest] = model.sections
  if (lead) children.push(...lead.paragraphs.map(body))
  children.push(h1(t.keyFigures), keyFigureTable(model), small(basisLine(model.basis)))
  if (rest.length) {
    children.push(h1(t.details))
    rest.forEach((s, i) => {
      children.push(heading(t.h2(i, s.heading), fonts.body, true), ...s.paragraphs.map(body))
    })
  }
  if (model.charts.length) children.push(h1(t.charts))
  for (const chart of model.charts) {
    const png = await renderPng(chart, { ...frame, basis: model.basis, scale: 2 })
    counter.figure += 1
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [new ImageRun({ type: 'png', data: png, transformation: { width: 580, height: 326 } })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [text(t.figure(counter.figure, chart.title), { size: 24, font: fonts.heading })],
      }),
      small(chart.takeaway, 'center'),
      // The figure's own definitions in words too, so a caption quoted without the image keeps its 口径.
      ...(chart.definitions.length ? [small(t.definitions(chart.definitions), 'center')] : []),
    )
  }
  if (model.table.rows.length) {
    counter.table += 1
    children.push(
      h1(model.table.title),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [text(t.table(counter.table, model.table.title), { size: 24, font: fonts.heading })],
      }),
      table(
        tableText(model.table.columns, model.table.rows, model.basis.lang),
        (row) => row === 0 || row - 1 === model.table.current,
        { namesFirst: model.table.columns[0]?.unit === 'text', english: model.basis.lang === 'en' },
      ),
      // A space between the sentences in English: they ran together ("required.Source:").
      small(
        [basisLine(basisOf(model.basis, model.table)), sourceLine(model.basis)].join(
          model.basis.lang === 'en' ? ' ' : '',
        ),
      ),
    )
  }
  return children
}

const pageNumberFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: fonts.body })],
      }),
    ],
  })
/** A4 at 96 dpi, in the pixels docx sizes images by. */
const a4 = { width: 794, height: 1123 }

/** The watermark in the header's corner and, diagonally across the whole page, behind the text. */
async function watermarkHeader(mark: string | null) {
  if (!mark) return undefined
  const png = await watermarkPng(mark, a4.width * 2, a4.height * 2)
  const tiled = new ImageRun({
    type: 'png',
    data: png,
    transformation: a4,
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, offset: 0 },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: 0 },
      behindDocument: true,
      allowOverlap: true,
      wrap: { type: TextWrappingType.NONE },
    },
  })
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [tiled, text(mark, { size: 18, colour: 'A6A6A6' })],
        }),
      ],
    }),
  }
}

export async function reportDocx(
  model: ExportModel,
  frame: { background?: 'white' | 'dark' } = {},
): Promise<Buffer> {
  const counter: Counter = { figure: 0, table: 0 }
  const chartFrame = { ...frame, watermark: model.watermark }
  const page = {
    size: { width: 11906, height: 16838 },
    margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
  }
  const headers = await watermarkHeader(model.watermark)
  const section = async (m: ExportModel, part: boolean) => ({
    properties: { page, ...(part ? { type: SectionType.NEXT_PAGE } : {}) },
    headers,
    footers: { default: pageNumberFooter() },
    children: await content(m, counter, chartFrame, part),
  })
  const sections = [await section(model, false)]
  for (const township of model.townships) sections.push(await section(township, true))
  const lang = model.basis.lang === 'en' ? 'en-GB' : 'zh-CN'
  const doc = new Document({
    creator: textsOf(model.basis.lang).source,
    title: model.title,
    description: basisLine(model.basis),
    styles: {
      default: { document: { run: { font: fonts.body, language: { value: lang, eastAsia: 'zh-CN' } } } },
    },
    sections,
  })
  return withFontFallbacks(Buffer.from(await Packer.toBuffer(doc)))
}
