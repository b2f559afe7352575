/**
 * Sorted by impact: the largest loss of points (weight × shortfall) first, passes next, not
 * applicable (score null) last; ties by rule id so every list and export has one stable order.
 * One order for the popup, the badge, the CSV export and the CLI.
 */
export function byImpact<T extends { rule: string; score: number | null; weight: number }>(findings: readonly T[]): T[] {
  const loss = (f: T) => (typeof f.score === 'number' ? f.weight * (1 - f.score) : -1);
  return [...findings].sort((a, b) => loss(b) - loss(a) || String(a.rule).localeCompare(String(b.rule)));
}
