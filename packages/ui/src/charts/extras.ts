// The charts and components only some panels and the exports use: funnels, donuts, radars, the township map
// (series map brings the geo coordinate system) with its colour legend, small multiples' titles, the exports' watermark (graphic), label layout, and
// the SVG renderer for vector export and print. Registered on the same ECharts core.
import { FunnelChart, MapChart, PieChart, RadarChart } from 'echarts/charts'
import {
  GraphicComponent,
  RadarComponent,
  TitleComponent,
  VisualMapContinuousComponent,
} from 'echarts/components'
import { getMap, registerMap, use } from 'echarts/core'
import { LabelLayout } from 'echarts/features'
import { SVGRenderer } from 'echarts/renderers'

use([
  FunnelChart,
  PieChart,
  RadarChart,
  MapChart,
  GraphicComponent,
  RadarComponent,
  TitleComponent,
  VisualMapContinuousComponent,
  LabelLayout,
  SVGRenderer,
])

/** Maps are registered here, with the map chart, so the first view does not carry the GeoJSON parser. */
export { getMap, registerMap }
