// A module's own texts: Chinese built in, English loaded the first time the module is shown in English, as the
// shell's are (apps/shell/src/i18n.ts). The overview is in the first view, where its English cost ≈ 370 B of gzip.
import { useFiltersStore } from '@liaison/filters'
import { ref, watch } from 'vue'
import { type UseI18nOptions, useI18n } from 'vue-i18n'
import { compileMessage } from '../message-compiler.ts'

type Named = Record<string, unknown>

/**
 * `t` over `zh` and, once `english()` has answered, its English. Until then an English page's texts are blank, not
 * Chinese: the wait is one small request, begun when the module mounts, beside its data request.
 */
export function useModuleMessages<M extends object>(zh: M, english: () => Promise<M>) {
  const filters = useFiltersStore()
  const i18n = useI18n({
    messages: { 'zh-CN': zh } as NonNullable<UseI18nOptions['messages']>,
    messageCompiler: compileMessage,
  })
  const hasEnglish = ref(false)
  watch(
    () => filters.language,
    (language) => {
      if (language !== 'en' || hasEnglish.value) return
      english()
        .then((en) => {
          i18n.mergeLocaleMessage('en', en)
          hasEnglish.value = true
        })
        // Unreachable chunk (offline): the Chinese texts stay, which beats blank panels.
        .catch(() => (hasEnglish.value = true))
    },
    { immediate: true },
  )
  const t = (key: string, named: Named = {}): string =>
    filters.language === 'en' && !hasEnglish.value ? '' : i18n.t(key, named)
  return { t }
}
