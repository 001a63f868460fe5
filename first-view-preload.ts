// Vite plugins that name the chunks a dashboard's first view needs, so that they are fetched at once instead of
// one after the other (each requested only when the code before it has loaded and run: a chain of round trips).
// The shell: <link rel="modulepreload"> in its index.html for what it reaches only through dynamic imports — the
// shared @liaison/ui (the federation runtime imports it after the shared Vue chunk has run), the dashboard page
// and ECharts. A module: first-view.json, the files its ./Module loads, which the API links from the index.html
// it serves for that module's route (apps/api/src/server/static.ts), before the shell has asked for them.
import type vue from '@vitejs/plugin-vue'

// Vite's plugin type, reached through plugin-vue: vite itself is a dependency of each app, not of the root.
type Plugin = ReturnType<typeof vue>

interface Chunk {
  type: 'chunk'
  fileName: string
  moduleIds: string[]
  imports: string[]
  dynamicImports: string[]
  viteMetadata?: { importedCss: Set<string> }
}
type Bundle = Record<string, { type: string; fileName: string }>

function chunksOf(bundle: Bundle) {
  const chunks = Object.values(bundle).filter((item): item is Chunk & typeof item => item.type === 'chunk')
  const byName = new Map(chunks.map((c) => [c.fileName, c]))
  /** The chunk holding a module (a path ending). */
  const holding = (source: string) => {
    const chunk = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(source)))
    if (!chunk) throw new Error(`first-view preload: no chunk holds ${source}`)
    return chunk
  }
  /** The files of `roots` and of every chunk they import statically, with their CSS. */
  const closure = (roots: string[]) => {
    const js = new Set<string>()
    const css = new Set<string>()
    const add = (file: string) => {
      if (js.has(file)) return
      js.add(file)
      const chunk = byName.get(file)
      for (const sheet of chunk?.viteMetadata?.importedCss ?? []) css.add(sheet)
      for (const imported of chunk?.imports ?? []) add(imported)
    }
    for (const root of roots) add(root)
    return { js: [...js], css: [...css] }
  }
  return { byName, holding, closure }
}

/** The shell: modulepreload links in index.html for the chunks holding `sources`. */
export function preloadFirstView(sources: string[]): Plugin {
  let base = '/'
  return {
    name: 'liaison:first-view-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html
        // Files index.html already loads or preloads stay as they are.
        const { holding, closure } = chunksOf(bundle)
        const links = closure(sources.map((source) => holding(source).fileName))
          .js.filter((file) => !html.includes(`${base}${file}"`))
          .map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`)
        return html.replace('</head>', `${links.join('')}</head>`)
      },
    },
  }
}

/**
 * A module: first-view.json lists what the shell loads to render ./Module — the remote entry, the exposed
 * component's chunks with what they import, and their CSS — relative to the module's base.
 */
export function moduleFirstView(exposed: string): Plugin {
  return {
    name: 'liaison:module-first-view',
    apply: 'build',
    generateBundle(_options, bundle) {
      const { byName, holding, closure } = chunksOf(bundle)
      const component = holding(exposed).fileName
      // The remote entry's own dynamic imports (the component's wrapper, the map of shared modules) both run
      // before the component renders.
      const entryImports = byName.get('remoteEntry.js')?.dynamicImports ?? []
      const { js, css } = closure(['remoteEntry.js', ...entryImports, component])
      this.emitFile({
        type: 'asset',
        fileName: 'first-view.json',
        source: `${JSON.stringify({ js, css }, null, 1)}\n`,
      })
    },
  }
}
