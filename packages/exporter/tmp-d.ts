import { writeFileSync } from 'node:fs'
import { reportDocx } from './src/docx.ts'
import { fixtureModel } from './src/fixture.ts'
import { reportPptx } from './src/pptx.ts'

let t = Date.now()
writeFileSync(
  '/tmp/exp/report.docx',
  await reportDocx({ ...fixtureModel(true), watermark: '金沙县人大常委会办公室' }),
)
console.log('docx', Date.now() - t)
t = Date.now()
writeFileSync(
  '/tmp/exp/deck.pptx',
  await reportPptx({ ...fixtureModel(true), watermark: '金沙县人大常委会办公室' }),
)
console.log('pptx', Date.now() - t)
