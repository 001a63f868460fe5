// The one ECharts registration of the product: only the charts and components the dashboard draws.
// @liaison/ui is a federation singleton, so this runs once for the shell and every module.
import { BarChart, FunnelChart, LineChart, MapChart, PieChart, RadarChart } from 'echarts/charts'
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { LabelLayout } from 'echarts/features'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
import { registerThemes } from './themes.ts'

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  FunnelChart,
  RadarChart,
  // The township map (series map; it brings the geo coordinate system) and its colour legend.
  MapChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  LabelLayout,
  CanvasRenderer,
  // For crisp vector export and print (a panel may pass init-options { renderer: 'svg' }).
  SVGRenderer,
])
registerThemes(echarts.registerTheme)

/** The registered ECharts core (for tests that check it is one object across the shell and modules). */
export { echarts }
