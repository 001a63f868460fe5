// How much each demo county generates in 2023 (other years follow `growth`). 金沙县's 2023 figures are the
// article's; the others are sized from their articles where they give figures (交城县 since 2019: 709 visits,
// 1,017 people; 六盘水市 since 2019: 17,536 voters and 1,911 opinions over three districts).

export interface CountySize {
  /** Rooms (联络室) in villages. */
  rooms: number
  /** Townships that run a second 联络站. */
  extraStations: string[]
  /** Points (联络点) by township name. */
  points: Record<string, number>
  homes: number
  deputies: number
  receptions: number
  visitorsPerActivity: number
  opinions: number
  /** Share of opinions that arrive through the online station. */
  onlineShare: number
  /** Micro-projects approved per year and the money they get (元). */
  projects: number
  projectFunds: number
  fundBudget: number
  /** Prefix of register numbers. */
  prefix: string
}

export const countySizes: Record<string, CountySize> = {
  '520523': {
    rooms: 70,
    extraStations: ['民兴街道'],
    points: {},
    homes: 1,
    deputies: 1422,
    receptions: 685,
    visitorsPerActivity: 1259 / 685,
    opinions: 853,
    onlineShare: 505 / 853,
    projects: 13,
    projectFunds: 370_000,
    fundBudget: 5_000_000,
    prefix: 'JS',
  },
  '520626': {
    rooms: 50,
    extraStations: [],
    points: {},
    homes: 1,
    deputies: 1100,
    receptions: 520,
    visitorsPerActivity: 2.1,
    opinions: 640,
    onlineShare: 0.35,
    projects: 10,
    projectFunds: 300_000,
    fundBudget: 3_000_000,
    prefix: 'DJ',
  },
  '141122': {
    rooms: 24,
    extraStations: [],
    points: { 西营镇: 7, 洪相镇: 6 },
    homes: 0,
    deputies: 700,
    receptions: 150,
    visitorsPerActivity: 1.4,
    opinions: 140,
    onlineShare: 0.2,
    projects: 5,
    projectFunds: 150_000,
    fundBudget: 1_500_000,
    prefix: 'JC',
  },
  '532503': {
    rooms: 40,
    extraStations: [],
    points: {},
    homes: 1,
    deputies: 900,
    receptions: 400,
    visitorsPerActivity: 2.0,
    opinions: 500,
    onlineShare: 0.3,
    projects: 8,
    projectFunds: 260_000,
    fundBudget: 2_500_000,
    prefix: 'MZ',
  },
  '520203': sixSize('LZ', 45, 1000),
  '520204': sixSize('SC', 70, 1500),
  '520201': sixSize('ZS', 40, 1100),
}

function sixSize(prefix: string, rooms: number, deputies: number): CountySize {
  return {
    rooms,
    extraStations: [],
    points: {},
    homes: 1,
    deputies,
    receptions: 450,
    visitorsPerActivity: 2.6,
    opinions: 150,
    onlineShare: 0.3,
    projects: 6,
    projectFunds: 200_000,
    fundBudget: 2_000_000,
    prefix,
  }
}

/** Year-on-year growth of activity relative to 2023. */
export const growth: Record<number, number> = { 2021: 0.7, 2022: 0.85, 2023: 1, 2024: 1.1, 2025: 1.18 }
