// For the repository-wide `tsc` (which does not read .vue files); vue-tsc resolves the real components.
declare module '*.vue' {
  import type { DefineComponent } from 'vue'

  const component: DefineComponent<object, object, unknown>
  export default component
}
