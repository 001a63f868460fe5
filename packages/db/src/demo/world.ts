// The places of one demo county: its townships (real, from the region tree) and its stations.
import type { DbHandle } from '../index.ts'
import { addDays, dayOf } from './dates.ts'
import type { DemoCounty } from './places.ts'
import { distribute, type Random } from './random.ts'
import type { CountySize } from './sizes.ts'

export interface Township {
  code: string
  name: string
  /** How active the township is: the articles' named townships lead, a few lag. */
  strength: number
  lagging: boolean
  population: number
  villages: { code: string; name: string }[]
}

export interface Station {
  id: number
  countyCode: string
  townshipCode: string
  villageCode: string | null
  code: string
  name: string
  kind: 'station' | 'room' | 'point' | 'home' | 'online'
  status: 'planned' | 'building' | 'built' | 'standardised'
  plannedYear: number | null
  builtOn: string | null
  standardisedOn: string | null
  areaM2: number
  staffHeads: number
  staffDeputyHeads: number
  staffLiaisons: number
  items: boolean[]
}

export async function loadTownships(handle: DbHandle, county: DemoCounty, rnd: Random): Promise<Township[]> {
  const rows = await handle.rows<{ code: string; name: string }>(
    `select code, name from regions where parent_code = $1 and level = 'township' order by code`,
    [county.code],
  )
  const villages = await handle.rows<{ code: string; name: string; parent_code: string }>(
    `select code, name, parent_code from regions where level = 'village' and code like $1 order by code`,
    [`${county.code}%`],
  )
  const unnamed = rnd.shuffle(rows.filter((t) => !county.namedTownships.includes(t.name)))
  const lagging = new Set(unnamed.slice(0, Math.max(2, Math.round(rows.length / 9))).map((t) => t.code))
  const weights = rows.map(() => 0.5 + rnd.next())
  const populations = distribute(county.population, weights)
  return rows.map((t, i) => {
    const named = county.namedTownships.includes(t.name)
    const isLagging = lagging.has(t.code)
    return {
      ...t,
      strength: named
        ? 1.35 + rnd.next() * 0.2
        : isLagging
          ? 0.55 + rnd.next() * 0.15
          : 0.85 + rnd.next() * 0.3,
      lagging: isLagging,
      population: populations[i]!,
      villages: villages.filter((v) => v.parent_code === t.code),
    }
  })
}

/** Standardisation timeline: index → the year-end by which it is done (null = not yet by 2025). */
function schedule(total: number, done: [number, number, number]): (number | null)[] {
  const [by2023, by2024, by2025] = done
  return Array.from({ length: total }, (_, i) =>
    i < by2023 ? 2023 : i < by2024 ? 2024 : i < by2025 ? 2025 : null,
  )
}

export function buildStations(
  county: DemoCounty,
  size: CountySize,
  townships: Township[],
  rnd: Random,
  nextId: () => number,
  calibrated: { stations: [number, number, number]; rooms: [number, number, number] } | null,
): Station[] {
  // Strong townships standardise first.
  const byStrength = [...townships].sort((a, b) => b.strength - a.strength)
  const stationTownships = [...byStrength, ...townships.filter((t) => size.extraStations.includes(t.name))]
  const stationCount = stationTownships.length
  const roomTownships = distribute(
    size.rooms,
    byStrength.map((t) => t.strength * (t.villages.length + 1)),
  )
  const roomsOrder = byStrength.flatMap((t, i) => Array.from({ length: roomTownships[i]! }, () => t))
  const stationPlan = schedule(stationCount, calibrated?.stations ?? shares(stationCount, [0.45, 0.75, 0.95]))
  const roomPlan = schedule(
    roomsOrder.length,
    calibrated?.rooms ?? shares(roomsOrder.length, [0.35, 0.65, 0.9]),
  )
  const stations: Station[] = []
  const seq: Record<string, number> = {}
  const make = (
    t: Township,
    kind: Station['kind'],
    name: string,
    doneBy: number | null,
    village: Township['villages'][number] | null,
  ) => {
    const n = (seq[kind] ?? 0) + 1
    seq[kind] = n
    // Built over the years before standardisation, so built coverage grows too; a few never start.
    const built =
      doneBy === null && rnd.chance(0.3)
        ? null
        : dayOf(rnd.int(2018, doneBy ?? 2024), rnd.int(1, 12), rnd.int(1, 28))
    const standardisedOn = doneBy && built ? dayOf(doneBy, rnd.int(3, 11), rnd.int(1, 28)) : null
    const status = standardisedOn
      ? 'standardised'
      : built
        ? 'built'
        : rnd.chance(0.5)
          ? 'planned'
          : 'building'
    const complete = status === 'standardised'
    stations.push({
      id: nextId(),
      countyCode: county.code,
      townshipCode: t.code,
      villageCode: village?.code ?? null,
      code: `${size.prefix}-${{ station: 'ZZ', room: 'LS', point: 'LD', home: 'JZ', online: 'WS' }[kind]}-${String(n).padStart(3, '0')}`,
      name,
      kind,
      status: kind === 'online' ? 'built' : status,
      plannedYear: kind === 'online' ? null : (doneBy ?? (status === 'planned' ? 2026 : 2025)),
      builtOn:
        kind === 'online'
          ? dayOf(2021, rnd.int(1, 6), rnd.int(1, 28))
          : built && standardisedOn && built > standardisedOn
            ? addDays(standardisedOn, -90)
            : built,
      standardisedOn: kind === 'online' ? null : standardisedOn,
      areaM2: kind === 'online' ? 0 : kind === 'station' ? rnd.int(60, 220) : rnd.int(25, 90),
      staffHeads: kind === 'online' ? 0 : 1,
      staffDeputyHeads: kind === 'station' ? rnd.int(1, 2) : rnd.int(0, 1),
      staffLiaisons: kind === 'online' ? 1 : rnd.int(1, 4),
      items: Array.from(
        { length: 7 },
        () => kind !== 'online' && status !== 'planned' && (complete || rnd.chance(built ? 0.7 : 0.2)),
      ),
    })
  }
  stationTownships.forEach((t, i) => {
    const second = i >= townships.length
    make(t, 'station', `${t.name}${second ? '城北' : ''}人大代表联络站`, stationPlan[i]!, null)
  })
  const used = new Map<string, number>()
  roomsOrder.forEach((t, i) => {
    const k = used.get(t.code) ?? 0
    used.set(t.code, k + 1)
    const village = t.villages.length ? t.villages[k % t.villages.length]! : null
    const suffix =
      t.villages.length && k >= t.villages.length ? `第${Math.floor(k / t.villages.length) + 1}` : ''
    make(
      t,
      'room',
      `${village?.name.replace(/(村|居|社区)?(民|居)?委员?会$/, '') ?? t.name}${suffix}人大代表联络室`,
      roomPlan[i]!,
      village,
    )
  })
  for (const [name, count] of Object.entries(size.points)) {
    const t = townships.find((x) => x.name === name)
    for (let k = 0; t && k < count; k++)
      make(t, 'point', `${t.name}第${k + 1}代表联络点`, rnd.chance(0.5) ? 2024 : null, null)
  }
  for (let k = 0; k < size.homes; k++) make(byStrength[0]!, 'home', `${county.name}人大代表之家`, 2024, null)
  for (const t of townships) make(t, 'online', `${t.name}人大代表网上联络站`, null, null)
  return stations
}

function shares(total: number, fractions: [number, number, number]): [number, number, number] {
  return fractions.map((f) => Math.round(total * f)) as [number, number, number]
}
