// A Vite plugin for the shell's index.html: <link rel="modulepreload"> for the chunks a dashboard's first view
// needs but only reaches through dynamic imports — the shared @liaison/ui (the federation runtime imports it
// after the shared Vue chunk has run), the dashboard page and ECharts. Without it each is requested only when
// the code before it has loaded and run: a chain of round trips and parses instead of one parallel fetch.
import type { Plugin } from 'vite'

interface Chunk {
  type: 'chunk'
  fileName: string
  moduleIds: string[]
  imports: string[]
}

/** `sources`: path endings of modules whose chunks (and the chunks those import statically) are preloaded. */
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
        const chunks = Object.values(bundle).filter(
          (item): item is Chunk & typeof item => item.type === 'chunk',
        )
        const byName = new Map(chunks.map((c) => [c.fileName, c]))
        const wanted = new Set<string>()
        const add = (file: string) => {
          if (wanted.has(file)) return
          wanted.add(file)
          for (const imported of byName.get(file)?.imports ?? []) add(imported)
        }
        for (const source of sources) {
          const chunk = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(source)))
          if (!chunk) throw new Error(`first-view preload: no chunk holds ${source}`)
          add(chunk.fileName)
        }
        // Files index.html already loads or preloads stay as they are.
        const links = [...wanted]
          .filter((file) => !html.includes(`${base}${file}"`))
          .map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`)
        return html.replace('</head>', `${links.join('')}</head>`)
      },
    },
  }
}
