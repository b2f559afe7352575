// Compares audit records with hand-made labels (real-pages/labels.json) for `npm run eval`.
import { FACT_KEYS } from './shape.mjs';

/** The fields a label can state and the audit reports: page kind, platform, then the facts. */
export const LABEL_FIELDS = ['kind', 'platform', ...FACT_KEYS];

function fieldOf(record, field) {
  if (field === 'kind' || field === 'platform') return record[field] ?? null;
  return record.facts?.[field] ?? null;
}

/**
 * Every labelled field of one page: expected, got, right or not. Fields the label does not
 * mention (or metadata such as url and lang) are not compared.
 */
export function compareRecord(label, record) {
  return LABEL_FIELDS.filter((f) => f in label).map((field) => {
    const expected = label[field] ?? null;
    const got = record ? fieldOf(record, field) : null;
    return { field, expected, got, ok: !record?.error && Object.is(expected, got) };
  });
}

const CAN_COMMENT = new Set(['open', 'login-required']);

/**
 * Fail verdicts the labels say the page does not deserve: the product accused where the page is
 * fine or where it could not know (issue 11's bar is zero of these). Each names the rule and why.
 */
export function undeservedFails(label, record) {
  if (!record || record.error) return [];
  const out = [];
  if (label.kind === 'other' && record.score !== null)
    out.push({ rule: '(score)', why: `score ${record.score} on a page that is not an article or social page` });
  for (const f of record.findings ?? []) {
    if (f.verdict !== 'fail') continue;
    const why = undeservedWhy(f.rule, label);
    if (why) out.push({ rule: f.rule, why });
  }
  return out;
}

function undeservedWhy(rule, label) {
  switch (rule) {
    case 'comments-closed':
    case 'share-without-dialogue':
      return CAN_COMMENT.has(label.commentsState) ? `one can comment (commentsState ${label.commentsState})` : null;
    case 'newsletter-coupling':
      return 'newsletterCheckbox' in label && !['prechecked', 'required'].includes(label.newsletterCheckbox)
        ? `no forced or pre-ticked box (newsletterCheckbox ${label.newsletterCheckbox})`
        : null;
    case 'comment-form-friction':
      return 'commentsState' in label && !CAN_COMMENT.has(label.commentsState)
        ? 'there is no comment form to be hard to use'
        : null;
    case 'pingback-only':
      return label.pingbacks === 0 || label.comments > 0
        ? `not only pingbacks (comments ${label.comments}, pingbacks ${label.pingbacks})`
        : null;
    case 'author-replies':
    case 'critical-unanswered':
      return 'comments' in label && !(label.comments > 0)
        ? `no comments of others in the DOM to answer (comments ${label.comments})`
        : null;
    default:
      return null;
  }
}

function tally(map, key, ok) {
  map[key] ??= { right: 0, total: 0 };
  const t = map[key];
  t.total++;
  if (ok) t.right++;
}

/**
 * @param {{ name: string, label: object, record: object | null }[]} pages
 */
export function summarize(pages) {
  const perField = Object.fromEntries(LABEL_FIELDS.map((f) => [f, { right: 0, total: 0 }]));
  const perKind = {};
  const perLang = {};
  let right = 0;
  let total = 0;
  const results = pages.map(({ name, label, record }) => {
    const checks = compareRecord(label, record);
    for (const c of checks) {
      tally(perField, c.field, c.ok);
      tally(perKind, String(label.kind), c.ok);
      tally(perLang, String(label.lang ?? '?'), c.ok);
      total++;
      if (c.ok) right++;
    }
    const undeserved = undeservedFails(label, record);
    return {
      name,
      kind: label.kind,
      lang: label.lang ?? null,
      error: record?.error ?? null,
      checks,
      misses: checks.filter((c) => !c.ok),
      undeserved,
    };
  });
  for (const f of Object.keys(perField)) if (perField[f].total === 0) delete perField[f];
  const undeserved = results.flatMap((r) => r.undeserved.map((u) => ({ name: r.name, ...u })));
  return { right, total, percent: total ? (100 * right) / total : 0, perField, perKind, perLang, undeserved, results };
}
