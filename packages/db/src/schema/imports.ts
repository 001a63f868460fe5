import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { regions } from './regions.ts'
import { users } from './users.ts'

/** One import (file upload, CLI run or JSON ingestion). */
export const importBatches = pgTable(
  'import_batches',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    countyCode: text()
      .notNull()
      .references(() => regions.code),
    userId: integer().references(() => users.id),
    source: text().notNull(),
    fileName: text(),
    fileSha256: text(),
    kinds: text().array().notNull(),
    counts: jsonb().notNull().$type<Record<string, { inserted: number; updated: number }>>(),
    warnings: jsonb().notNull().$type<unknown[]>().default([]),
    status: text().notNull().default('applied'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    rolledBackAt: timestamp({ withTimezone: true }),
    rolledBackBy: integer().references(() => users.id),
  },
  (t) => [
    check('import_batches_source_check', sql`${t.source} in ('file', 'cli', 'ingest')`),
    check('import_batches_status_check', sql`${t.status} in ('applied', 'rolled_back')`),
    index('import_batches_county_idx').on(t.countyCode, t.createdAt),
  ],
)

/** What an import did to each row, so a rollback deletes exactly what it inserted and restores what it updated. */
export const importChanges = pgTable(
  'import_changes',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    batchId: integer()
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    tableName: text().notNull(),
    rowKey: text().notNull(),
    action: text().notNull(),
    /** The row as it was before an update (null for inserts). */
    previous: jsonb(),
  },
  (t) => [
    check('import_changes_action_check', sql`${t.action} in ('insert', 'update')`),
    index('import_changes_batch_idx').on(t.batchId),
  ],
)

/** Append-only: a trigger refuses UPDATE and DELETE (see the custom migration). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    username: text(),
    action: text().notNull(),
    target: text(),
    details: jsonb(),
    ip: text(),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
)
