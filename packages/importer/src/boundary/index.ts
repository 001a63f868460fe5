// Township boundaries (GeoJSON) for the stations module's map: check and match, store, read, delete.
export {
  type BoundaryCheck,
  checkBoundary,
  MAX_BOUNDARY_BYTES,
  MAX_FEATURES,
  type Township,
} from './check.ts'
export {
  type BoundaryUpload,
  deleteBoundary,
  findCounty,
  readBoundary,
  saveBoundary,
  townshipsOf,
} from './store.ts'
