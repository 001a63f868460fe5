// `pnpm boundary <file.geojson> --county <code|name>` stores a county's township boundary, the same check as
// the upload on the 数据导入 page; `--delete` removes it (the dashboard falls back to township tiles).
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { openCliDatabase } from '../cli-db.ts'
import { MAX_BOUNDARY_BYTES } from './check.ts'
import { deleteBoundary, findCounty, saveBoundary } from './store.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { county: { type: 'string' }, delete: { type: 'boolean', default: false } },
})
const file = positionals[0]
if (!values.county || (!file && !values.delete)) {
  console.error(
    'Usage: pnpm boundary <file.geojson> --county <code|name>   |   pnpm boundary --delete --county <code|name>',
  )
  process.exit(2)
}

const handle = await openCliDatabase()
try {
  await handle.migrate()
  const county = await findCounty(handle.db, values.county)
  if (!county) {
    console.error(`Unknown county: ${values.county}`)
    process.exitCode = 1
  } else if (values.delete) {
    const deleted = await deleteBoundary(handle.db, county.code, null)
    console.log(deleted ? `Deleted the boundary of ${county.name}.` : `${county.name} has no boundary.`)
  } else {
    const buffer = readFileSync(file!)
    const report =
      buffer.length > MAX_BOUNDARY_BYTES
        ? null
        : await saveBoundary(handle.db, {
            county,
            text: buffer.toString('utf8'),
            fileName: basename(file!),
            user: null,
            source: 'cli',
          })
    if (!report) {
      console.error(`Refused: the file is larger than ${MAX_BOUNDARY_BYTES / 1024 / 1024} MB.`)
      process.exitCode = 1
    } else if (!report.ok) {
      for (const e of report.errors)
        console.error(`feature ${e.feature ?? '-'} ${e.label ?? ''}: ${e.message.zh} / ${e.message.en}`)
      console.error(`Refused: ${report.errors.length} problem(s); nothing was stored.`)
      process.exitCode = 1
    } else {
      for (const w of report.warnings) console.log(`warning  ${w.message.zh} / ${w.message.en}`)
      const note = report.schematic ? ' (marked schematic)' : ''
      console.log(
        `Stored the boundary of ${county.name}: ${report.collection.features.length} townships${note}.`,
      )
    }
  }
} finally {
  await handle.close()
}
