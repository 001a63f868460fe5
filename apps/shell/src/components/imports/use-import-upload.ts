// The upload workflow: choose a file, dry-run it, then import the very same file, with progress and a busy state.

import type { ImportProblem, ImportReportResponse as ImportReport } from '@liaison/contracts'
import { useFiltersStore } from '@liaison/filters'
import { inLanguage } from '@liaison/ui'
import { computed, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError, api, ImportRefusedError } from '../../api.ts'
import { useSessionStore } from '../../session.ts'
import { isCsv } from './text.ts'

/** After the upload, the server checks (a dry run) or checks and writes (a confirmed import). */
export type Phase = 'idle' | 'uploading' | 'checking' | 'writing'

export function useImportUpload(onImported: (report: ImportReport) => void) {
  const session = useSessionStore()
  const filters = useFiltersStore()
  const { t } = useI18n()

  const file = shallowRef<File | null>(null)
  const county = ref('')
  const kind = ref('')
  const phase = ref<Phase>('idle')
  const percent = ref(0)
  /** The dry run's report, waiting for confirmation. */
  const preview = shallowRef<ImportReport | null>(null)
  /** The last import that was written. */
  const done = shallowRef<ImportReport | null>(null)
  const refused = shallowRef<{ errors: ImportProblem[]; warnings: ImportProblem[] } | null>(null)
  /** A failure other than a refused file: the message key and the API's own (bilingual) text. */
  const failure = shallowRef<{ key: string; cause: string } | null>(null)
  const error = computed(() =>
    failure.value ? t(failure.value.key, { message: inLanguage(failure.value.cause, filters.language) }) : '',
  )
  const busy = computed(() => phase.value !== 'idle')
  const csv = computed(() => isCsv(file.value))

  function choose(next: File | null) {
    file.value = next
    done.value = null
    clearResults()
  }

  function clearResults() {
    preview.value = null
    refused.value = null
    failure.value = null
  }

  async function send(dryRun: boolean) {
    const missing = !file.value ? 'imports.needFile' : !county.value ? 'imports.needCounty' : null
    if (missing || !file.value) {
      failure.value = { key: missing ?? 'imports.needFile', cause: '' }
      return
    }
    clearResults()
    done.value = null
    phase.value = 'uploading'
    percent.value = 0
    try {
      const report = await api.importFile(
        { file: file.value, county: county.value, kind: csv.value ? kind.value : undefined, dryRun },
        session.csrfToken,
        (progress) => {
          if (progress.done) phase.value = dryRun ? 'checking' : 'writing'
          else if (progress.total > 0) percent.value = Math.round((progress.loaded / progress.total) * 100)
        },
      )
      if (dryRun) preview.value = report
      else {
        done.value = report
        file.value = null
        onImported(report)
      }
    } catch (cause) {
      if (cause instanceof ImportRefusedError)
        refused.value = { errors: cause.errors, warnings: cause.warnings }
      else {
        failure.value = {
          key: 'imports.failed',
          cause: cause instanceof ApiError ? cause.message : String(cause),
        }
      }
    } finally {
      phase.value = 'idle'
    }
  }

  return {
    file,
    county,
    kind,
    phase,
    percent,
    preview,
    done,
    refused,
    error,
    busy,
    csv,
    choose,
    dryRun: () => send(true),
    confirm: () => send(false),
  }
}
