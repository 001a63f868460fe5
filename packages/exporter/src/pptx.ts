// The deck: 16:9, a title slide, a key-figures slide, one slide per chart with a one-line takeaway, and in
// the bundle a key-figures slide and chart slides per township. Every slide's foot states the 口径.
import PptxGenJS from 'pptxgenjs'
import { type FrameOptions, renderPng, watermarkPng } from './charts/render.ts'
import { basisLine, basisOf, type ExportModel, type KeyFigure, sourceLine } from './model.ts'
import { textsOf } from './texts.ts'

const font = 'Microsoft YaHei'
const navy = '1F3A5F'
const muted = '616E7C'
type Slide = ReturnType<PptxGenJS['addSlide']>

type AddSlide = () => Slide

/** New slides, each with the watermark tiled diagonally behind its content (one transparent PNG per deck). */
async function slideMaker(pptx: PptxGenJS, mark: string | null): Promise<AddSlide> {
  const data = mark ? `image/png;base64,${(await watermarkPng(mark, 1600, 900)).toString('base64')}` : null
  return () => {
    const slide = pptx.addSlide()
    if (data) slide.addImage({ data, x: 0, y: 0, w: 10, h: 5.625 })
    return slide
  }
}

/** The slide's 口径 (region, period, cut-off and the definitions of the figures on it) and source, at its foot;
 * a long list of definitions gets two lines in a smaller size rather than running off the slide. */
function foot(slide: Slide, model: ExportModel, definitions?: string[]) {
  const text = `${basisLine(model.basis, definitions)}  ${sourceLine(model.basis)}`
  const long = text.length > 150
  slide.addText(text, {
    x: 0.4,
    y: long ? 5.1 : 5.2,
    w: 9.2,
    h: long ? 0.48 : 0.3,
    fontFace: font,
    fontSize: long ? 7 : 8,
    color: muted,
    valign: 'bottom',
    fit: 'shrink',
  })
  if (model.watermark)
    slide.addText(model.watermark, {
      x: 6.6,
      y: 0.1,
      w: 3.2,
      h: 0.3,
      fontFace: font,
      fontSize: 9,
      color: 'A6A6A6',
      align: 'right',
    })
}

function heading(slide: Slide, text: string) {
  slide.addShape('rect', { x: 0, y: 0, w: 10, h: 0.08, fill: { color: navy } })
  slide.addText(text, {
    x: 0.4,
    y: 0.2,
    w: 9.2,
    h: 0.7,
    fontFace: font,
    fontSize: 22,
    bold: true,
    color: navy,
    fit: 'shrink',
  })
}

function titleSlide(addSlide: AddSlide, model: ExportModel) {
  const slide = addSlide()
  slide.background = { color: navy }
  slide.addText(model.title, {
    x: 0.6,
    y: 1.6,
    w: 8.8,
    h: 1.2,
    fontFace: font,
    fontSize: 32,
    bold: true,
    color: 'FFFFFF',
    align: 'center',
    fit: 'shrink',
  })
  slide.addText(
    textsOf(model.basis.lang).subtitle(model.basis.regionName, model.basis.period, model.basis.cutoff),
    {
      x: 0.6,
      y: 3.0,
      w: 8.8,
      h: 0.5,
      fontFace: font,
      fontSize: 16,
      color: 'DCE3EA',
      align: 'center',
    },
  )
  slide.addText(sourceLine(model.basis), {
    x: 0.6,
    y: 4.8,
    w: 8.8,
    h: 0.4,
    fontFace: font,
    fontSize: 11,
    color: 'DCE3EA',
    align: 'center',
  })
}

/** Up to eight figures as tiles (label, value), then the headline paragraph. */
function keyFiguresSlide(addSlide: AddSlide, model: ExportModel, title: string) {
  const slide = addSlide()
  heading(slide, title)
  const figures: KeyFigure[] = model.keyFigures.slice(0, 8)
  figures.forEach((k, i) => {
    const x = 0.4 + (i % 4) * 2.35
    const y = 1.1 + Math.floor(i / 4) * 1.35
    slide.addShape('rect', { x, y, w: 2.15, h: 1.2, fill: { color: 'F2F5F8' }, line: { color: 'DCE3EA' } })
    slide.addText(k.text, {
      x,
      y: y + 0.1,
      w: 2.15,
      h: 0.65,
      fontFace: font,
      fontSize: 24,
      bold: true,
      color: navy,
      align: 'center',
      fit: 'shrink',
    })
    slide.addText(k.label, {
      x,
      y: y + 0.75,
      w: 2.15,
      h: 0.35,
      fontFace: font,
      fontSize: 12,
      color: muted,
      align: 'center',
    })
  })
  const lead = model.sections[0]?.paragraphs.join('') ?? ''
  if (lead)
    slide.addText(lead, {
      x: 0.4,
      y: 3.85,
      w: 9.2,
      h: 1.2,
      fontFace: font,
      fontSize: 13,
      color: '1F2933',
      valign: 'top',
      fit: 'shrink',
    })
  // The definitions of the figures on the slide.
  const shown = new Set(figures.map((k) => k.label))
  foot(
    slide,
    model,
    model.basis.definitions.filter((d) => shown.has(d.split(/[：:]/)[0]!)),
  )
}

async function chartSlides(
  addSlide: AddSlide,
  model: ExportModel,
  frame: Omit<FrameOptions, 'basis'>,
  prefix = '',
) {
  for (const chart of model.charts) {
    const slide = addSlide()
    heading(slide, `${prefix}${chart.takeaway}`)
    const png = await renderPng(chart, { ...frame, basis: model.basis, scale: 2 })
    // 960×540 drawn in 7.47 × 4.2 in, centred under the takeaway.
    slide.addImage({ data: `image/png;base64,${png.toString('base64')}`, x: 1.27, y: 0.95, w: 7.47, h: 4.2 })
    foot(slide, { ...model, basis: basisOf(model.basis, chart) }, chart.definitions)
  }
}

/** Slides in order: title, key figures, charts; then per township its key figures and charts. */
export async function reportPptx(
  model: ExportModel,
  frame: { background?: 'white' | 'dark' } = {},
): Promise<Buffer> {
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_16x9'
  pptx.title = model.title
  const t = textsOf(model.basis.lang)
  pptx.author = t.source
  const chartFrame = { ...frame, watermark: model.watermark }
  const addSlide = await slideMaker(pptx, model.watermark)
  titleSlide(addSlide, model)
  keyFiguresSlide(addSlide, model, t.keyFigures)
  await chartSlides(addSlide, model, chartFrame)
  for (const township of model.townships) {
    keyFiguresSlide(addSlide, township, township.title)
    await chartSlides(addSlide, township, chartFrame, t.townshipPrefix(township.basis.regionName))
  }
  const out = await pptx.write({ outputType: 'nodebuffer' })
  return out as Buffer
}

/** Slides a model produces, for callers that check a deck. */
export const slideCount = (model: ExportModel) =>
  2 + model.charts.length + model.townships.reduce((n, t) => n + 1 + t.charts.length, 0)
