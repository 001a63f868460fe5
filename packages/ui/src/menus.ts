// @liaison/ui/menus: what the dropdown menus need once they are used — the watermark choice, file downloads,
// the data files written in the browser — loaded with the menus, not with the first view. The same module
// instances as @liaison/ui's own (one watermark choice for every menu).
export { default as ChoiceItems } from './panel/ChoiceItems.vue'
export { downloadExport, saveFile } from './panel/chart-export.ts'
export { dataCsv, dataXlsx, tableFromOption } from './panel/data-export.ts'
export {
  takeChoice,
  type WatermarkChoice,
  watermarkChoice,
  watermarkChoices,
  watermarkWords,
} from './panel/watermark.ts'
