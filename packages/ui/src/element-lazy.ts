import 'element-plus/es/components/drawer/style/css'
import 'element-plus/es/components/tag/style/css'

export { ElDrawer, ElTag } from 'element-plus'
