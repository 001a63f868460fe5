// Reference lines (a target, the county's average): drawn by the stations and report-back charts, not by the
// overview, so they load with the first chart that has one (load.ts) rather than in every first view.
import { MarkLineComponent } from 'echarts/components'
import { use } from 'echarts/core'

use([MarkLineComponent])
