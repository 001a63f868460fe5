import './element-styles.ts'
import './styles/tokens.css'
import './styles/page-bar.css'
import './styles/print.css'
import { scopeQueryOf, syncFiltersWithRouter, useFiltersStore } from '@liaison/filters'
import {
  beforeElementLoads,
  loadCharts,
  loadedCharts,
  prefetchModuleData,
  unauthorizedEvent,
} from '@liaison/ui'
import { createPinia } from 'pinia'
import { createApp, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import App from './App.vue'
import { openingScope } from './first-view.ts'
import { i18n } from './i18n.ts'
import { loadModule, registerModules } from './remotes.ts'
import { dashboardPage, router } from './router.ts'
import { useSessionStore } from './session.ts'

const pinia = createPinia()
const app = createApp(App).use(pinia).use(i18n)
const filters = useFiltersStore(pinia)
// The language of every Element Plus control, all of which load after the first view: given with the first.
beforeElementLoads(() =>
  import('./element-locale.ts').then((m) => m.provideElementLocale(app, () => filters.language)),
)
const session = useSessionStore(pinia)

syncFiltersWithRouter(filters, router)
app.use(router)

// A dashboard link: while the session is restored, fetch what its first view needs — the page's code, ECharts
// and, once the manifest is known, the module named in the path and its data — instead of one after the other.
let opening = /^\/m\/([\w-]+)/.exec(location.pathname)?.[1]
if (!/^\/(login|imports)\b/.test(location.pathname)) {
  void dashboardPage()
  void loadCharts().catch(() => {})
}

// Modules come from the manifest the API allows this user; register them as soon as it is known.
session.$subscribe(() => {
  registerModules(session.modules)
  const module = session.modules.find((m) => m.name === opening)
  if (module) {
    opening = undefined
    void loadModule(module).catch(() => {})
    // Not from the login page (the link's scope is in `next` there): its defaults would ask for the wrong scope.
    if (location.pathname.startsWith(`/m/${module.name}`)) {
      const query = Object.fromEntries(new URLSearchParams(location.search))
      const scope = openingScope(query, session.regions, session.user?.regionCode ?? null)
      prefetchModuleData(module.name, scopeQueryOf(scope))
    }
  }
})

window.addEventListener(unauthorizedEvent, () => {
  session.forget()
  if (router.currentRoute.value.path !== '/login') {
    void router.push({ path: '/login', query: { next: router.currentRoute.value.fullPath } })
  }
})

// What the browser test compares with what each module sees: one Vue, Pinia, filter store and ECharts (once
// it has loaded).
;(window as unknown as { __liaisonShell: object }).__liaisonShell = {
  ref,
  useI18n,
  pinia,
  filters,
  i18n,
  get echarts() {
    return loadedCharts.value?.echarts
  },
}

app.mount('#app')
