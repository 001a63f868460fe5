export * from './period.ts'
export * from './store.ts'
export * from './url-query.ts'
export * from './url-sync.ts'
