import type { Evidence, PageKind, PageModel, Verdict } from '../contract';

/** What a rule knows besides the page: the clock and the user's own audit history. */
export interface RuleContext {
  now: number;
  /** fingerprints of posts seen on *other* sites/platforms in earlier audits */
  history: { fingerprint: string; site: string; platform: string }[];
}

export interface Judgement {
  verdict: Exclude<Verdict, 'n/a'>;
  score: number;
  evidence: Evidence[];
  /** substitutions for the rule's detail message */
  detail?: (string | number)[];
}

/** Returned by a rule that has nothing to say about this page. */
export const NOT_APPLICABLE = null;

/**
 * One signal of DESIGN.md's catalogue. A rule file exports one of these as default;
 * its id is its file name. Message keys derive from the id: `rule_<id>_title`, `_why`,
 * `_advice`, `_detail` (underscores for dashes) in _locales/{en,de}/messages.json.
 */
export interface Rule {
  id: string;
  appliesTo: PageKind[];
  /** relative weight in the page score (Lighthouse-style weighted mean) */
  weight: number;
  judge(model: PageModel, ctx: RuleContext): Judgement | typeof NOT_APPLICABLE;
}

/** Verdict from a score with the catalogue's shared cut-offs. */
export function verdictFor(score: number): Judgement['verdict'] {
  // Same bands as the page score: ≥ 0.9 is healthy, < 0.5 is a problem, between needs a look.
  if (score >= 0.9) return 'pass';
  if (score < 0.5) return 'fail';
  return 'warn';
}

export function judged(score: number, evidence: Evidence[], detail?: (string | number)[]): Judgement {
  const s = Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
  return { verdict: verdictFor(s), score: s, evidence, detail };
}
