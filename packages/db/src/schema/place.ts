import { text } from 'drizzle-orm/pg-core'
import { regions } from './regions.ts'

/**
 * The county and township every fact row carries: the scope filter needs no join, and the county code is the
 * partitioning key (and, past one server, the distribution key).
 */
export const placeColumns = () => ({
  countyCode: text()
    .notNull()
    .references(() => regions.code),
  townshipCode: text()
    .notNull()
    .references(() => regions.code),
})
