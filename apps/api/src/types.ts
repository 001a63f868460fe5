import type { UserRole } from '@liaison/db/enums'
import type { AppDeps } from './app.ts'

/** What every request handler can read from the context. */
export interface AppEnv {
  Variables: {
    deps: AppDeps
    user: { id: number; username: string; displayName: string; role: UserRole; regionCode: string | null }
    session: { id: string; token: string; csrfToken: string }
  }
}
