// The watermark chosen for exports — none, the organisation's name, or the exporting user's name and the date —
// and the chart images' background, shared by the report menu and every chart's export menu, remembered in the
// browser. The watermark's text comes from the server (GET /exports/watermark), which words it for the Word report and the deck the same way.
import { type Ref, ref, watch } from 'vue'

export type WatermarkChoice = 'none' | 'org' | 'user'
export const watermarkChoices: WatermarkChoice[] = ['none', 'org', 'user']

/** A choice remembered in the browser (localStorage may be missing or refuse: then the default). */
function remembered<T extends string>(key: string, choices: readonly T[], fallback: T) {
  let initial = fallback
  try {
    const value = globalThis.localStorage?.getItem(key)
    if (choices.includes(value as T)) initial = value as T
  } catch {}
  const choice = ref(initial) as Ref<T>
  watch(choice, (value) => {
    try {
      globalThis.localStorage?.setItem(key, value)
    } catch {}
  })
  return choice
}

/** The user's choice; the exporting user's name and date until they choose otherwise. */
export const watermarkChoice = remembered<WatermarkChoice>('liaison.watermark', watermarkChoices, 'user')

export const watermarkWords = {
  zh: { title: '水印', none: '无水印', org: '单位名称', user: '导出人及日期' },
  en: { title: 'Watermark', none: 'No watermark', org: 'Organisation', user: 'My name and date' },
}

/** The text of a watermark for exports of `region` (null for none), as the server words it. */
export async function watermarkText(
  choice: WatermarkChoice,
  region: string,
  lang: 'zh' | 'en',
): Promise<string | null> {
  if (choice === 'none') return null
  const query = new URLSearchParams({ watermark: choice, region, lang })
  const response = await fetch(`/api/v1/exports/watermark?${query}`, { credentials: 'same-origin' })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return ((await response.json()) as { text: string | null }).text
}

/** Exported chart images go on white (for Word and PPT) unless the user asks for the screen's theme. */
export type ImageBackground = 'white' | 'theme'
export const imageBackgrounds: ImageBackground[] = ['white', 'theme']
export const imageBackground = remembered<ImageBackground>(
  'liaison.image-background',
  imageBackgrounds,
  'white',
)

export const backgroundWords = {
  zh: { title: '图片背景', white: '白色背景', theme: '当前主题背景' },
  en: { title: 'Image background', white: 'White', theme: 'Screen theme' },
}

/**
 * Apply a menu command from a ChoiceItems group (`mark:<choice>` or `background:<choice>`) to the remembered
 * choice; false for any other command, which the menu handles itself.
 */
export function takeChoice(command: string): boolean {
  const [prefix, value] = command.split(':')
  if (prefix === 'mark' && watermarkChoices.includes(value as WatermarkChoice))
    watermarkChoice.value = value as WatermarkChoice
  else if (prefix === 'background' && imageBackgrounds.includes(value as ImageBackground))
    imageBackground.value = value as ImageBackground
  else return false
  return true
}
