// The ECharts component, resolved from the on-demand registration (ChartPanel shows it only once loaded).
import { defineAsyncComponent } from 'vue'
import { loadCharts } from '../charts/load.ts'

export const VChart = defineAsyncComponent(() => loadCharts().then((charts) => charts.VChart))
