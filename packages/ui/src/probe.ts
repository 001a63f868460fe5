// For the browser test only: each module reports the objects it sees (its own imports of Vue, vue-i18n, and the
// active Pinia, filter store and ECharts), so the test can check they are the shell's, i.e. true singletons.
// ECharts loads on demand, so it is reported as a promise of the module's view of it.
export function reportSingletons(module: string, seen: Record<string, unknown>) {
  const host = window as unknown as { __liaisonModules?: Record<string, Record<string, unknown>> }
  host.__liaisonModules = { ...host.__liaisonModules, [module]: seen }
}
