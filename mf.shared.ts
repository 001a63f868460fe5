// Module-federation settings shared by every Vite config (shell and modules): one list of singletons, one
// plugin-vue setup. Imported with the explicit .ts extension (Vite 8's native config loader needs it).
import vue from '@vitejs/plugin-vue'
import { visualizer } from 'rollup-plugin-visualizer'
import { compression } from 'vite-plugin-compression2'
import { moduleFirstView } from './first-view-preload.ts'

/**
 * `ANALYZE=treemap pnpm build` (or raw-data, list, sunburst) writes each app's bundle analysis to
 * dist/bundle-<template>.*, with gzip sizes: what each chunk holds and what it weighs.
 */
function bundleAnalysis() {
  const template = process.env.ANALYZE as 'treemap' | 'raw-data' | 'list' | 'sunburst' | undefined
  if (!template) return []
  const extension = template === 'raw-data' ? 'json' : template === 'list' ? 'yml' : 'html'
  return [visualizer({ template, filename: `dist/bundle-${template}.${extension}`, gzipSize: true })]
}

/**
 * A gzip -9 copy beside every script, style sheet and manifest over 1 KB (`x.js.gz`), which the API sends to a
 * browser that accepts gzip (serveStatic's `precompressed`): the first view crosses the wire as ≈ 350 KB instead of
 * ≈ 1.2 MB, with no compression work per request. Brotli would save ≈ 15% more but took 20 s of a 2-core build.
 */
const compressedCopies = () =>
  compression({ algorithms: ['gzip'], include: /\.(js|css|json|svg)$/, threshold: 1024 })

/** Loaded once, from whichever app provides it first. Sharing @liaison/ui makes ECharts a singleton too. */
export const sharedSingletons = {
  vue: { singleton: true, requiredVersion: '^3.5.0' },
  pinia: { singleton: true, requiredVersion: '^4.0.0' },
  'vue-i18n': { singleton: true, requiredVersion: '^11.0.0' },
  '@liaison/filters': { singleton: true, requiredVersion: '^1.0.0' },
  '@liaison/ui': { singleton: true, requiredVersion: '^1.0.0' },
}

/**
 * A built module takes @liaison/filters from the shell only (no copy of its own). @module-federation/vite 1.23.0
 * gives a workspace singleton that another shared package depends on (@liaison/ui imports the filters) an
 * eager local fallback: each module evaluated its own copy of the filters before the shell's replaced it. A
 * built module only runs inside the shell (its runtime is the shell's already, `externalRuntime`), so it needs
 * no fallback; on its own dev server it keeps one.
 */
const builtModuleShared = {
  ...sharedSingletons,
  '@liaison/filters': { ...sharedSingletons['@liaison/filters'], import: false as const },
}

/**
 * vue-i18n's compile-time flags (its esm-bundler build reads them): the product uses only the Composition API
 * (`legacy: false`), so the legacy API is left out; `<i18n-t>` is not registered globally (the two upload forms import
 * I18nT), which keeps the install code out of the first view; no devtools hook in production.
 */
const vueI18nFlags = {
  __VUE_I18N_LEGACY_API__: 'false',
  __VUE_I18N_FULL_INSTALL__: 'false',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
}

/**
 * The federation plugin tracks every module the build parses to find the shared ones, and gives up after 10 s
 * without activity ("forcing resolve. Some shared/remote dependencies may be missing"): on a busy 2-core machine
 * builds stall that long. Its own advice: a longer idle timeout (seconds).
 */
const moduleParseIdleTimeout = 120

/** The module names, their dev-server ports and their production base under the API process. */
export const modulePorts = {
  overview: 5174,
  stations: 5175,
  opinions: 5176,
  funding: 5177,
  reportback: 5178,
} as const
export type ModuleName = keyof typeof modulePorts
export const shellPort = 5173
export const apiPort = 8787

/**
 * plugin-vue hashes the path relative to the app root, so two modules' `src/Module.vue` get the same scoped-CSS
 * id in dev (styles bleed, HMR patches the wrong component). Prefix the app name.
 */
export const vueForMf = (app: string) =>
  vue({
    features: {
      // Every component here (and in Element Plus, vue-router, vue-echarts, vue-i18n without its legacy API) uses
      // setup(): Vue's Options API support is left out of the bundle.
      optionsAPI: false,
      componentIdGenerator: (filepath, source, isProduction, hash) =>
        hash(`${app}:${filepath}${isProduction ? source : ''}`),
    },
  })

// The federation plugin is passed in: it is a dependency of each app, not of the repository root.
type FederationPlugin = (options: never) => unknown

/** The whole Vite config of a module: exposes ./Module, built for /modules/<name>/. */
export function moduleViteConfig<F extends FederationPlugin>(
  name: ModuleName,
  federation: F,
  command: 'build' | 'serve',
) {
  const port = modulePorts[name]
  return {
    // Production: served by the API process under /modules/<name>/; dev: its own server on its own port.
    base: command === 'build' ? `/modules/${name}/` : '/',
    define: vueI18nFlags,
    plugins: [
      vueForMf(name),
      federation(<Parameters<F>[0]>{
        name,
        filename: 'remoteEntry.js',
        manifest: true,
        exposes: { './Module': './src/Module.vue' },
        shared: command === 'build' ? builtModuleShared : sharedSingletons,
        dts: false,
        moduleParseIdleTimeout,
        // The shell provides the MF runtime in production; standalone dev needs its own copy.
        experiments: { externalRuntime: command === 'build' },
      }) as ReturnType<F>,
      moduleFirstView('src/Module.vue'),
      compressedCopies(),
      ...bundleAnalysis(),
    ],
    server: {
      port,
      strictPort: true,
      origin: `http://localhost:${port}`,
      cors: true,
      proxy: { '/api': `http://127.0.0.1:${apiPort}` },
    },
    preview: { port, strictPort: true, cors: true },
    build: { target: 'esnext', chunkSizeWarningLimit: 1500, rolldownOptions: { output: { chunkFileNames } } },
  }
}

/**
 * The ECharts code that the first view's registration shares with the parts loaded later (tooltip, reference
 * lines, other charts), in one chunk: left to itself the bundler cuts it into six, which compress ≈ 3.7 KB worse,
 * and the first view loads them all anyway. `minShareCount` counts any two chunks, so code shared by two later
 * parts only would land here too: with today's parts it and the registration's chunk hold exactly the modules the
 * seven chunks held (compared with ANALYZE=raw-data); check again when a part is added.
 */
const echartsShared = {
  name: 'echarts-shared',
  test: /[\\/]node_modules[\\/].*[\\/](echarts|zrender)[\\/]/,
  minShareCount: 2,
  priority: 1,
}

/**
 * Short names for the federation plugin's virtual chunks. Left alone they are named after their module ids
 * (`_virtual_mf___mfe_internal__shell__mf_owner__99067803527294__loadShare__vue_mf_2_i18n__loadShare__.js-….js`,
 * up to 126 characters), and every chunk importing one spells that out: `share-vue-i18n-….js` instead, or
 * `fallback-pinia-….js` for a module's own copy of a shared package (never fetched inside the shell).
 */
function chunkFileNames(chunk: { name: string }) {
  if (!chunk.name.startsWith('_virtual_mf')) return 'assets/[name]-[hash].js'
  if (chunk.name.includes('localSharedImportMap')) return 'assets/mf-import-map-[hash].js'
  const [, kind, name] =
    /__(loadShare|prebuild)__(.+?)(?:__(?:loadShare|prebuild)__|$)/.exec(chunk.name) ?? []
  if (!name) return 'assets/mf-[hash].js'
  // The plugin spells a package name's @, / and - as _mf_0_, _mf_1_ and _mf_2_.
  const readable = name.replace(/^_mf_0_/, '').replace(/_mf_\d_/g, '-')
  return `assets/${kind === 'loadShare' ? 'share' : 'fallback'}-${readable}-[hash].js`
}

/** The host: no static remotes (they come from the API's manifest at run time); it provides the MF runtime. */
export function shellViteConfig<F extends FederationPlugin>(federation: F) {
  return {
    define: vueI18nFlags,
    plugins: [
      vueForMf('shell'),
      federation(<Parameters<F>[0]>{
        name: 'shell',
        remotes: {},
        shared: sharedSingletons,
        dts: false,
        moduleParseIdleTimeout,
        experiments: { provideExternalRuntime: true },
      }) as ReturnType<F>,
      compressedCopies(),
      ...bundleAnalysis(),
    ],
    server: {
      port: shellPort,
      strictPort: true,
      proxy: {
        '/api': `http://127.0.0.1:${apiPort}`,
        // Dev: the manifest's /modules/<name>/mf-manifest.json comes from that module's own dev server.
        ...Object.fromEntries(
          Object.entries(modulePorts).map(([name, port]) => [
            `/modules/${name}/`,
            {
              target: `http://localhost:${port}`,
              rewrite: (path: string) => path.slice(`/modules/${name}`.length),
            },
          ]),
        ),
      },
    },
    preview: { port: shellPort, strictPort: true, proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
    build: {
      target: 'esnext',
      chunkSizeWarningLimit: 1500,
      // Every browser the product supports (esnext: current Chromium, Firefox, Safari) knows modulepreload.
      modulePreload: { polyfill: false },
      rolldownOptions: { output: { chunkFileNames, codeSplitting: { groups: [echartsShared] } } },
    },
  }
}
