// Standalone dev page of this module (the shell loads ./Module through module federation instead).
import { mountStandalone } from '@liaison/ui/standalone'
import Module from './Module.vue'

mountStandalone(Module)
