// Checks several registers share: a station or township named by code or name, inside the county.
import type { Lookups, Station } from '../lookups.ts'
import type { RowReader } from '../validate.ts'

export function stationOf(r: RowReader, lookups: Lookups, key: string, required = true): Station | null {
  const text = r.text(key)
  if (!text) return required ? r.bad(key, '必填', 'Required') : null
  const found = lookups.station(text)
  if (found === 'ambiguous')
    return r.bad(key, '站点名称重名，请用站点编码', 'Station name is ambiguous: use its code')
  if (!found) return r.bad(key, '本县没有该联络站（按编码或名称）', 'Unknown station in this county')
  return found
}

export function townshipOf(r: RowReader, lookups: Lookups, key: string, required = true): string | null {
  const text = r.text(key)
  if (!text) return required ? r.bad(key, '必填', 'Required') : null
  const found = lookups.township(text)
  if (found === 'ambiguous')
    return r.bad(key, '乡镇名称不唯一，请用区划代码', 'Township name is ambiguous: use its code')
  if (!found) return r.bad(key, '本县没有该乡镇（街道）', 'Unknown township in this county')
  return found.code
}

export const nullIfBlank = (text: string) => (text.trim() === '' ? null : text.trim())
