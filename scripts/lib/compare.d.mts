import type { AuditRecord } from './shape.mjs';

export const LABEL_FIELDS: string[];
export interface Check {
  field: string;
  expected: unknown;
  got: unknown;
  ok: boolean;
}
export function compareRecord(label: Record<string, unknown>, record: AuditRecord | null): Check[];
export function summarize(pages: { name: string; label: Record<string, unknown>; record: AuditRecord | null }[]): {
  right: number;
  total: number;
  percent: number;
  perField: Record<string, { right: number; total: number }>;
  results: { name: string; error: string | null; checks: Check[]; misses: Check[] }[];
};
