import type { AuditRecord } from './shape.mjs';

export const LABEL_FIELDS: string[];
export interface Check {
  field: string;
  expected: unknown;
  got: unknown;
  ok: boolean;
}
export function compareRecord(label: Record<string, unknown>, record: AuditRecord | null): Check[];
export interface Undeserved {
  rule: string;
  why: string;
}
export function undeservedFails(label: Record<string, unknown>, record: AuditRecord | null): Undeserved[];
type Tally = Record<string, { right: number; total: number }>;
export function summarize(pages: { name: string; label: Record<string, unknown>; record: AuditRecord | null }[]): {
  right: number;
  total: number;
  percent: number;
  perField: Tally;
  perKind: Tally;
  perLang: Tally;
  undeserved: (Undeserved & { name: string })[];
  results: {
    name: string;
    kind: unknown;
    lang: unknown;
    error: string | null;
    checks: Check[];
    misses: Check[];
    undeserved: Undeserved[];
  }[];
};
