import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, numeric, pgTable, text, unique } from 'drizzle-orm/pg-core'
import { oneOf } from './checks.ts'
import { opinionCategories, projectStatuses } from './enums.ts'
import { opinions } from './opinions.ts'
import { placeColumns } from './place.ts'

/** 民生实事微项目 funded from the deputies' suggestion fund. Money in 元. */
export const microProjects = pgTable(
  'micro_projects',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    ...placeColumns(),
    code: text().notNull(),
    name: text().notNull(),
    category: text().notNull().default('other'),
    fundSource: text().notNull().default('代表建议办理专项资金'),
    allocated: numeric({ precision: 14, scale: 2, mode: 'number' }).notNull(),
    spent: numeric({ precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    status: text().notNull().default('approved'),
    approvedOn: date().notNull(),
    completedOn: date(),
    beneficiaries: integer(),
    sourceOpinionId: bigint({ mode: 'number' }).references(() => opinions.id, { onDelete: 'set null' }),
    importBatchId: integer(),
  },
  (t) => [
    unique('micro_projects_county_code_key').on(t.countyCode, t.code),
    check('micro_projects_status_check', oneOf(t.status, projectStatuses)),
    check('micro_projects_category_check', oneOf(t.category, opinionCategories)),
    check('micro_projects_money_check', sql`${t.allocated} >= 0 and ${t.spent} >= 0`),
    check('micro_projects_beneficiaries_check', sql`${t.beneficiaries} >= 0`),
    check(
      'micro_projects_completed_after',
      sql`${t.completedOn} is null or ${t.completedOn} >= ${t.approvedOn}`,
    ),
    check('micro_projects_township_in_county', sql`left(${t.townshipCode}, 6) = ${t.countyCode}`),
    index('micro_projects_county_day_idx').on(t.countyCode, t.approvedOn),
  ],
)
