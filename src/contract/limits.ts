/**
 * Sizes a message from a page may have. Content scripts run on hostile pages, so the worker
 * rejects anything larger (./validate.ts); the content script cuts its own model to these same
 * numbers before sending (./fit.ts), so a page's odd markup (a selector 120 `<div>`s deep, a
 * 30,000-character comment) shortens evidence instead of sinking the whole audit.
 */
export const LIMITS = {
  urlChars: 4096,
  /** evidence excerpts are ≤ 200 characters (DESIGN.md); 400 leaves room for an ellipsis and odd text */
  textChars: 400,
  /** a CSS path to an element; a longer one is dropped (no highlight), never truncated into a wrong one */
  selectorChars: 2048,
  shortChars: 300,
  /** article body text, used for wording rules and never stored: src/adapters/_blog/article.ts TEXT_MAX */
  articleChars: 50_000,
  /** one comment's or post's text: enough for every question and jargon term a rule looks for */
  itemChars: 5000,
  /** the blog adapters read 300 comments in full (src/adapters/_blog/sample.ts DETAIL_LIMIT) */
  comments: 400,
  /** the social adapters keep the newest 250 posts (src/adapters/_social/common.ts MAX_POSTS) */
  posts: 300,
  links: 500,
  urlsPerPost: 50,
  phones: 30,
  formFields: 60,
  shareButtons: 20,
  sectionEvidence: 20,
  unreadable: 20,
  findings: 64,
  evidencePerFinding: 10,
  detailItems: 9,
  fingerprints: 500,
  factKeys: 20,
} as const;
