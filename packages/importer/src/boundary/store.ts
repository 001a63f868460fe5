// Store, read and delete a county's township boundary. An upload is checked in full first: a refused file
// stores nothing. Each write is recorded in the audit log, in the same transaction.
import { createHash } from 'node:crypto'
import type { BoundaryCollection } from '@liaison/contracts'
import { type Db, schema } from '@liaison/db'
import { and, eq } from 'drizzle-orm'
import { type ImportUser, resolveCounty } from '../county.ts'
import { type BoundaryCheck, checkBoundary, type Township } from './check.ts'

/** A county by code or name, with its name (the matcher strips it from names like 金沙县平坝镇). */
export async function findCounty(db: Db, county: string): Promise<{ code: string; name: string } | null> {
  const code = await resolveCounty(db, county)
  if (!code) return null
  const [row] = await db
    .select({ code: schema.regions.code, name: schema.regions.name })
    .from(schema.regions)
    .where(eq(schema.regions.code, code))
  return row ?? null
}

/** The county's townships, in code order (the matching list). */
export async function townshipsOf(db: Db, county: string): Promise<Township[]> {
  const r = schema.regions
  return db
    .select({ code: r.code, name: r.name })
    .from(r)
    .where(and(eq(r.parentCode, county), eq(r.level, 'township')))
    .orderBy(r.code)
}

export interface BoundaryUpload {
  county: { code: string; name: string }
  text: string
  fileName: string | null
  user: ImportUser | null
  source: 'file' | 'cli'
}

/** Check the file against the county's townships; when it passes, replace the county's boundary. */
export async function saveBoundary(db: Db, upload: BoundaryUpload): Promise<BoundaryCheck> {
  const checked = checkBoundary(upload.text, await townshipsOf(db, upload.county.code), upload.county.name)
  if (!checked.ok) return checked
  const row = {
    countyCode: upload.county.code,
    geojson: checked.collection,
    features: checked.collection.features.length,
    schematic: checked.schematic,
    fileName: upload.fileName,
    fileSha256: createHash('sha256').update(upload.text).digest('hex'),
    source: upload.source,
    userId: upload.user?.id ?? null,
    uploadedAt: new Date(),
  }
  await db.transaction(async (tx) => {
    const { countyCode, ...update } = row
    await tx
      .insert(schema.regionBoundaries)
      .values(row)
      .onConflictDoUpdate({ target: schema.regionBoundaries.countyCode, set: update })
    await tx.insert(schema.auditLog).values({
      userId: upload.user?.id ?? null,
      username: upload.user?.username ?? null,
      action: 'boundary_upload',
      target: `boundary ${countyCode}`,
      details: {
        county: countyCode,
        source: upload.source,
        fileName: upload.fileName,
        features: row.features,
        schematic: row.schematic,
        missing: checked.missing.map((t) => t.code),
      },
    })
  })
  return checked
}

/** Delete the county's boundary (the dashboard falls back to tiles). False when there was none. */
export async function deleteBoundary(db: Db, county: string, user: ImportUser | null): Promise<boolean> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(schema.regionBoundaries)
      .where(eq(schema.regionBoundaries.countyCode, county))
      .returning({ county: schema.regionBoundaries.countyCode })
    if (deleted.length === 0) return false
    await tx.insert(schema.auditLog).values({
      userId: user?.id ?? null,
      username: user?.username ?? null,
      action: 'boundary_delete',
      target: `boundary ${county}`,
      details: { county },
    })
    return true
  })
}

/** The stored boundary with who uploaded it, and the townships it has no feature for. */
export async function readBoundary(db: Db, county: string) {
  const b = schema.regionBoundaries
  const [row] = await db
    .select({
      geojson: b.geojson,
      schematic: b.schematic,
      fileName: b.fileName,
      uploadedAt: b.uploadedAt,
      uploadedBy: schema.users.displayName,
    })
    .from(b)
    .leftJoin(schema.users, eq(schema.users.id, b.userId))
    .where(eq(b.countyCode, county))
  if (!row) return null
  const geojson = row.geojson as BoundaryCollection
  const drawn = new Set(geojson.features.map((f) => f.properties.code))
  return {
    ...row,
    geojson,
    uploadedAt: row.uploadedAt.toISOString(),
    missing: (await townshipsOf(db, county)).filter((t) => !drawn.has(t.code)),
  }
}
