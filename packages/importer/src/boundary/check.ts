// Check an uploaded GeoJSON boundary and match each feature to one of the county's townships, by a code
// property (9-digit division code, or the 12-digit form ending in 000) or else by the township's name.
// Pure: the townships come in, a checked FeatureCollection or every problem comes out.
import {
  type BoundaryCollection,
  type BoundaryGeometry,
  type BoundaryProblem,
  boundaryGeometry,
} from '@liaison/contracts'

export interface Township {
  code: string
  name: string
}

export const MAX_BOUNDARY_BYTES = 10 * 1024 * 1024
export const MAX_FEATURES = 1_000

/** Property names that hold a code or a name in the files counties get (GIS exports use XZQDM/XZQMC). */
const codeKeys = ['code', 'adcode', 'township_code', 'xzqdm', 'xzqhdm', '区划代码', '代码', '乡镇代码']
const nameKeys = ['name', 'township', 'township_name', 'xzqmc', '乡镇', '乡镇名称', '名称']

export type BoundaryCheck =
  | {
      ok: true
      collection: BoundaryCollection
      schematic: boolean
      missing: Township[]
      warnings: BoundaryProblem[]
    }
  | { ok: false; errors: BoundaryProblem[] }

/** "中文 / English" (the contracts' messages) or two strings, as a problem. */
export function boundaryProblem(feature: number | null, label: string | null, zh: string, en?: string) {
  const at = zh.indexOf(' / ')
  const message =
    en !== undefined ? { zh, en } : at < 0 ? { zh, en: zh } : { zh: zh.slice(0, at), en: zh.slice(at + 3) }
  return { feature, label, message } satisfies BoundaryProblem
}

const refused = (zh: string, en: string): BoundaryCheck => ({
  ok: false,
  errors: [boundaryProblem(null, null, zh, en)],
})

function property(properties: Record<string, unknown>, keys: string[]): string | null {
  for (const [key, value] of Object.entries(properties)) {
    if (!keys.includes(key.trim().toLowerCase())) continue
    if ((typeof value === 'string' && value.trim()) || typeof value === 'number') return String(value).trim()
  }
  return null
}

/** 520523108 or 520523108000 → 520523108. */
const divisionCode = (code: string) =>
  /^\d{12}$/.test(code) && code.endsWith('000') ? code.slice(0, 9) : code

const polygonsOf = (geometry: BoundaryGeometry) =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates

interface Matched {
  township: Township
  geometry: BoundaryGeometry
  feature: number
}

/** The township one feature names, or the reason it names none. */
function matchFeature(
  properties: Record<string, unknown>,
  townships: Township[],
  countyName: string,
): { township: Township } | { zh: string; en: string } {
  const code = property(properties, codeKeys)
  const name = property(properties, nameKeys)
  if (!code && !name)
    return {
      zh: `没有代码或名称属性（应有 ${codeKeys.slice(0, 2).join('、')} 或 ${nameKeys[0]} 等）`,
      en: `No code or name property (expected ${codeKeys.slice(0, 2).join(', ')} or ${nameKeys[0]}, …)`,
    }
  const byCode = code ? townships.find((t) => t.code === divisionCode(code)) : undefined
  const bare = name?.replace(/\s+/g, '')
  const plain = bare?.startsWith(countyName) ? bare.slice(countyName.length) : bare
  const byName = plain ? townships.find((t) => t.name === plain) : undefined
  if (byCode && byName && byCode !== byName)
    return {
      zh: `代码 ${code} 是${byCode.name}，名称却是${byName.name}`,
      en: `The code ${code} is ${byCode.name} but the name is ${byName.name}`,
    }
  const township = byCode ?? byName
  if (township) return { township }
  return {
    zh: `与本县（区）的乡镇（街道）都不匹配（${[code && `代码 ${code}`, name && `名称 ${name}`].filter(Boolean).join('，')}）`,
    en: `Matches none of the county's townships (${[code && `code ${code}`, name && `name ${name}`].filter(Boolean).join(', ')})`,
  }
}

/**
 * Parse, check and match a boundary file. Every feature must be a Polygon/MultiPolygon matched to a township;
 * any problem refuses the whole file. Several features of one township are merged (a warning), and townships
 * without a feature are listed (a warning: they are not drawn).
 */
export function checkBoundary(text: string, townships: Township[], countyName: string): BoundaryCheck {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const detail = error instanceof Error ? error.message : ''
    return refused(`文件不是有效的 JSON：${detail}`, `The file is not valid JSON: ${detail}`)
  }
  const root = json as { type?: unknown; features?: unknown; schematic?: unknown } | null
  if (root?.type !== 'FeatureCollection' || !Array.isArray(root.features))
    return refused(
      '应为 GeoJSON 要素集合（"type": "FeatureCollection"，含 features 数组）',
      'Expected a GeoJSON FeatureCollection ("type": "FeatureCollection" with a features array)',
    )
  if (root.features.length === 0) return refused('文件中没有要素', 'The file holds no features')
  if (root.features.length > MAX_FEATURES)
    return refused(`要素过多（最多 ${MAX_FEATURES} 个）`, `Too many features (at most ${MAX_FEATURES})`)

  const errors: BoundaryProblem[] = []
  const matched: Matched[] = []
  root.features.forEach((item: unknown, index) => {
    const number = index + 1
    const feature = item as { type?: unknown; properties?: unknown; geometry?: unknown } | null
    const properties =
      feature?.properties && typeof feature.properties === 'object'
        ? (feature.properties as Record<string, unknown>)
        : {}
    const label =
      [property(properties, codeKeys), property(properties, nameKeys)].filter(Boolean).join(' ') || null
    if (feature?.type !== 'Feature') {
      errors.push(boundaryProblem(number, label, '不是 GeoJSON 要素（Feature）', 'Not a GeoJSON Feature'))
      return
    }
    const geometry = boundaryGeometry.safeParse(feature.geometry)
    if (!geometry.success) {
      const issue = geometry.error.issues[0]!
      const where = issue.path.length ? ` [${issue.path.join(', ')}]` : ''
      const problem = boundaryProblem(number, label, issue.message)
      errors.push({ ...problem, message: { zh: problem.message.zh + where, en: problem.message.en + where } })
      return
    }
    const match = matchFeature(properties, townships, countyName)
    if ('zh' in match) errors.push(boundaryProblem(number, label, match.zh, match.en))
    else matched.push({ township: match.township, geometry: geometry.data, feature: number })
  })
  if (errors.length) return { ok: false, errors }

  const warnings: BoundaryProblem[] = []
  const byTownship = new Map<string, Matched[]>()
  for (const m of matched) byTownship.set(m.township.code, [...(byTownship.get(m.township.code) ?? []), m])
  const features = [...byTownship.values()].map((parts) => {
    const { township } = parts[0]!
    if (parts.length > 1)
      warnings.push(
        boundaryProblem(
          parts[0]!.feature,
          township.name,
          `要素 ${parts.map((p) => `#${p.feature}`).join('、')} 都属于${township.name}，已合并为一个区域`,
          `Features ${parts.map((p) => `#${p.feature}`).join(', ')} all belong to ${township.name}; merged into one area`,
        ),
      )
    const geometry: BoundaryGeometry =
      parts.length === 1
        ? parts[0]!.geometry
        : { type: 'MultiPolygon', coordinates: parts.flatMap((p) => polygonsOf(p.geometry)) }
    return { type: 'Feature' as const, properties: { code: township.code, name: township.name }, geometry }
  })
  const missing = townships.filter((t) => !byTownship.has(t.code))
  if (missing.length)
    warnings.push(
      boundaryProblem(
        null,
        null,
        `${missing.length} 个乡镇（街道）没有边界，地图上不显示：${missing.map((t) => t.name).join('、')}`,
        `${missing.length} township(s) have no boundary and are not drawn: ${missing.map((t) => t.name).join(', ')}`,
      ),
    )
  return {
    ok: true,
    collection: { type: 'FeatureCollection', features },
    // A foreign member the demo generator writes, so the dashboard can say the map is schematic.
    schematic: root.schematic === true,
    missing,
    warnings,
  }
}
