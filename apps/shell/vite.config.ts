import { federation } from '@module-federation/vite'
import { defineConfig } from 'vite'
import { shellViteConfig } from '../../mf.shared.ts'

export default defineConfig(shellViteConfig(federation))
