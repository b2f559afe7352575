import type { Finding } from './contract';

// The band of a score is part of the contract (an audit's band must match its score).
export { bandOf } from './contract/audit';

/**
 * Below this much applicable weight the page gets "not enough signals" (grey "–") instead of a
 * number: one light rule alone must not decide a page's score. 3 = e.g. one heavy rule
 * (comments-closed, weight 3) or two lighter ones.
 */
export const MIN_APPLICABLE_WEIGHT = 3;

/** Weighted mean of the applicable findings' scores × 100, or null with too little weight. */
export function scoreOf(findings: readonly Finding[]): number | null {
  let weight = 0;
  let sum = 0;
  for (const f of findings) {
    if (f.score === null || f.verdict === 'n/a' || !Number.isFinite(f.score)) continue;
    weight += f.weight;
    sum += f.weight * f.score;
  }
  if (weight < MIN_APPLICABLE_WEIGHT) return null;
  return Math.round((sum / weight) * 100);
}

/** How much each finding moved the score: its share of the applicable weight × its shortfall. */
export function contributionOf(finding: Finding, findings: readonly Finding[]): number {
  const total = findings.reduce((w, f) => (f.score === null ? w : w + f.weight), 0);
  if (finding.score === null || total === 0) return 0;
  return (finding.weight / total) * 100;
}

// Sorted by impact: in plain JavaScript so the Node CLI sorts with the very same code.
export { byImpact } from './lib/impact.js';
