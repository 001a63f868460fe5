// Without zod, for the browser's export code as for the API.
/**
 * A download's file name, for the API's Content-Disposition and the browser's own files alike: Windows refuses
 * / \ : * ? " < > |. A title's colon ("…of 民兴街道: work report") becomes a dash, not an underscore.
 */
export const safeFileName = (name: string) =>
  name
    .replace(/: /g, ' – ')
    .replace(/[/\\:*?"<>|]+/g, '_')
    .slice(0, 120)
