import type { Audit, Band, Facts, PageKind, Verdict } from '../../src/model';
import type { Messages } from './messages.mjs';

export { CSV_COLUMNS, evidenceCell, FACT_KEYS } from '../../src/export/core.js';
export const NO_AUDIT: string;
export function emptyFacts(): Facts;
export function factsFrom(facts: Partial<Facts> | null | undefined): Facts;
export interface FindingRecord {
  rule: string;
  verdict: Verdict;
  score: number | null;
  weight: number;
  evidence: { selector: string; text: string }[];
}
export interface AuditRecord {
  input: string;
  url: string | null;
  kind: PageKind | null;
  platform: string | null;
  score: number | null;
  band: Band | null;
  facts: Facts;
  findings: FindingRecord[];
  error: string | null;
}
export function auditRecord(args: {
  input: string;
  url?: string | null;
  audit?: Audit | null;
  error?: string | null;
}): AuditRecord;
export function auditReport(
  version: string,
  records: AuditRecord[],
): { tool: 'howsocial'; version: string; audits: AuditRecord[] };
export function csvRows(
  items: { record: AuditRecord; audit?: Audit | null }[],
  messages: Messages,
): Record<string, string | number>[];
export function toCsv(rows: Record<string, string | number>[]): string;
