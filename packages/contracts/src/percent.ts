// The one rounding of a rate, shared by the dashboard's figures (@liaison/ui/format) and the written ones
// (@liaison/metrics wording, the Word and PowerPoint exports), so that screen and report never differ by a tenth.
// Without zod, so the browser modules can import it cheaply (as `./days`).

/**
 * A fraction as a percentage rounded half up to `digits` decimals (0.0185 → 1.9), never 100 for less than 1
 * (0.99996 → 99.9) nor 0 for more than 0 (0.0004 → 0.1).
 */
export function percentOf(rate: number, digits = 1): number {
  const scale = 10 ** digits
  // To 12 significant digits first: 0.0295 × 100 × 10 is 29.499999999999996 in binary, and 2.95% must read 3.0%.
  const scaled = Number((rate * 100 * scale).toPrecision(12))
  let rounded = Math.round(scaled)
  if (rounded >= 100 * scale && rate < 1) rounded = Math.floor(scaled)
  if (rounded <= 0 && rate > 0) rounded = Math.ceil(scaled)
  return rounded / scale
}
