// Light, dark and big-screen chart themes with a colour-blind-safe palette (Okabe–Ito, reordered for contrast).

/** `big-screen-compact`: the big screen below 1600 px wide (a 1366 px wall monitor), whose 18 px chart text would
 * crowd the category axes out of their panels. */
export type ChartTheme = 'light' | 'dark' | 'big-screen' | 'big-screen-compact'

export const palette = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#56B4E9',
  '#CC79A7',
  '#8C6D00',
  '#555555',
]
export const paletteOnDark = [
  '#56B4E9',
  '#E69F00',
  '#3DC9A0',
  '#FF7F3F',
  '#9AD0F5',
  '#E8A0CB',
  '#F0E442',
  '#BBBBBB',
]

/** Colours the option builders need that are not series colours. */
export interface ThemeTokens {
  text: string
  muted: string
  axis: string
  split: string
  target: string
  good: string
  bad: string
  fontSize: number
}

/** A wall display: light text on the dark surface, large enough to read from across the room. */
const bigScreen: ThemeTokens = {
  text: '#f5f7fa',
  muted: '#cbd2d9',
  axis: '#7b8794',
  split: '#2b3a4a',
  target: '#FF7F3F',
  good: '#3DC9A0',
  bad: '#FF7F3F',
  fontSize: 18,
}

export const themeTokens: Record<ChartTheme, ThemeTokens> = {
  light: {
    text: '#1f2933',
    muted: '#616e7c',
    axis: '#9aa5b1',
    split: '#e4e7eb',
    target: '#D55E00',
    good: '#009E73',
    bad: '#D55E00',
    fontSize: 12,
  },
  dark: {
    text: '#e4e7eb',
    muted: '#9aa5b1',
    axis: '#616e7c',
    split: '#323f4b',
    target: '#FF7F3F',
    good: '#3DC9A0',
    bad: '#FF7F3F',
    fontSize: 12,
  },
  'big-screen': bigScreen,
  'big-screen-compact': { ...bigScreen, fontSize: 14 },
}

function theme(name: ChartTheme) {
  const t = themeTokens[name]
  const axis = {
    axisLine: { lineStyle: { color: t.axis } },
    axisTick: { lineStyle: { color: t.axis } },
    axisLabel: { color: t.muted, fontSize: t.fontSize },
    splitLine: { lineStyle: { color: t.split } },
    nameTextStyle: { color: t.muted, fontSize: t.fontSize },
  }
  return {
    color: name === 'light' ? palette : paletteOnDark,
    backgroundColor: 'transparent',
    textStyle: { color: t.text, fontSize: t.fontSize },
    title: { textStyle: { color: t.text }, subtextStyle: { color: t.muted } },
    legend: { textStyle: { color: t.muted, fontSize: t.fontSize } },
    tooltip: {
      backgroundColor: name === 'light' ? '#ffffff' : '#1f2933',
      borderColor: t.split,
      textStyle: { color: t.text, fontSize: t.fontSize },
    },
    categoryAxis: axis,
    valueAxis: axis,
    radar: {
      axisName: { color: t.muted, fontSize: t.fontSize },
      splitLine: { lineStyle: { color: t.split } },
    },
  }
}

export function registerThemes(register: (name: string, theme: object) => void) {
  for (const name of Object.keys(themeTokens) as ChartTheme[]) register(`liaison-${name}`, theme(name))
}
