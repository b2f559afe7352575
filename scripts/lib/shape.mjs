// Shapes the extension's Audit objects into the CLI's public outputs: the JSON contract of
// `npm run audit` (issue 2, documented in the README) and the popup export's CSV columns.
import Papa from 'papaparse';
import { formatMessage, ruleMessageKey } from './messages.mjs';
import { byImpact } from './table.mjs';

export const FACT_KEYS = [
  'commentSystem',
  'commentsState',
  'requiredFields',
  'newsletterCheckbox',
  'comments',
  'pingbacks',
  'authorComments',
  'followers',
  'following',
  'visiblePosts',
  'replies',
  'reposts',
  'likes',
];

export const CSV_COLUMNS = [
  'audited_at',
  'url',
  'site',
  'platform',
  'kind',
  'score',
  'band',
  'rule_id',
  'rule_title',
  'verdict',
  'rule_score',
  'weight',
  'evidence',
  'advice',
];

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

/** Evidence excerpts of one finding in one cell: short, in page order, " | " between them. */
export function evidenceCell(evidence) {
  return (evidence ?? [])
    .map((e) => String(e.text ?? '').trim())
    .filter(Boolean)
    .join(' | ');
}

/**
 * CSV rows, one per finding, the popup export's columns. An audit without findings (not an
 * article, or a failed input) still gets one row so every input appears in the sheet.
 * @param {{ record: ReturnType<typeof auditRecord>, audit?: object | null }[]} items
 */
export function csvRows(items, messages) {
  const rows = [];
  for (const { record, audit } of items) {
    const base = {
      audited_at: audit?.time ? new Date(audit.time).toISOString() : '',
      url: record.url ?? record.input,
      site: audit?.site ?? siteFrom(record.url ?? ''),
      platform: record.platform ?? '',
      kind: record.kind ?? '',
      score: record.score ?? '',
      band: record.band ?? '',
    };
    const empty = { rule_id: '', rule_title: '', verdict: '', rule_score: '', weight: '', evidence: '', advice: '' };
    if (record.findings.length === 0) {
      rows.push({
        ...base,
        ...empty,
        advice: record.error ? `error: ${record.error}` : record.kind === 'other' && !audit ? NO_AUDIT : '',
      });
      continue;
    }
    // Same order and content as the popup's export (src/export/csv.ts): most points lost first,
    // advice only where there is something to do.
    for (const f of byImpact(record.findings)) {
      const todo = f.verdict === 'warn' || f.verdict === 'fail';
      rows.push({
        ...base,
        rule_id: f.rule,
        rule_title: formatMessage(messages, ruleMessageKey(f.rule, 'title')) || f.rule,
        verdict: f.verdict,
        rule_score: rounded(f.score),
        weight: rounded(f.weight),
        evidence: evidenceCell(f.evidence),
        advice: todo ? (formatMessage(messages, ruleMessageKey(f.rule, 'advice')) ?? '') : '',
      });
    }
  }
  return rows;
}

function rounded(n) {
  return typeof n === 'number' && Number.isFinite(n) ? Math.round(n * 100) / 100 : '';
}

/** Cells a spreadsheet would run as a formula (OWASP CSV injection): = + - @ tab CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 via papaparse, comma, CRLF, UTF-8 BOM (Excel reads umlauts right only with it). */
export function toCsv(rows) {
  const data = rows.map((r) =>
    CSV_COLUMNS.map((c) => {
      const v = r[c];
      // papaparse's escapeFormulae covers strings; this guard also covers numbers-as-text we build.
      return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
    }),
  );
  return `\uFEFF${Papa.unparse({ fields: CSV_COLUMNS, data }, { escapeFormulae: true, newline: '\r\n', delimiter: ',' })}\r\n`;
}
