import { federation } from '@module-federation/vite'
import { defineConfig } from 'vite'
import { preloadFirstView } from '../../first-view-preload.ts'
import { shellViteConfig } from '../../mf.shared.ts'

const config = shellViteConfig(federation)
// A dashboard link's first view: the shared ui package, the dashboard page and the bars-and-lines ECharts.
config.plugins.push(
  preloadFirstView([
    'packages/ui/src/index.ts',
    'src/pages/DashboardPage.vue',
    'packages/ui/src/charts/register.ts',
  ]),
)
export default defineConfig(config)
