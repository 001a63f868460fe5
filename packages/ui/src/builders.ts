// @liaison/ui/builders: the chart options only some modules draw (pies, funnels, radars, small multiples, the
// township map). Pure functions, bundled into the modules that import them: the shared @liaison/ui is loaded
// whole, and these are not needed in every first view.
export * from './charts/builders/area-reference.ts'
export * from './charts/builders/has-values.ts'
export * from './charts/builders/map.ts'
export * from './charts/builders/shapes.ts'
export * from './charts/builders/trend-span.ts'
