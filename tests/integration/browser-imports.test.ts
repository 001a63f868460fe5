// The browser code takes values from the contracts only through their zod-free entries (`/areas`, `/days`): a value
// import of the contracts' index, or of zod, puts zod (≈ 29 KB gzip) into every app's first view, which the goal
// caps at 350 KB. Type imports are erased and allowed. (8712c3c did this once; only the nation bench saw it.)
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const browserDirs = [
  'packages/ui/src',
  'packages/filters/src',
  ...readdirSync(join(root, 'apps'))
    .filter((app) => app !== 'api')
    .map((app) => `apps/${app}/src`),
]

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && /\.(ts|vue)$/.test(f.name) && !/\.test\.ts$/.test(f.name))
    .map((f) => join(f.parentPath, f.name))
}

/** `import {…} from` / `export {…} from` the contracts' index or zod, unless the whole statement is `type`. */
const valueImport = /^\s*(?:import|export)\s+(?!type\b)[^;'"]*?\bfrom\s+['"](@liaison\/contracts|zod)['"]/gm

describe('browser bundles', () => {
  it('take no values from the contracts index or zod', () => {
    const files = browserDirs.flatMap(sources)
    expect(files.length).toBeGreaterThan(50)
    const offenders = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(valueImport)].map(
        (m) => `${file.slice(root.length + 1)}: ${m[0]}`,
      ),
    )
    expect(offenders).toEqual([])
  })

  it('would catch one', () => {
    const line = "export { beijingDay } from '@liaison/contracts'"
    expect(line.match(valueImport)).not.toBeNull()
    expect("import type { Kpi } from '@liaison/contracts'".match(valueImport)).toBeNull()
    expect("import { areaLabel } from '@liaison/contracts/areas'".match(valueImport)).toBeNull()
  })
})
