/** Encode one value for PostgreSQL's COPY text format. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N'
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (Array.isArray(value)) return `{${value.map((v) => JSON.stringify(String(v))).join(',')}}`
  if (typeof value === 'object') return escapeText(JSON.stringify(value))
  return escapeText(String(value))
}

function escapeText(text: string): string {
  return text.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!)
}

export function copyLine(row: readonly unknown[]): string {
  return `${row.map(copyValue).join('\t')}\n`
}
