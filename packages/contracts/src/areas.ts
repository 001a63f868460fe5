// Region words without zod, so the browser modules can import them (`@liaison/contracts/areas`) cheaply.

/** The whole country as a region: every figure endpoint takes it where it takes a division code. */
export const nationCode = 'CN'
/** The nation's name: the divisions keep their Chinese names in both languages (the division table has no others),
 * but 全国 is a word, not a name. */
export const nationName = { zh: '全国', en: 'China' } as const

/** A region's name in the page's language. */
export const regionName = (code: string, name: string, language: string) =>
  code === nationCode ? (language.startsWith('en') ? nationName.en : nationName.zh) : name

/** What a region's areas are called: provinces of the nation, cities of a province, counties of a city,
 * townships of a county (and of a township, itself). */
export function areaLabel(region: string): { zh: string; en: string } {
  const length = region === nationCode ? 0 : region.length
  if (length === 0) return { zh: '省（区、市）', en: 'Province' }
  if (length === 2) return { zh: '市（州）', en: 'City' }
  if (length === 4) return { zh: '县（市、区）', en: 'County' }
  return { zh: '乡镇（街道）', en: 'Township' }
}

/** The areas of a region by its name, as a panel or chart listing them is quoted: 金沙县各乡镇（街道）, Townships of
 * 金沙县 (Counties of … for a city). */
export function areasOfName(region: string, name: string): { zh: string; en: string } {
  const { zh, en } = areaLabel(region)
  return { zh: `${name}各${zh}`, en: `${en.replace(/y$/, 'ie')}s of ${name}` }
}

/** The same in a few words (省, 市, 县, 乡镇; province, city…): a menu item's or a file name's. */
export function areaWord(region: string): { zh: string; en: string } {
  const { zh, en } = areaLabel(region)
  return { zh: zh.replace(/（.*）/, ''), en: en.toLowerCase() }
}

/**
 * What the reference row of an area table is called: the region's own rate, or its total per area. In Chinese by
 * the last character of the region's name — 县均, but 市均 for 蒙自市, 区均 for 七星关区 or 六枝特区, 州均, 旗均, 省均 —
 * as the summary says 全县, 全市 and 全区.
 */
export function averageLabel(region: string, name: string): { zh: string; en: string } {
  const length = region === nationCode ? 0 : region.length
  if (length === 0) return { zh: '全国平均', en: 'National average' }
  if (length > 6) return { zh: '乡镇均', en: 'Township average' }
  return {
    zh: `${name.slice(-1)}均`,
    en: `${length === 2 ? 'Province' : length === 4 ? 'City' : 'County'} average`,
  }
}

/** A region's own figure that is not an average of its areas' (a median of all its opinions): 全县 9天, County
 * overall 9 days. */
export function wholeLabel(region: string, name: string): { zh: string; en: string } {
  const length = region === nationCode ? 0 : region.length
  if (length === 0) return { zh: '全国', en: 'National overall' }
  const level = length === 2 ? 'Province' : length === 4 ? 'City' : length === 6 ? 'County' : 'Township'
  return { zh: `全${name.slice(-1)}`, en: `${level} overall` }
}

/** The people's congress body of a region, as a watermark names the organisation: the standing committee
 * (人大常委会) of a county, city or province, a township's presidium (人大主席团), a sub-district's working
 * committee (人大工委, 街道 have no congress of their own). */
export function organisationName(region: string, name: string): { zh: string; en: string } {
  if (region === nationCode)
    return { zh: '全国人大常委会', en: "Standing Committee of the National People's Congress" }
  if (region.length < 9)
    return { zh: `${name}人大常委会`, en: `Standing Committee of the ${name} People's Congress` }
  if (name.endsWith('街道'))
    return { zh: `${name}人大工委`, en: `${name} People's Congress Working Committee` }
  return { zh: `${name}人大主席团`, en: `Presidium of the ${name} People's Congress` }
}
