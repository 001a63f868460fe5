// The tooltip (≈ 8 KB gzip) is not needed to see a chart: it loads once the first view has painted, or as soon as
// a pointer or the keyboard reaches a chart (load.ts). Charts drawn before then set their option again when it is
// registered (ChartPanel), which creates their tooltip.
import { TooltipComponent } from 'echarts/components'
import { use } from 'echarts/core'

use([TooltipComponent])
