// Shapes the extension's Audit objects into the CLI's public outputs: the JSON contract of
// `npm run audit` (issue 2, documented in the README) and the popup export's CSV columns.
import { BOM, type CsvRecord, csvCells, csvGrid, csvText, FACT_KEYS } from '../../src/export/core';
import type { Audit, Band, Facts, Finding, PageKind, Verdict } from '../../src/contract';
import { formatMessage, type Messages } from './messages.ts';

// One implementation with the popup's export (src/export/core.js); re-exported for the CLI's callers.
export { CSV_COLUMNS, evidenceCell, FACT_KEYS } from '../../src/export/core';

export const NO_AUDIT = 'no audit: page is not an article/profile';

export function emptyFacts(): Facts {
  return Object.fromEntries(FACT_KEYS.map((k) => [k, null])) as unknown as Facts;
}

/** Exactly the contract's facts: every key present, unknown ones null, nothing else. */
export function factsFrom(facts: Partial<Facts> | null | undefined): Facts {
  const out: Record<string, unknown> = { ...emptyFacts() };
  for (const k of FACT_KEYS) if (facts && facts[k] !== undefined) out[k] = facts[k];
  return out as unknown as Facts;
}

export interface FindingRecord {
  rule: string;
  verdict: Verdict;
  score: number | null;
  weight: number;
  evidence: { selector: string; text: string }[];
}

/** When time-dependent rules were judged (--as-of, the page's save date, or the run's own date). */
export interface AsOf {
  date: string;
  source: 'option' | 'saved' | 'now';
}

export interface AuditRecord {
  input: string;
  url: string | null;
  kind: PageKind | null;
  platform: string | null;
  score: number | null;
  band: Band | null;
  asOf: AsOf | null;
  facts: Facts;
  findings: FindingRecord[];
  error: string | null;
}

function findingFrom(f: Finding): FindingRecord {
  return {
    rule: String(f.rule),
    verdict: f.verdict,
    score: typeof f.score === 'number' ? f.score : null,
    weight: f.weight,
    evidence: (f.evidence ?? []).map((e) => ({ selector: String(e.selector ?? ''), text: String(e.text ?? '') })),
  };
}

/**
 * One entry of `audits`. `audit` is the extension's Audit or null (no audit stored: the adapter
 * found neither an article nor a profile); `error` is set when the input could not be audited.
 */
export function auditRecord({
  input,
  url,
  audit = null,
  error = null,
  asOf = null,
}: {
  input: string;
  url?: string | null;
  audit?: Audit | null;
  error?: string | null;
  asOf?: AsOf | null;
}): AuditRecord {
  if (error || !audit) {
    return {
      input,
      url: url ?? null,
      kind: error ? null : 'other',
      platform: null,
      score: null,
      band: error ? null : 'grey',
      asOf: error ? null : asOf,
      facts: emptyFacts(),
      findings: [],
      error: error ?? null,
    };
  }
  return {
    input,
    url: audit.url ?? url ?? null,
    kind: audit.kind,
    platform: audit.platform ?? null,
    score: typeof audit.score === 'number' ? audit.score : null,
    band: audit.band,
    asOf,
    facts: factsFrom(audit.facts),
    findings: (audit.findings ?? []).map(findingFrom),
    error: null,
  };
}

export function auditReport(
  version: string,
  records: AuditRecord[],
): { tool: 'howsocial'; version: string; audits: AuditRecord[] } {
  return { tool: 'howsocial', version, audits: records };
}

function siteFrom(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * CSV rows, one per finding, the popup export's columns and shaping (src/export/core.js). An
 * audit without findings (not an article, or a failed input) still gets one row so every input
 * appears in the sheet, its advice saying why.
 */
export function csvRows(items: { record: AuditRecord; audit?: Audit | null }[], messages: Messages): CsvRecord[] {
  const msg = (key: string) => formatMessage(messages, key) ?? '';
  return items.flatMap(({ record, audit }) => {
    // Judged as of a date (--as-of, the save date): that date is when it was audited, so the same
    // saved page gives the same bytes on every run.
    const asOf = record.asOf && record.asOf.source !== 'now' ? Date.parse(record.asOf.date) : null;
    const head = {
      time: asOf ?? audit?.time ?? null,
      url: record.url ?? record.input,
      site: audit?.site ?? siteFrom(record.url ?? ''),
      platform: record.platform ?? '',
      kind: record.kind ?? '',
      score: record.score,
      band: record.band ?? '',
    };
    const rows = csvCells(head, record.findings, msg);
    if (record.findings.length === 0) {
      rows[0].advice = record.error ? `error: ${record.error}` : record.kind === 'other' && !audit ? NO_AUDIT : '';
    }
    return rows;
  });
}

/** RFC 4180 via papaparse, comma, CRLF, UTF-8 BOM (Excel reads umlauts right only with it). */
export function toCsv(rows: CsvRecord[]): string {
  return BOM + csvText(csvGrid(rows, ','), ',', true);
}
