// `pnpm run import <file> --county <code|name> [--kind K] [--dry-run]`: the same import as the web page, from a terminal.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { openCliDatabase } from './cli-db.ts'
import { importFile, isKind, registers } from './index.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    county: { type: 'string' },
    kind: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
})
const file = positionals[0]
if (!file || !values.county) {
  console.error('Usage: pnpm run import <file.xlsx|csv|tsv> --county <code|name> [--kind K] [--dry-run]')
  process.exit(2)
}
if (values.kind && !isKind(values.kind)) {
  console.error(`Unknown --kind ${values.kind}; one of ${registers.map((r) => r.kind).join(', ')}.`)
  process.exit(2)
}

const handle = await openCliDatabase()
try {
  await handle.migrate()
  const report = await importFile(handle.db, {
    buffer: readFileSync(file),
    fileName: basename(file),
    county: values.county,
    kind: values.kind,
    dryRun: values['dry-run'] ?? false,
    user: null,
    source: 'cli',
  })
  for (const w of report.warnings)
    console.log(
      `warning  ${w.sheet} row ${w.row ?? '-'} ${w.column ?? ''}: ${w.message.zh} / ${w.message.en}`,
    )
  if (!report.ok) {
    console.table(
      report.errors.map((e) => ({
        sheet: e.sheet,
        row: e.row,
        column: e.column,
        value: e.value,
        problem: `${e.message.zh} / ${e.message.en}`,
      })),
    )
    console.error(`Refused: ${report.errors.length} problem(s); nothing was written.`)
    process.exitCode = 1
  } else {
    console.log(
      report.batchId ? `Imported as batch ${report.batchId}:` : 'Dry run, nothing written:',
      JSON.stringify(report.counts),
    )
  }
} finally {
  await handle.close()
}
