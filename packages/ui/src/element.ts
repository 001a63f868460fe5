// Element Plus for the modules, re-exported from the shared @liaison/ui so that every module uses the shell's copy.
// Each loads when first rendered (selects: SelectField), so none is in a first view.
import { defineAsyncComponent } from 'vue'
import { loadElement } from './lazy/element-ready.ts'

const lazy = () => loadElement(() => import('./element-lazy.ts'))
export const ElDrawer = defineAsyncComponent(() => lazy().then((m) => m.ElDrawer))
export const ElTag = defineAsyncComponent(() => lazy().then((m) => m.ElTag))
export const DataTable = defineAsyncComponent(() => loadElement(() => import('./table/DataTable.vue')))

/** Below the page's header and tabs while they are in view (marked data-toast-below): a warning stays 8 s, and at
 * the top it hid the period, comparison and language the user may want to change because of it. */
function toastOffset() {
  const bars = [...document.querySelectorAll('[data-toast-below]')].map(
    (e) => e.getBoundingClientRect().bottom,
  )
  return Math.max(16, Math.round(Math.max(0, ...bars)) + 8)
}

/** A toast (Element Plus's message, with its styles), loaded when the first one is shown; when even that cannot be
 * loaded (the network is gone), the browser's own alert. A warning stays longer. */
async function toast(text: string, type: 'error' | 'warning') {
  try {
    const { ElMessage } = await loadElement(() => import('./element-message.ts'))
    const duration = type === 'warning' ? 8000 : 3000
    ElMessage({ message: text, type, duration, showClose: true, offset: toastOffset() })
  } catch {
    window.alert(text)
  }
}

/** Something failed. */
export const showError = (text: string) => toast(text, 'error')
/** Something was not as asked, and the page says what it did instead. */
export const showWarning = (text: string) => toast(text, 'warning')
