// The one rounding of a rate or a change, shared by the dashboard's figures (@liaison/ui/format), the written ones
// (@liaison/metrics wording), the Word and PowerPoint exports and the data files, so that screen and report never
// differ by a tenth. Without zod, so the browser modules can import it cheaply (as `./days`).

/**
 * A fraction as a percentage to `digits` decimals, rounded as 四舍五入 rounds: the half away from zero, on the
 * decimal a person reads (0.0185 → 1.9, −0.0185 → −1.9), not on its binary neighbour (1.8499999999999999).
 * For changes and data files; a rate shown as a figure is `percentOf`.
 */
export function roundPercent(value: number, digits = 1): number {
  const scale = 10 ** digits
  // To 12 significant digits first: 0.0295 × 100 × 10 is 29.499999999999996 in binary, and 2.95% must read 3.0%.
  const scaled = Number((value * 100 * scale).toPrecision(12))
  // + 0: a fall too small to show is 0, not −0.
  return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / scale + 0
}

/**
 * A rate as a figure shows it: `roundPercent`, but never 100 for less than 1 (0.99996 → 99.9) nor 0 for more
 * than 0 (0.0004 → 0.1) — a county at 99.96 % has not resolved everything.
 */
export function percentOf(rate: number, digits = 1): number {
  const rounded = roundPercent(rate, digits)
  const scale = 10 ** digits
  if (rounded >= 100 && rate < 1) return (100 * scale - 1) / scale
  if (rounded <= 0 && rate > 0) return 1 / scale
  return rounded
}
