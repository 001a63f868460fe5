// Township boundaries registered with the shared ECharts (the map chart comes with the extras): state of the one
// registration, so it stays in @liaison/ui, while the map's option builder is in @liaison/ui/builders.
import { loadCharts } from './load.ts'

const registered = new Set<string>()

/** Register a boundary with ECharts once under `name` (a new upload gets a new name), loading the map chart
 * first (ECharts loads on demand). */
export async function registerBoundary(name: string, geojson: object): Promise<string> {
  if (registered.has(name)) return name
  await loadCharts({ series: [{ type: 'map' }] })
  const { registerMap } = await import('./extras.ts')
  registerMap(name, geojson as Parameters<typeof registerMap>[1])
  registered.add(name)
  return name
}
