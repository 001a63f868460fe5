// Deputies of all five levels, spread over the townships by population and assigned to their stations.
import { personName, phoneNumber } from './names.ts'
import { distribute, type Random } from './random.ts'
import type { CountySize } from './sizes.ts'
import type { Station, Township } from './world.ts'

export interface Deputy {
  id: number
  countyCode: string
  townshipCode: string
  stationId: number | null
  code: string
  name: string
  level: string
  category: string
  groupName: string
  term: string
  phone: string
}

const levels = ['national', 'provincial', 'city', 'county', 'township'] as const
const terms: Record<string, string> = {
  national: '第十四届',
  provincial: '第十四届',
  city: '第五届',
  county: '第十八届',
  township: '第十九届',
}

export function buildDeputies(
  size: CountySize,
  townships: Township[],
  stations: Station[],
  rnd: Random,
  nextId: () => number,
): Deputy[] {
  const perTownship = distribute(
    size.deputies,
    townships.map((t) => t.population),
  )
  const deputies: Deputy[] = []
  townships.forEach((t, i) => {
    const places = stations.filter((s) => s.townshipCode === t.code && s.kind !== 'online')
    const isStreet = t.name.endsWith('街道') // 街道 have no congress of their own
    for (let k = 0; k < perTownship[i]!; k++) {
      const level = rnd.weighted(levels, isStreet ? [0.2, 1.5, 8, 90, 0] : [0.2, 1, 5, 24, 70])
      deputies.push({
        id: nextId(),
        countyCode: t.code.slice(0, 6),
        townshipCode: t.code,
        stationId: places.length && rnd.chance(0.92) ? rnd.pick(places).id : null,
        code: `${size.prefix}-D${String(deputies.length + 1).padStart(5, '0')}`,
        name: personName(rnd),
        level,
        category: rnd.weighted(
          ['official', 'enterprise', 'rural', 'professional', 'other'],
          [20, 15, 40, 15, 10],
        ),
        groupName: `${t.name}第${rnd.int(1, 4)}代表小组`,
        term: terms[level]!,
        phone: phoneNumber(rnd),
      })
    }
  })
  return deputies
}
