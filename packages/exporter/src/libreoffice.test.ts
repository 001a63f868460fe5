// The files open in LibreOffice: converted to PDF headless, their text holds the Chinese headline.
// Needs Debian's libreoffice-writer-nogui, libreoffice-impress-nogui and poppler-utils (skipped without them).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { reportDocx } from './docx.ts'
import { fixtureModel } from './fixture.ts'
import { reportPptx } from './pptx.ts'

const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`])
    return true
  } catch {
    return false
  }
}
const ready = has('soffice') && has('pdftotext')
if (!ready)
  console.warn(
    'LibreOffice conversion skipped: install libreoffice-writer-nogui, libreoffice-impress-nogui and poppler-utils',
  )

const dir = mkdtempSync(join(tmpdir(), 'exports-'))
// Maps FangSong/SimSun/SimHei to Noto CJK SC, so the PDF uses Simplified Chinese glyphs.
const fontconfig = fileURLToPath(new URL('../fontconfig/fonts.conf', import.meta.url))

function pdfText(name: string, file: Buffer): string {
  writeFileSync(join(dir, name), file)
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      join(dir, name),
    ],
    {
      env: { ...process.env, FONTCONFIG_FILE: fontconfig },
      timeout: 120_000,
    },
  )
  const pdf = join(dir, name.replace(/\.\w+$/, '.pdf'))
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
  // LibreOffice spaces Latin from Chinese; compare without spaces.
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
}

describe.skipIf(!ready)('LibreOffice opens the exports', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('converts the report and the deck to PDF with the Chinese headline', async () => {
    const model = fixtureModel()
    const report = pdfText('report.docx', await reportDocx(model))
    expect(report).toContain('金沙县人大代表联络站履职工作情况（2023年）')
    expect(report).toContain('共开展接待走访活动685次，接待群众1,259人次')
    const deck = pdfText('deck.pptx', await reportPptx(model))
    expect(deck).toContain('金沙县人大代表联络站履职工作情况（2023年）')
  })
})
