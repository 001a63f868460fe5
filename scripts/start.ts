// `pnpm start`: build what is not built, then run the API process, which migrates, seeds the demo data when
// the database is empty and serves the API and the built front end on one port.
import { ensureBuilt } from './ensure-built.ts'

if (!ensureBuilt()) {
  console.error('The dashboard build failed (see above).')
  process.exit(1)
}
await import('../apps/api/src/cli.ts')
