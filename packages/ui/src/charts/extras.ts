// The charts and components only some panels and the exports use: funnels, donuts, radars, small multiples'
// titles, label layout, and the SVG renderer for vector export and print. Registered on the same ECharts core.
import { FunnelChart, PieChart, RadarChart } from 'echarts/charts'
import { RadarComponent, TitleComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { LabelLayout } from 'echarts/features'
import { SVGRenderer } from 'echarts/renderers'

echarts.use([FunnelChart, PieChart, RadarChart, RadarComponent, TitleComponent, LabelLayout, SVGRenderer])
