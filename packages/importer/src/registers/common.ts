// Checks several registers share: a station or township named by code or name, inside the county.
import type { Lookups, Station } from '../lookups.ts'
import type { RowReader } from '../validate.ts'
import { parseEnum } from '../values.ts'

/** A category: an unknown one is imported as 其他 with a warning, not refused (import-format.md). */
export function categoryOf<V extends string>(
  r: RowReader,
  key: string,
  list: readonly { value: V; zh: string; en: string }[],
  aliases: Record<string, V> = {},
): V | 'other' {
  const found = parseEnum(list, r.text(key), aliases)
  if (r.text(key) && !found) r.warn(key, '未知类别，按“其他”导入', 'Unknown category, imported as Other')
  return found ?? 'other'
}

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
