// Compares audit records with hand-made labels (real-pages/labels.json, corpus/labels.json) for `npm run eval`.
import { type AuditRecord, FACT_KEYS } from './shape.ts';

export interface Check {
  field: string;
  expected: unknown;
  got: unknown;
  ok: boolean;
}
export type Label = Record<string, unknown>;
export interface Undeserved {
  rule: string;
  why: string;
}
type Tally = Record<string, { right: number; total: number }>;

/** The fields a label can state and the audit reports: page kind, platform, then the facts. */
export const LABEL_FIELDS: string[] = ['kind', 'platform', ...FACT_KEYS];

function fieldOf(record: AuditRecord, field: string): unknown {
  if (field === 'kind' || field === 'platform') return record[field] ?? null;
  return (record.facts as unknown as Record<string, unknown> | null)?.[field] ?? null;
}

/**
 * Every labelled field of one page: expected, got, right or not. Fields the label does not
 * mention (or metadata such as url and lang) are not compared.
 */
export function compareRecord(label: Label, record: AuditRecord | null): Check[] {
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
export function undeservedFails(label: Label, record: AuditRecord | null): Undeserved[] {
  if (!record || record.error) return [];
  const out: Undeserved[] = [];
  if (label.kind === 'other' && record.score !== null)
    out.push({ rule: '(score)', why: `score ${record.score} on a page that is not an article or social page` });
  for (const f of record.findings ?? []) {
    if (f.verdict !== 'fail') continue;
    const why = undeservedWhy(f.rule, label);
    if (why) out.push({ rule: f.rule, why });
  }
  return out;
}

function undeservedWhy(rule: string, label: Label): string | null {
  switch (rule) {
    case 'comments-closed':
    case 'share-without-dialogue':
      return CAN_COMMENT.has(String(label.commentsState)) ? `one can comment (commentsState ${label.commentsState})` : null;
    case 'newsletter-coupling':
      return 'newsletterCheckbox' in label && !['prechecked', 'required'].includes(String(label.newsletterCheckbox))
        ? `no forced or pre-ticked box (newsletterCheckbox ${label.newsletterCheckbox})`
        : null;
    case 'comment-form-friction':
      return 'commentsState' in label && !CAN_COMMENT.has(String(label.commentsState))
        ? 'there is no comment form to be hard to use'
        : null;
    case 'pingback-only':
      return label.pingbacks === 0 || Number(label.comments) > 0
        ? `not only pingbacks (comments ${label.comments}, pingbacks ${label.pingbacks})`
        : null;
    case 'author-replies':
    case 'critical-unanswered':
      return 'comments' in label && !(Number(label.comments) > 0)
        ? `no comments of others in the DOM to answer (comments ${label.comments})`
        : null;
    default:
      return null;
  }
}

function tally(map: Tally, key: string, ok: boolean): void {
  map[key] ??= { right: 0, total: 0 };
  map[key].total++;
  if (ok) map[key].right++;
}

export function summarize(pages: { name: string; label: Label; record: AuditRecord | null }[]) {
  const perField: Tally = Object.fromEntries(LABEL_FIELDS.map((f) => [f, { right: 0, total: 0 }]));
  const perKind: Tally = {};
  const perLang: Tally = {};
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
    return {
      name,
      kind: label.kind,
      lang: label.lang ?? null,
      error: record?.error ?? null,
      checks,
      misses: checks.filter((c) => !c.ok),
      undeserved: undeservedFails(label, record),
    };
  });
  for (const f of Object.keys(perField)) if (perField[f].total === 0) delete perField[f];
  const undeserved = results.flatMap((r) => r.undeserved.map((u) => ({ name: r.name, ...u })));
  return { right, total, percent: total ? (100 * right) / total : 0, perField, perKind, perLang, undeserved, results };
}
