// The one ECharts registration of the product, in two parts loaded on demand (load.ts): this one has what the
// axis charts need (bars, lines and their components), which every module's first view draws; extras.ts adds
// the rest. @liaison/ui is a federation singleton, so each runs once for the shell and every module.
import { countEvaluation } from '@liaison/filters'
import { BarChart, LineChart } from 'echarts/charts'
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import VChart from 'vue-echarts'
import { registerThemes } from './themes.ts'

echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
])
registerThemes(echarts.registerTheme)
countEvaluation('echarts')

/** The registered ECharts core (for tests that check it is one object across the shell and modules). */
export { echarts, VChart }
