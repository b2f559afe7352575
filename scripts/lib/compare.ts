// Compares audit records with hand-made labels (real-pages/labels.json) for `npm run eval`.
import { type AuditRecord, FACT_KEYS } from './shape.ts';

export interface Check {
  field: string;
  expected: unknown;
  got: unknown;
  ok: boolean;
}
export type Label = Record<string, unknown>;

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

export function summarize(pages: { name: string; label: Label; record: AuditRecord | null }[]) {
  const perField: Record<string, { right: number; total: number }> = Object.fromEntries(
    LABEL_FIELDS.map((f) => [f, { right: 0, total: 0 }]),
  );
  let right = 0;
  let total = 0;
  const results = pages.map(({ name, label, record }) => {
    const checks = compareRecord(label, record);
    for (const c of checks) {
      perField[c.field].total++;
      total++;
      if (c.ok) {
        perField[c.field].right++;
        right++;
      }
    }
    return { name, error: record?.error ?? null, checks, misses: checks.filter((c) => !c.ok) };
  });
  for (const f of Object.keys(perField)) if (perField[f].total === 0) delete perField[f];
  return { right, total, percent: total ? (100 * right) / total : 0, perField, results };
}
