// Element Plus for the modules, re-exported from the shared @liaison/ui so that every module uses the shell's copy.
// Select and Option are already in the shell's first view; the table, drawer and tag load when first rendered.
import { defineAsyncComponent } from 'vue'

export { ElOption, ElSelect } from 'element-plus'

const lazy = () => import('./element-lazy.ts')
export const ElDrawer = defineAsyncComponent(() => lazy().then((m) => m.ElDrawer))
export const ElTag = defineAsyncComponent(() => lazy().then((m) => m.ElTag))
export const DataTable = defineAsyncComponent(() => import('./table/DataTable.vue'))

/** An error toast (Element Plus's message, with its styles), loaded when the first one is shown. */
export async function showError(text: string) {
  const { ElMessage } = await import('./element-message.ts')
  ElMessage.error(text)
}
