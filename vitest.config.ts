import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// One vitest config for the whole tree, split into projects by environment.
export default defineConfig({
  test: {
    reporters: ['default', './tests/engine-count-reporter.ts'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'packages/{db,metrics,contracts,importer,exporter}/src/**/*.test.ts',
            'apps/api/src/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/reliability/**/*.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['packages/{ui,filters}/src/**/*.test.ts', 'apps/*/src/**/*.dom.test.ts'],
          // Element Plus's per-component style entries import .css files, which only Vite (not Node) can load.
          server: { deps: { inline: ['element-plus'] } },
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
