// Plain JavaScript (typed by impact.d.ts) so the Node CLI (scripts/lib) sorts findings with the
// same code as the popup, the badge and the CSV export: Node 20 cannot import TypeScript.

/**
 * Sorted by impact: the largest loss of points (weight × shortfall) first, passes next, not
 * applicable (score null) last; ties by rule id so every list and export has one stable order.
 * @template {{ rule: string, score: number | null, weight: number }} T
 * @param {readonly T[]} findings
 * @returns {T[]}
 */
export function byImpact(findings) {
  const loss = (f) => (typeof f.score === 'number' ? f.weight * (1 - f.score) : -1);
  return [...findings].sort((a, b) => loss(b) - loss(a) || String(a.rule).localeCompare(String(b.rule)));
}
