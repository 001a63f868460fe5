// The database of the terminal commands (pnpm run import, pnpm boundary): DATABASE_URL, else the embedded one in
// DATA_DIR. While the dashboard runs on the embedded database it holds DATA_DIR: say so in one line, not a stack.
import { createDb, DataDirInUseError } from '@liaison/db'

export async function openCliDatabase() {
  try {
    return await createDb({
      url: process.env.DATABASE_URL || undefined,
      dataDir: process.env.DATA_DIR || './data',
    })
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error
    console.error(error.message)
    process.exit(1)
  }
}
