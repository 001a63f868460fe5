import { countEvaluation } from './evaluations.ts'

export { countEvaluation } from './evaluations.ts'
export * from './period.ts'
export * from './store.ts'
export * from './url-query.ts'
export * from './url-sync.ts'

// Shared as a federation singleton: evaluated once per page (checked by the browser test).
countEvaluation('@liaison/filters')
