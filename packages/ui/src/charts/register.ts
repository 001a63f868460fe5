// The one ECharts registration of the product, in parts loaded on demand (load.ts): this one has what the axis
// charts need (bars, lines and their components), which every module's first view draws; tooltip.ts adds the
// tooltip once the first view has painted, markers.ts reference lines, extras.ts the rest. @liaison/ui is a
// federation singleton, so each runs once for the shell and every module.
import { countEvaluation } from '@liaison/filters'
import { BarChart, LineChart } from 'echarts/charts'
import {
  AriaComponent,
  AxisPointerComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
} from 'echarts/components'
import { getInstanceByDom, init, registerTheme, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import VChart from 'vue-echarts'
import { registerThemes } from './themes.ts'

use([
  BarChart,
  LineChart,
  AriaComponent,
  // The tooltip's axis pointer registers a data processor, which a chart copies when it is created: it must be
  // here, before the first chart, for the tooltip loaded later to work on charts already drawn.
  AxisPointerComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  CanvasRenderer,
])
registerThemes(registerTheme)
countEvaluation('echarts')

/** The registered ECharts core: what the product calls, named one by one. A namespace import would keep every
 * export of echarts/core (the geo parser, the helpers, every graphic class) in the first view's bundle. The object
 * is also what the browser tests compare across the shell and modules. */
export const echarts = { init, getInstanceByDom }
export { VChart }
