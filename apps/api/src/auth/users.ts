import { randomBytes } from 'node:crypto'
import type { Db } from '@liaison/db'
import { schema } from '@liaison/db'
import { sql } from 'drizzle-orm'
import { hashPassword } from './password.ts'

export const demoAccounts = [
  { username: 'demo-admin', displayName: '演示管理员', role: 'admin', regionCode: null },
  { username: 'demo-leader', displayName: '金沙县人大常委会（演示）', role: 'leader', regionCode: '520523' },
  {
    username: 'demo-township',
    displayName: '民兴街道人大工委（演示）',
    role: 'township_head',
    regionCode: '520523005',
  },
  {
    username: 'demo-analyst',
    displayName: '金沙县人大办公室（演示）',
    role: 'analyst',
    regionCode: '520523',
  },
  { username: 'demo-clerk', displayName: '金沙县数据录入员（演示）', role: 'clerk', regionCode: '520523' },
] as const

/** The demo accounts, all with the password `demo` (demo mode only). */
export async function ensureDemoUsers(db: Db): Promise<void> {
  const passwordHash = await hashPassword('demo')
  await db
    .insert(schema.users)
    .values(demoAccounts.map((a) => ({ ...a, passwordHash })))
    .onConflictDoNothing({ target: schema.users.username })
}

/** Outside demo mode: on the first start, an `admin` with a random password, returned once to be printed. */
export async function ensureFirstAdmin(db: Db): Promise<string | null> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.users)
  if ((row?.n ?? 0) > 0) return null
  const password = randomBytes(12).toString('base64url')
  await db.insert(schema.users).values({
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    passwordHash: await hashPassword(password),
  })
  return password
}
