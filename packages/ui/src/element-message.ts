import 'element-plus/es/components/message/style/css'

export { ElMessage } from 'element-plus'
