// Size limits in a module of their own: the API checks a request's size with them without loading the importer.

/** The largest register file accepted. */
export const MAX_BYTES = 20 * 1024 * 1024
/** A multipart upload of such a file: the form's fields and boundaries around it. */
export const MAX_UPLOAD_BYTES = MAX_BYTES + 64 * 1024
