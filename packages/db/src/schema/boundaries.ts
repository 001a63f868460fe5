import { sql } from 'drizzle-orm'
import { boolean, check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { regions } from './regions.ts'
import { users } from './users.ts'

/**
 * A county's township boundaries (GeoJSON), one per county, for the stations module's map. Stored as checked:
 * Polygon/MultiPolygon features whose properties are reduced to the matched township's `code` and `name`.
 */
export const regionBoundaries = pgTable(
  'region_boundaries',
  {
    countyCode: text()
      .primaryKey()
      .references(() => regions.code),
    /** A GeoJSON FeatureCollection (the shape is `BoundaryCollection` of @liaison/contracts). */
    geojson: jsonb().notNull(),
    features: integer().notNull(),
    /** True for the generated demo partition: the UI says it is schematic, not the real boundary. */
    schematic: boolean().notNull().default(false),
    fileName: text(),
    fileSha256: text(),
    source: text().notNull(),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('region_boundaries_source_check', sql`${t.source} in ('file', 'cli')`),
    check('region_boundaries_features_check', sql`${t.features} > 0`),
  ],
)
