import { latestFullYear, queryToState, useFiltersStore } from '@liaison/filters'
import { createPinia } from 'pinia'
import { type Component, createApp } from 'vue'
import { createI18n } from 'vue-i18n'
import { compileMessage } from './message-compiler.ts'

/**
 * Run a module on its own dev server (without the shell): its own app, Pinia and i18n, filters from the URL
 * (e.g. ?region=520523&period=2025). Sign in through the shell first: the session cookie is the API's.
 */
export function mountStandalone(module: Component, selector = '#app') {
  const pinia = createPinia()
  const app = createApp(module)
    .use(pinia)
    .use(
      createI18n({
        legacy: false,
        locale: 'zh-CN',
        fallbackLocale: 'zh-CN',
        messageCompiler: compileMessage,
      }),
    )
  const filters = useFiltersStore(pinia)
  const params = Object.fromEntries(new URLSearchParams(location.search))
  filters.apply(queryToState(params))
  if (!filters.period) filters.period = latestFullYear(new Date())
  app.mount(selector)
  return app
}
