export * from './charts.ts'
export * from './model.ts'
export * from './report-docx.ts'
