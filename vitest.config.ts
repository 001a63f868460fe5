import { availableParallelism } from 'node:os'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// One vitest config for the whole tree, split into projects by environment.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on the 2-core CI machine. Most test time
    // is spent waiting on other processes (PostgreSQL, Chromium, spawned API servers, LibreOffice): with two workers
    // there the files' 625 s ran in 425 s (2026-11-30). Every test database and server port is per test file.
    maxWorkers: Math.max(2, availableParallelism() - 1),
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
