import './element-styles.ts'
import './styles/tokens.css'
import './styles/print.css'
import { syncFiltersWithRouter, useFiltersStore } from '@liaison/filters'
import { echarts, unauthorizedEvent } from '@liaison/ui'
import { createPinia } from 'pinia'
import { createApp, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import App from './App.vue'
import { i18n } from './i18n.ts'
import { registerModules } from './remotes.ts'
import { router } from './router.ts'
import { useSessionStore } from './session.ts'

const pinia = createPinia()
const app = createApp(App).use(pinia).use(i18n)
const filters = useFiltersStore(pinia)
const session = useSessionStore(pinia)

syncFiltersWithRouter(filters, router)
app.use(router)

// Modules come from the manifest the API allows this user; register them as soon as it is known.
session.$subscribe(() => registerModules(session.modules))

window.addEventListener(unauthorizedEvent, () => {
  session.forget()
  if (router.currentRoute.value.path !== '/login') {
    void router.push({ path: '/login', query: { next: router.currentRoute.value.fullPath } })
  }
})

// What the browser test compares with what each module sees: one Vue, Pinia, filter store and ECharts.
;(window as unknown as { __liaisonShell: object }).__liaisonShell = {
  ref,
  useI18n,
  pinia,
  filters,
  echarts,
  i18n,
}

app.mount('#app')
