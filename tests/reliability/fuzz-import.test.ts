// Bad input to the register import: random and mutated XLSX/CSV through POST /api/v1/imports (not dry runs) and
// straight into the parser. Every answer is 200, 400 or 422 with the error envelope, never a 500 or a crash; a
// refused import leaves every table's row count as it was. Bounded for CI: ~20 s on 2 shared cores.
import type { DbHandle } from '@liaison/db'
import { FileRefused } from '@liaison/importer'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFile } from '../../packages/importer/src/read-xlsx.ts'
import { badAnswer, fuzzApi, login, type Session, tableCounts } from './fuzz-helpers.ts'

const SEED = Number(process.env.FUZZ_SEED ?? 20261130)
/** Scale every property's runs: FUZZ_SCALE=10 for a longer hunt by hand. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1)
const runs = (n: number) => Math.max(1, Math.round(n * SCALE))

const header = ['接待日期', '联络站', '接待群众人次', '记录编号']
const goodCsv = `${header.join(',')}\n2023年6月14日,JS-ZZ-001,9,FZ-1\n2023-06-15,JS-ZZ-001,4,FZ-2\n`

async function workbook(rows: unknown[][], sheet = '接待记录'): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const ws = book.addWorksheet(sheet)
  ws.addRow(header)
  for (const row of rows) ws.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer())
}

async function rezip(buffer: Buffer, change: (zip: JSZip) => void, level = 6): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer)
  change(zip)
  return Buffer.from(
    await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } }),
  )
}

const worksheet = (sheetData: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`
const SHEET = 'xl/worksheets/sheet1.xml'

let tried = 0
const failures: string[] = []

describe('fuzz: register import', () => {
  let handle: DbHandle
  let api: Awaited<ReturnType<typeof fuzzApi>>['api']
  let clerk: Session
  let good: Buffer
  let baseline: Record<string, number>

  beforeAll(async () => {
    // The region tree and one station are all a register needs; the demo data would only slow each count.
    ;({ handle, api } = await fuzzApi([], { demo: false }))
    clerk = await login(api, 'demo-clerk')
    good = await workbook([
      [new Date(Date.UTC(2023, 5, 14)), 'JS-ZZ-001', 9, 'FZ-X1'],
      ['2023-06-15', 'JS-ZZ-001', { formula: 'C2*2', result: 18 }, 'FZ-X2'],
    ])
    baseline = await tableCounts(handle)
  })
  afterAll(async () => {
    console.log(`fuzz: ${tried} import cases, ${failures.length} failures`)
    await handle?.close()
  })

  /** Upload for real (not a dry run); check the answer; a refused file must leave every table as it was. */
  async function upload(name: string, bytes: Buffer | Uint8Array, fileName: string, kind?: string) {
    tried++
    const form = new FormData()
    form.set('file', new File([new Uint8Array(bytes)], fileName))
    form.set('county', '520523')
    form.set('dryRun', 'false')
    if (kind) form.set('kind', kind)
    const res = await api.request('/api/v1/imports', {
      method: 'POST',
      body: form,
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
    })
    const status = res.status
    const wrong = await badAnswer(res, [200, 400, 422])
    const after = await tableCounts(handle)
    if (status === 200)
      baseline = after // a valid file may import: that is its right
    else if (JSON.stringify(after) !== JSON.stringify(baseline)) {
      const changed = Object.keys(after).filter((t) => after[t] !== baseline[t])
      failures.push(`${name}: refused (${status}) yet wrote to ${changed.join(', ')}`)
      baseline = after
    }
    if (wrong) failures.push(`${name} (${fileName}): ${wrong}`)
    return status
  }

  /** The parser alone: a file may be read or refused with FileRefused; anything else is a crash. */
  async function parse(name: string, bytes: Buffer, fileName: string) {
    tried++
    try {
      await readFile(bytes, fileName)
    } catch (error) {
      if (!(error instanceof FileRefused))
        failures.push(`${name} (${fileName}): parser threw ${(error as Error)?.message?.slice(0, 200)}`)
    }
  }

  it('accepts the good files the mutations start from', async () => {
    expect(await upload('good xlsx', good, 'receptions.xlsx')).toBe(200)
    expect(await upload('good csv', Buffer.from(goodCsv), 'receptions.csv')).toBe(200)
    expect(failures).toEqual([])
  })

  it('refuses hand-made nasty files cleanly', async () => {
    const cases: [string, Buffer, string][] = [
      ['empty', Buffer.alloc(0), 'a.xlsx'],
      ['empty csv', Buffer.alloc(0), 'a.csv'],
      ['zip magic only', Buffer.from('PK\x03\x04'), 'a.xlsx'],
      ['xlsx named csv', good, 'a.csv'],
      ['csv named xlsx', Buffer.from(goodCsv), 'a.xlsx'],
      ['wrong extension', Buffer.from(goodCsv), 'a.pdf'],
      ['no extension', Buffer.from(goodCsv), 'receptions'],
      ['unclosed quote', Buffer.from(`${header.join(',')}\n"2023-01-01,JS-ZZ-001,1,Q-1\n`), 'a.csv'],
      ['stray quote', Buffer.from(`${header.join(',')}\n"2023"-01-01,JS-ZZ-001,1,Q-2\n`), 'a.csv'],
      ['gbk csv', iconv.encode(goodCsv.replace(/FZ-/g, 'GBK-'), 'gbk'), 'a.csv'],
      [
        'gbk header, utf-8 rows',
        Buffer.concat([iconv.encode(header.join(','), 'gbk'), Buffer.from('\n1,2,3,4\n')]),
        'a.csv',
      ],
      ['utf-16le csv', iconv.encode(`\ufeff${goodCsv}`, 'utf-16le'), 'a.csv'],
      ['big5 csv', iconv.encode(goodCsv, 'big5'), 'a.tsv'],
      ['lone surrogates', Buffer.from(`${header.join(',')}\n\ud800,\udfff,1,S-1\n`), 'a.csv'],
      ['NUL bytes', Buffer.from(`${header.join(',')}\n\0\0\0,JS-ZZ-001,\0,N-1\n`), 'a.csv'],
      // A valid row with a NUL in its key: it answered 500 (PostgreSQL cannot store U+0000); now imported without it.
      ['NUL in a valid row', Buffer.from(`${header.join(',')}\n2023-01-01,JS-ZZ-001,1,N\0-2\n`), 'a.csv'],
      ['formula injection', Buffer.from(`${header.join(',')}\n=cmd|' /C calc'!A0,@SUM(1),+1,-1\n`), 'a.csv'],
      [
        '1 MB cell csv',
        Buffer.from(`${header.join(',')}\n2023-01-01,${'站'.repeat(350_000)},1,M-1\n`),
        'a.csv',
      ],
      ['1 MB header', Buffer.from(`${'x'.repeat(1 << 20)}\n1\n`), 'a.csv'],
      [
        '10,000 columns',
        Buffer.from(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n`),
        'a.csv',
      ],
      ['only newlines', Buffer.from('\n'.repeat(100_000)), 'a.csv'],
      ['only delimiters', Buffer.from(','.repeat(200_000)), 'a.csv'],
      [
        'numbers as keys',
        Buffer.from(`${header.join(',')}\n1e308,1e308,1e308,1e308\n-0,NaN,Infinity,0x10\n`),
        'a.csv',
      ],
      ['random kind', Buffer.from(goodCsv), 'a.csv'],
    ]
    cases.push([
      '1 MB cell xlsx',
      await workbook([[new Date(Date.UTC(2023, 0, 1)), 'x'.repeat(1 << 20), 1, 'M-2']]),
      'a.xlsx',
    ])
    cases.push([
      'formula cells everywhere',
      await workbook([
        [
          { formula: 'TODAY()' },
          { formula: 'A1' },
          { formula: '1/0', result: { error: '#DIV/0!' } },
          { formula: 'HYPERLINK("http://x")' },
        ],
        [
          { formula: 'A2', result: new Date(Date.UTC(2023, 1, 1)) },
          'JS-ZZ-001',
          { sharedFormula: 'C2', result: 3 },
          'F-1',
        ],
      ]),
      'a.xlsx',
    ])
    // Deeply nested XML in each part exceljs reads.
    const deep = `${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}`
    for (const part of [
      SHEET,
      'xl/workbook.xml',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
    ])
      cases.push([
        `deep XML in ${part}`,
        await rezip(good, (z) => z.file(part, part === SHEET ? worksheet(deep) : deep)),
        'a.xlsx',
      ])
    // Billion laughs: entity expansion must not be honoured.
    const laughs = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&j;</t></is></c></row></sheetData></worksheet>`
    cases.push(['billion laughs', await rezip(good, (z) => z.file(SHEET, laughs)), 'a.xlsx'])
    // Parts missing, garbage in parts.
    for (const part of [
      SHEET,
      'xl/workbook.xml',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
    ])
      cases.push([`without ${part}`, await rezip(good, (z) => z.remove(part)), 'a.xlsx'])
    for (const part of [SHEET, 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'])
      cases.push([
        `garbage ${part}`,
        await rezip(good, (z) => z.file(part, '<<<\0\u0001garbage&&&')),
        'a.xlsx',
      ])
    // Cells and rows at absurd addresses, huge merges, a shared string index out of range.
    cases.push([
      'absurd addresses',
      await rezip(good, (z) =>
        z.file(
          SHEET,
          worksheet(
            '<row r="1048576"><c r="XFD1048576" t="s"><v>999999</v></c></row><row r="-5"><c r="A0"><v>1</v></c></row><row r="9999999999"><c r="ZZZZZZ1"><v>x</v></c></row>',
          ),
        ),
      ),
      'a.xlsx',
    ])
    cases.push([
      'huge merge',
      await rezip(good, (z) =>
        z.file(
          SHEET,
          `${worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>').replace('</worksheet>', '')}<mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="A1:A199999"/></mergeCells></worksheet>`,
        ),
      ),
      'a.xlsx',
    ])
    // Zip bombs within the 20 MB upload limit, each refused in well under a second: 40 MB of XML packed into
    // ~50 KB (refused by its ratio before unpacking; it took 17 s to parse before), 300,000 rows without
    // numbers (they slipped past the row limit) and 250,000 numbered empty rows.
    cases.push([
      'zip bomb: 40 MB of XML in 50 KB',
      await rezip(good, (z) => z.file(SHEET, worksheet('<row/>'.repeat(7_000_000))), 9),
      'a.xlsx',
    ])
    cases.push([
      'zip bomb: 300,000 rows without r',
      await rezip(good, (z) => z.file(SHEET, worksheet('<row/>'.repeat(300_000))), 9),
      'a.xlsx',
    ])
    cases.push([
      'zip bomb: 250,000 numbered rows',
      await rezip(
        good,
        (z) =>
          z.file(SHEET, worksheet(Array.from({ length: 250_000 }, (_, i) => `<row r="${i + 1}"/>`).join(''))),
        9,
      ),
      'a.xlsx',
    ])
    cases.push([
      'zip bomb: shared strings',
      await rezip(
        good,
        (z) => z.file('xl/sharedStrings.xml', `<sst>${'<si><t>x</t></si>'.repeat(2_000_000)}</sst>`),
        9,
      ),
      'a.xlsx',
    ])
    // Bombs whose zip understates their size (1 KB claimed for 40-50 MB): the ratio check cannot see them; each
    // part is unpacked as a counted stream first (the shared-strings one was parsed whole before).
    cases.push([
      'zip bomb understating its size',
      lieAboutSize(
        await rezip(good, (z) => z.file(SHEET, worksheet('<x/>'.repeat(10_000_000))), 9),
        SHEET,
        1000,
      ),
      'a.xlsx',
    ])
    cases.push([
      'shared-strings bomb understating its size',
      lieAboutSize(
        await rezip(
          good,
          (z) => z.file('xl/sharedStrings.xml', `<sst>${'<si><t>x</t></si>'.repeat(3_000_000)}</sst>`),
          9,
        ),
        'xl/sharedStrings.xml',
        1000,
      ),
      'a.xlsx',
    ])
    // A zip whose sheet says it unpacks to 2 GB: refused from the header, before unpacking.
    cases.push(['zip claiming 2 GB', lieAboutSize(good, SHEET, 2 ** 31 - 1), 'a.xlsx'])
    const slow: string[] = []
    for (const [name, bytes, fileName] of cases) {
      const t0 = performance.now()
      await upload(name, bytes, fileName, name === 'random kind' ? 'no-such-kind' : undefined)
      const ms = performance.now() - t0
      if (process.env.FUZZ_TIMES) console.log(name, Math.round(ms))
      if (ms > 5_000) slow.push(`${name}: ${Math.round(ms)} ms`)
    }
    expect(failures).toEqual([])
    // No file keeps the server busy: each of these is answered within seconds (zip bombs included).
    expect(slow).toEqual([])
  }, 60_000)

  it('refuses a truncated workbook at every cut', async () => {
    const cuts = [
      1,
      2,
      4,
      22,
      30,
      100,
      512,
      good.length >> 2,
      good.length >> 1,
      good.length - 22,
      good.length - 1,
    ]
    for (const cut of cuts) await upload(`truncated at ${cut}`, good.subarray(0, cut), 'a.xlsx')
    // And at random places, through the parser alone (fast).
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), async (cut) => {
        await parse(`truncated at ${cut}`, good.subarray(0, cut), 'a.xlsx')
      }),
      { seed: SEED, numRuns: runs(60) },
    )
    expect(failures).toEqual([])
  })

  it('survives random bytes under every accepted extension', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('a.xlsx', 'a.csv', 'a.tsv', 'a.txt'),
        async (bytes, fileName) => parse('random bytes', Buffer.from(bytes), fileName),
      ),
      { seed: SEED, numRuns: runs(200) },
    )
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom('a.xlsx', 'a.csv'),
        (bytes, fileName) => upload('random bytes', Buffer.from(bytes), fileName).then(() => undefined),
      ),
      { seed: SEED, numRuns: runs(40) },
    )
    expect(failures).toEqual([])
  })

  it('survives byte-level mutations of a good workbook', async () => {
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({
        op: fc.constant('insert' as const),
        at: fc.nat(),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      }),
      fc.record({
        op: fc.constant('delete' as const),
        at: fc.nat(),
        length: fc.integer({ min: 1, max: 256 }),
      }),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (mutations, viaApi) => {
          let bytes = Buffer.from(good)
          for (const m of mutations) {
            const at = m.at % Math.max(1, bytes.length)
            if (m.op === 'flip') bytes[at] = m.byte
            else if (m.op === 'insert')
              bytes = Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)])
            else bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)])
          }
          if (viaApi) await upload('mutated bytes', bytes, 'a.xlsx')
          else await parse('mutated bytes', bytes, 'a.xlsx')
        },
      ),
      { seed: SEED, numRuns: runs(80) },
    )
    expect(failures).toEqual([])
  })

  it('survives mutated XML inside a well-formed zip', async () => {
    const zip = await JSZip.loadAsync(good)
    const parts = Object.keys(zip.files).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))
    const texts = Object.fromEntries(
      await Promise.all(parts.map(async (p) => [p, await zip.file(p)!.async('string')] as const)),
    )
    const fragment = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        '<',
        '>',
        '</',
        '/>',
        '"',
        '&amp;',
        '&#0;',
        '&#xD800;',
        '<![CDATA[',
        ']]>',
        '<!--',
        '<c r="A1" t="s"><v>99999</v></c>',
        '<v>1e999</v>',
        '<row r="0">',
        't="e"',
        's="9999"',
        '<f>INDIRECT("A1")</f>',
      ),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...parts),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 50 }), fragment), { minLength: 1, maxLength: 6 }),
        async (part, edits) => {
          let text = texts[part]!
          for (const [at, cut, insert] of edits) {
            const i = at % (text.length + 1)
            text = text.slice(0, i) + insert + text.slice(i + cut)
          }
          await upload(`mutated ${part}`, await rezip(good, (z) => z.file(part, text)), 'a.xlsx')
        },
      ),
      { seed: SEED, numRuns: runs(50) },
    )
    expect(failures).toEqual([])
  }, 60_000)

  it('survives random CSV rows under a good header, written for real when valid', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
      fc.constantFrom(
        '2023-06-14',
        '2023年6月14日',
        '2023/2/30',
        '45000',
        'JS-ZZ-001',
        '民兴街道人大代表联络站',
        '-1',
        '1e9',
        '合计',
        '""',
        '"',
        '=1+1',
        '\t',
        '\r',
      ),
      fc.integer().map(String),
      fc.double().map(String),
    )
    const rows = fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 8 })
    await fc.assert(
      fc.asyncProperty(rows, fc.constantFrom(',', '\t'), fc.boolean(), async (rows, sep, gbk) => {
        const text = [header, ...rows].map((r) => r.join(sep)).join('\n')
        await upload(
          'random csv',
          gbk ? iconv.encode(text, 'gb18030') : Buffer.from(text),
          sep === ',' ? 'a.csv' : 'a.tsv',
          'receptions',
        )
      }),
      { seed: SEED, numRuns: runs(60) },
    )
    expect(failures).toEqual([])
  }, 60_000)
})

/** Rewrite the uncompressed size a zip states for one entry (local header and central directory). */
function lieAboutSize(zip: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(zip)
  const name = Buffer.from(entry)
  for (let i = 0; i < out.length - 46; i++) {
    const sig = out.readUInt32LE(i)
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + name.length).equals(name))
      out.writeUInt32LE(size, i + 22)
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + name.length).equals(name))
      out.writeUInt32LE(size, i + 24)
  }
  return out
}
