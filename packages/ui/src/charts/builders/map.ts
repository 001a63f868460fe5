// A map of a county's townships, shaded by one figure, from a registered GeoJSON boundary.
import { formatValue, labelColon, type Unit } from '../../format/index.ts'
import type { ChartTheme } from '../themes.ts'
import { themeTokens } from '../themes.ts'
import { axisFormatter, type BuilderOptions, baseOption, type Row } from './common.ts'

/** Light to dark in one hue (Okabe–Ito blue): ordered, and readable with every kind of colour blindness. */
const ramps: Record<ChartTheme, string[]> = {
  light: ['#e3eef7', '#0072B2'],
  dark: ['#1f3547', '#56B4E9'],
  'big-screen': ['#1f3547', '#56B4E9'],
  'big-screen-compact': ['#1f3547', '#56B4E9'],
}

export interface MapOptions extends BuilderOptions {
  /** The name the boundary was registered under (`registerBoundary`). */
  map: string
  /** The row key holding the value; rows are matched to areas by `name`. */
  value: string
  /** The figure's name, in the tooltip and the legend. */
  label: string
  unit: Unit
  /** Width to height of a degree, cos(latitude): keeps the county's shape (`boundaryAspect`). */
  aspectScale?: number
}

export function buildMapOption(rows: Row[], theme: ChartTheme, options: MapOptions) {
  const t = themeTokens[theme]
  const values = rows.map((r) => r[options.value]).filter((v): v is number => typeof v === 'number')
  const rate = options.unit === 'rate'
  const max = rate ? 1 : Math.max(1, ...values)
  return {
    ...baseOption(theme, options),
    dataset: { dimensions: ['name', 'area', options.value], source: rows },
    exportColumns: [
      { key: 'name', label: '', unit: 'text' },
      { key: options.value, label: options.label, unit: options.unit },
    ],
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: { name: string; data?: Row }) =>
        `${p.name}<br/>${options.label}${labelColon(options.locale)}${formatValue(p.data?.[options.value] as number | null, options.unit, options.locale)}`,
    },
    visualMap: {
      type: 'continuous' as const,
      min: 0,
      max,
      dimension: options.value,
      left: 0,
      bottom: 0,
      itemHeight: 100,
      // The two ends, as the value axis of any chart writes them (the figure is named in the panel's picker).
      text: [
        axisFormatter(options.unit, options.locale)(max),
        axisFormatter(options.unit, options.locale)(0),
      ],
      textGap: 6,
      // The marker on the scale for a township pointed at: its figure as the tooltip says it (79.7%, not 80%).
      formatter: (value: number) => formatValue(value, options.unit, options.locale),
      inRange: { color: ramps[theme] },
      textStyle: { color: t.muted, fontSize: t.fontSize },
    },
    series: [
      {
        type: 'map' as const,
        map: options.map,
        name: options.label,
        encode: { itemName: 'name', value: options.value },
        aspectScale: options.aspectScale ?? 0.75,
        // A box (numbers, which the chart export shifts under its header), clear of the legend on the left;
        // the county keeps its shape inside it.
        top: 8,
        bottom: 8,
        left: 64,
        right: 8,
        preserveAspect: 'contain' as const,
        selectedMode: false as const,
        // A halo in the page's colour keeps the names readable on light and dark areas alike.
        label: {
          show: true,
          fontSize: Math.max(10, t.fontSize - 2),
          color: t.text,
          textBorderColor: theme === 'light' ? '#ffffff' : '#0b1620',
          textBorderWidth: 2,
        },
        labelLayout: { hideOverlap: true },
        itemStyle: {
          areaColor: t.split,
          borderColor: theme === 'light' ? '#ffffff' : '#0b1620',
          borderWidth: 1,
        },
        emphasis: {
          label: { show: true, fontWeight: 'bold' as const },
          itemStyle: { areaColor: ramps[theme][1]!, borderColor: t.target, borderWidth: 2 },
        },
      },
    ],
  }
}

/** cos(latitude) at the boundary's middle: how much narrower a degree of longitude is than one of latitude. */
export function boundaryAspect(geojson: { features: { geometry: { coordinates: unknown } }[] }) {
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return
    if (typeof c[1] === 'number') {
      low = Math.min(low, c[1])
      high = Math.max(high, c[1])
    } else for (const inner of c) walk(inner)
  }
  for (const f of geojson.features) walk(f.geometry.coordinates)
  return low <= high ? Math.cos((((low + high) / 2) * Math.PI) / 180) : 0.75
}
