// A county's township boundaries (GeoJSON, RFC 7946): the geometry an upload may hold, what is stored and
// answered, and the problems of a refused file. The importer checks uploads with these same schemas.
import { z } from 'zod'

/** Messages are "中文 / English", as everywhere in the API; the importer splits them for the problem list. */
const lon = z
  .number({ error: '经度应为数字 / Longitude must be a number' })
  .min(-180, { error: '经度应在 -180 到 180 之间 / Longitude must be between -180 and 180' })
  .max(180, { error: '经度应在 -180 到 180 之间 / Longitude must be between -180 and 180' })
const lat = z
  .number({ error: '纬度应为数字 / Latitude must be a number' })
  .min(-90, { error: '纬度应在 -90 到 90 之间 / Latitude must be between -90 and 90' })
  .max(90, { error: '纬度应在 -90 到 90 之间 / Latitude must be between -90 and 90' })
/** [longitude, latitude] and an optional altitude, which the map ignores. */
const position = z
  .tuple([lon, lat], { error: '坐标应为 [经度, 纬度] / A position must be [lon, lat]' })
  .rest(z.number())
const ring = z
  .array(position, { error: '环应为坐标数组 / A ring must be an array of positions' })
  .min(4, { error: '环至少需要 4 个坐标 / A ring needs at least 4 positions' })
  .refine((r) => r.length < 4 || (r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1]), {
    error: '环未闭合（首尾坐标不同） / A ring is not closed (first and last positions differ)',
  })
const polygonRings = z
  .array(ring, { error: '多边形应为环的数组 / A polygon must be an array of rings' })
  .min(1, { error: '多边形没有坐标 / A polygon has no rings' })

export const boundaryGeometry = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('Polygon'), coordinates: polygonRings }),
    z.object({
      type: z.literal('MultiPolygon'),
      coordinates: z
        .array(polygonRings, { error: '应为多边形数组 / Must be an array of polygons' })
        .min(1, { error: '多多边形没有坐标 / A MultiPolygon has no polygons' }),
    }),
  ],
  { error: '几何类型应为 Polygon 或 MultiPolygon / The geometry must be a Polygon or MultiPolygon' },
)
export type BoundaryGeometry = z.infer<typeof boundaryGeometry>

/** A stored feature: its geometry and the township it was matched to. */
export const boundaryFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ code: z.string(), name: z.string() }),
  geometry: boundaryGeometry,
})
export const boundaryCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(boundaryFeature),
})
export type BoundaryCollection = z.infer<typeof boundaryCollection>

const township = z.object({ code: z.string(), name: z.string() })

/** One problem of an uploaded file; `feature` is the feature's 1-based number (null for the whole file). */
export const boundaryProblem = z.object({
  feature: z.number().int().nullable(),
  /** The feature's code and/or name as the file gives them, to find it in a GIS program. */
  label: z.string().nullable(),
  message: z.object({ zh: z.string(), en: z.string() }),
})
export type BoundaryProblem = z.infer<typeof boundaryProblem>

/** GET /regions/:county/boundary: the stored boundary, or null (the dashboard then shows township tiles). */
export const boundaryResponse = z.object({
  county: township,
  boundary: z
    .object({
      geojson: boundaryCollection,
      /** A generated demo partition, not the real boundary: the map says so. */
      schematic: z.boolean(),
      fileName: z.string().nullable(),
      uploadedAt: z.string(),
      uploadedBy: z.string().nullable(),
      /** The county's townships the file has no feature for: not drawn on the map. */
      missing: z.array(township),
    })
    .nullable(),
})
export type BoundaryResponse = z.infer<typeof boundaryResponse>

/** 200 after an upload: stored; warnings (townships without a feature, features merged) do not refuse it. */
export const boundaryUploadResponse = z.object({
  features: z.number().int(),
  schematic: z.boolean(),
  missing: z.array(township),
  warnings: z.array(boundaryProblem),
})
export type BoundaryUploadResponse = z.infer<typeof boundaryUploadResponse>

/** 422: the file was refused; nothing was stored. */
export const boundaryRefusedResponse = z.object({ errors: z.array(boundaryProblem) })
export type BoundaryRefusedResponse = z.infer<typeof boundaryRefusedResponse>
