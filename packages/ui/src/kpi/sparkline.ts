/** An SVG polyline for a sparkline: no chart instance for a 24-px line. Nulls are skipped. */
export function sparklinePoints(values: (number | null)[], width: number, height: number): string {
  const points = values
    .map((v, i) => [i, v] as const)
    .filter((p): p is readonly [number, number] => p[1] != null)
  if (points.length < 2) return ''
  const ys = points.map((p) => p[1])
  const min = Math.min(...ys)
  const span = Math.max(...ys) - min || 1
  const step = width / (values.length - 1)
  return points
    .map(
      ([i, v]) => `${(i * step).toFixed(1)},${(height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)}`,
    )
    .join(' ')
}
