import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { oneOf } from './checks.ts'
import { userRoles } from './enums.ts'
import { regions } from './regions.ts'

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    username: text().notNull().unique(),
    displayName: text().notNull(),
    /** scrypt hash: `scrypt$N$r$p$salt$hash`. */
    passwordHash: text().notNull(),
    role: text().notNull(),
    /** The region the user may see: every query is limited to codes starting with this one. */
    regionCode: text().references(() => regions.code),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('users_role_check', oneOf(t.role, userRoles)),
    // Everyone but an admin works inside a region.
    check('users_scope_check', sql`${t.role} = 'admin' or ${t.regionCode} is not null`),
  ],
)

/** Server-side sessions, so the API stays stateless across worker processes. The id is a SHA-256 of the cookie. */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)
