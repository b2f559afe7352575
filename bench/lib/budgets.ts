// The budgets of DESIGN.md, as the benchmark marks its figures against them.

export const BUDGETS = {
  /** cold extension CPU on the page, pages up to TYPICAL_MAX_ELEMENTS */
  coldMs: 5,
  /** the worker's judging of a typical page */
  judgeMs: 20,
  earlyExitMs: 1,
  typicalAuditMs: 10,
  largeAuditMs: 50,
  walkRatio: 3,
  longTaskMs: 50,
  bundleGzipBytes: 15 * 1024,
  popupMs: 100,
  csvMs: 2000,
} as const;

export type Budgets = typeof BUDGETS;

// "Typical blog post": a post with a few dozen comments; our real pages have 800–3,000 elements.
export const TYPICAL_MAX_ELEMENTS = 3000;
export const LARGE_MAX_ELEMENTS = 50_000;
