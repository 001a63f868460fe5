// The Element Plus components the modules use, imported piecemeal with their styles. Re-exported from the shared
// @liaison/ui so every module gets the shell's copy instead of bundling its own.
import 'element-plus/es/components/table/style/css'
import 'element-plus/es/components/table-column/style/css'
import 'element-plus/es/components/drawer/style/css'
import 'element-plus/es/components/tag/style/css'
import 'element-plus/es/components/select/style/css'
import 'element-plus/es/components/option/style/css'
import 'element-plus/es/components/pagination/style/css'
import 'element-plus/es/components/descriptions/style/css'
import 'element-plus/es/components/descriptions-item/style/css'

export {
  ElDescriptions,
  ElDescriptionsItem,
  ElDrawer,
  ElOption,
  ElPagination,
  ElSelect,
  ElTable,
  ElTableColumn,
  ElTag,
} from 'element-plus'
