// The Word font table with the Chinese names and classification of the document's fonts, so Word and WPS
// fall back to a like font (another GB2312 serif for 仿宋) where FangSong/SimSun/SimHei are missing.
// LibreOffice on Linux falls back by language to the system CJK font (Debian: fonts-noto-cjk).
import JSZip from 'jszip'

const families = [
  { name: 'FangSong', alt: '仿宋', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: 'SimSun', alt: '宋体', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
  { name: 'SimHei', alt: '黑体', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: 'Times New Roman', alt: '', panose: '02020603050405020304', family: 'roman', pitch: 'variable' },
]

const entry = (f: (typeof families)[number]) =>
  `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}<w:panose1 w:val="${f.panose}"/>` +
  `<w:charset w:val="${f.alt ? '86' : '00'}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`

export async function withFontFallbacks(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx)
  const file = zip.file('word/fontTable.xml')
  if (!file) return docx
  const xml = await file.async('string')
  const fonts = families.map(entry).join('')
  // The generator writes an empty, self-closing <w:fonts …/>; open it and add the entries.
  const filled = xml.replace(/<w:fonts([^>]*?)\/>/, `<w:fonts$1>${fonts}</w:fonts>`)
  zip.file('word/fontTable.xml', filled)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}
