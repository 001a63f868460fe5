// Element Plus's texts in the page's language, and its config, provided to the app (not by ElConfigProvider, whose
// code would be in the first view): its controls read the locale key; messages and dialogs, opened with this
// app's context, read the config. Loaded with the first Element Plus control (main.ts, beforeElementLoads).
// Namespace, z-index and sizes keep Element Plus's defaults.
import type { Language } from '@liaison/filters'
import { configProviderContextKey, localeContextKey } from 'element-plus'
import en from 'element-plus/es/locale/lang/en'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import { type App, computed } from 'vue'

export function provideElementLocale(app: App, language: () => Language) {
  const locale = computed(() => (language() === 'en' ? en : zhCn))
  app.provide(localeContextKey, locale)
  app.provide(
    configProviderContextKey,
    computed(() => ({ locale: locale.value })),
  )
}
