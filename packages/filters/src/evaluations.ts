// How many times each shared package was evaluated on this page. Module federation must evaluate each shared
// singleton once; the browser test reads window.__liaisonEvaluations to prove it.
type Counted = { __liaisonEvaluations?: Record<string, number> }

export function countEvaluation(name: string) {
  const host = globalThis as Counted
  const counts = host.__liaisonEvaluations ?? {}
  counts[name] = (counts[name] ?? 0) + 1
  host.__liaisonEvaluations = counts
}
