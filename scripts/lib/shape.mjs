// Shapes the extension's Audit objects into the CLI's public outputs: the JSON contract of
// `npm run audit` (issue 2, documented in the README) and the popup export's CSV columns.
import { BOM, csvCells, csvGrid, csvText, FACT_KEYS } from '../../src/export/core.js';
import { formatMessage } from './messages.mjs';

// One implementation with the popup's export (src/export/core.js); re-exported for the CLI's callers.
export { CSV_COLUMNS, evidenceCell, FACT_KEYS } from '../../src/export/core.js';

export const NO_AUDIT = 'no audit: page is not an article/profile';

export function emptyFacts() {
  return Object.fromEntries(FACT_KEYS.map((k) => [k, null]));
}

/** Exactly the contract's facts: every key present, unknown ones null, nothing else. */
export function factsFrom(facts) {
  const out = emptyFacts();
  for (const k of FACT_KEYS) if (facts && facts[k] !== undefined) out[k] = facts[k];
  return out;
}

function findingFrom(f) {
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
export function auditRecord({ input, url, audit = null, error = null }) {
  if (error || !audit) {
    return {
      input,
      url: url ?? null,
      kind: error ? null : 'other',
      platform: null,
      score: null,
      band: error ? null : 'grey',
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
    facts: factsFrom(audit.facts),
    findings: (audit.findings ?? []).map(findingFrom),
    error: null,
  };
}

export function auditReport(version, records) {
  return { tool: 'howsocial', version, audits: records };
}

function siteFrom(url) {
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
 * @param {{ record: ReturnType<typeof auditRecord>, audit?: object | null }[]} items
 */
export function csvRows(items, messages) {
  const msg = (key) => formatMessage(messages, key) ?? '';
  return items.flatMap(({ record, audit }) => {
    const head = {
      time: audit?.time ?? null,
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
export function toCsv(rows) {
  return BOM + csvText(csvGrid(rows, ','), ',', true);
}
