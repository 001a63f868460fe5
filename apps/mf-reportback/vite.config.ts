import { federation } from '@module-federation/vite'
import { defineConfig } from 'vite'
import { moduleViteConfig } from '../../mf.shared.ts'

export default defineConfig(({ command }) => moduleViteConfig('reportback', federation, command))
