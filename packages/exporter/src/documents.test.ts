import { areasOfName } from '@liaison/contracts'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { reportDocx } from './docx.ts'
import { fixtureModel } from './fixture.ts'
import { reportPptx, slideCount } from './pptx.ts'
import { textsOf } from './texts.ts'

const textOf = (xml: string) => xml.replace(/<[^>]+>/g, '')

describe('the Word report', () => {
  it('holds the headline, every chart with a numbered caption, the tables and one section per township', async () => {
    const model = { ...fixtureModel(true), watermark: '金沙县人大常委会办公室' }
    const zip = await JSZip.loadAsync(await reportDocx(model))
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = textOf(xml)
    expect(text).toContain('金沙县人大代表联络站履职工作情况（2023年）')
    expect(text).toContain(
      '共开展接待走访活动685次，接待群众1,259人次，收集社情民意853件，办结680件，办结率79.7%',
    )
    // 4 county charts, then one chart in each of the 2 township parts: numbering runs on.
    for (const n of [1, 2, 3, 4, 5, 6]) expect(text).toContain(`图${n}　`)
    expect(text).toContain('表1　各乡镇（街道）主要指标')
    // Six charts and the page watermark.
    expect(Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(6 + 1)
    // Key figures and township table for the county, key figures for each township.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2 + 2)
    expect(xml.match(/<w:sectPr/g)).toHaveLength(3)
    expect(xml).toContain('w:eastAsia="FangSong"')
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"')
    const fonts = await zip.file('word/fontTable.xml')!.async('string')
    expect(fonts).toContain('<w:altName w:val="仿宋"/>')
    const footer = await zip.file('word/footer1.xml')!.async('string')
    expect(footer).toContain('PAGE')
    const header = await zip.file('word/header1.xml')!.async('string')
    expect(textOf(header)).toContain('金沙县人大常委会办公室')
    // …and tiled diagonally across the page, behind the text.
    expect(header).toMatch(/<wp:anchor[^>]*behindDoc="1"/)
  })
})

describe('口径 with definitions', () => {
  it('the report states the definitions of the key figures and, under each figure, of what it draws', async () => {
    const zip = await JSZip.loadAsync(await reportDocx(fixtureModel()))
    const text = textOf(await zip.file('word/document.xml')!.async('string'))
    expect(text).toContain(
      '口径：金沙县，2023-01-01至2023-12-31，数据截至2023-12-31。办结率：已办结 ÷ 收集社情民意；满意率：',
    )
    // Under 图1 (the monthly trend) and 图4 (funding), each figure's own definitions.
    const after = (caption: string) => text.slice(text.indexOf(caption), text.indexOf(caption) + 200)
    expect(after('图1　')).toContain('口径：办结率：已办结 ÷ 收集社情民意。')
    expect(after('图4　')).toContain('口径：资金执行率：已支出 ÷ 安排资金。')
  })

  it('every chart slide states its figures’ definitions, the key-figures slide those of its figures', async () => {
    const model = fixtureModel()
    const zip = await JSZip.loadAsync(await reportPptx(model))
    const slide = async (n: number) => textOf(await zip.file(`ppt/slides/slide${n}.xml`)!.async('string'))
    expect(await slide(2)).toContain('办结率：已办结 ÷ 收集社情民意')
    for (const [i, chart] of model.charts.entries())
      for (const definition of chart.definitions) expect(await slide(3 + i)).toContain(definition)
    expect(await slide(6)).toContain('资金执行率：已支出 ÷ 安排资金')
  })
})

describe('higher scopes', () => {
  it('name the areas as the region has them: counties of a city, cities of a province, provinces of the nation', () => {
    expect(textsOf('zh', '520523').townshipTable).toBe('各乡镇（街道）主要指标')
    expect(textsOf('zh', '5205').townshipTable).toBe('各县（市、区）主要指标')
    expect(textsOf('zh', '5205').township).toBe('县（市、区）')
    expect(textsOf('zh', '52').fundingTitle).toBe('各市（州）民生实事微项目资金')
    expect(textsOf('zh', 'CN').allEqual('80%')).toBe('各省（区、市）均为80%')
    expect(textsOf('en', '5205').townshipsTitle).toBe('Resolution rate by county')
  })

  it('word a township’s standing among its county’s, with English ordinals', () => {
    expect(areasOfName('520523', '金沙县').zh).toBe('金沙县各乡镇（街道）')
    expect(areasOfName('520523', 'Jinsha').en).toBe('Townships of Jinsha')
    expect(areasOfName('5205', 'Zunyi').en).toBe('Counties of Zunyi')
    const zhOf = { name: '民兴街道', figure: '办结率', value: '88.4%', rank: 4, of: 26, all: 26, minBase: 10 }
    expect(textsOf('zh', '520523').standing({ ...zhOf, within: '金沙县' })).toBe(
      '民兴街道办结率88.4%，在金沙县26个乡镇（街道）中居第4位',
    )
    // Where some townships have too few cases to rank, the rank is among those ranked, and the sentence says so.
    expect(textsOf('zh', '520523').standing({ ...zhOf, of: 14, within: '金沙县' })).toBe(
      '民兴街道办结率88.4%，在金沙县参与排名的14个乡镇（街道）中居第4位（共26个，样本不足10的不排名）',
    )
    const en = textsOf('en', '520523')
    const enOf = { name: 'Minxing', figure: 'Resolution rate', value: '88.4%', of: 26, all: 26, minBase: 10 }
    const standing = (rank: number) => en.standing({ ...enOf, rank, within: 'Jinsha' })
    expect(standing(3)).toBe('Minxing: resolution rate 88.4%, 3rd of 26 townships in Jinsha')
    expect(en.standing({ ...enOf, rank: 3, of: 14, within: 'Jinsha' })).toBe(
      'Minxing: resolution rate 88.4%, 3rd of 14 townships in Jinsha ranked (of 26; those with fewer than 10 cases are not ranked)',
    )
    expect([1, 2, 11, 12, 13, 21, 22].map((n) => standing(n).split(', ')[1]!.split(' ')[0])).toEqual([
      '1st',
      '2nd',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
    ])
  })
})

describe('the deck', () => {
  it('has a title slide, a key-figures slide, a slide per chart, and per township its figures and charts', async () => {
    const model = fixtureModel(true)
    const zip = await JSZip.loadAsync(await reportPptx(model))
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    expect(slides).toHaveLength(slideCount(model))
    expect(slideCount(model)).toBe(2 + 4 + 2 * (1 + 1))
    const presentation = await zip.file('ppt/presentation.xml')!.async('string')
    expect(presentation).toContain('<p:sldSz cx="9144000" cy="5143500"')
    expect(textOf(await zip.file('ppt/slides/slide1.xml')!.async('string'))).toContain(model.title)
    expect(textOf(await zip.file('ppt/slides/slide3.xml')!.async('string'))).toContain('口径：金沙县')
  })

  it('lays the watermark image across every slide when one is asked for', async () => {
    const plain = await JSZip.loadAsync(await reportPptx(fixtureModel()))
    const marked = await JSZip.loadAsync(
      await reportPptx({ ...fixtureModel(), watermark: '张三 2024-01-15' }),
    )
    const pics = async (zip: JSZip, n: number) =>
      ((await zip.file(`ppt/slides/slide${n}.xml`)!.async('string')).match(/<p:pic>/g) ?? []).length
    for (const n of [1, 2, 3]) expect(await pics(marked, n)).toBe((await pics(plain, n)) + 1)
  })
})

describe('the English report', () => {
  it('keeps a space between the table’s basis and its source line', async () => {
    const zh = fixtureModel()
    const model = { ...zh, basis: { ...zh.basis, lang: 'en' as const } }
    const text = textOf(
      await (await JSZip.loadAsync(await reportDocx(model))).file('word/document.xml')!.async('string'),
    )
    expect(text).toMatch(/\. Source: /)
    expect(text).not.toMatch(/\.Source:/)
  })
})
