import Papa from 'papaparse';
import type { Finding } from '../model';
import { byImpact } from '../score';
import type { AuditRow, FindingRow } from '../storage/db';

/** Fixed CSV columns (a public contract: users build spreadsheets on them; never reorder). */
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
] as const;

/** UTF-8 byte order mark: without it Excel opens UTF-8 CSV as Windows-1252 and breaks umlauts. */
export const BOM = '\uFEFF';

export type Separator = ',' | ';';
/** Message lookup (chrome.i18n in the extension, formatMessage over a messages.json in Node). */
export type Msg = (key: string, subs?: readonly (string | number)[]) => string;

/** The audit fields a CSV row needs: a stored AuditRow or a fresh Audit both fit. */
export type CsvAudit = Pick<AuditRow, 'url' | 'site' | 'platform' | 'kind' | 'score' | 'band' | 'time'>;
export type CsvFinding = Pick<FindingRow | Finding, 'rule' | 'verdict' | 'score' | 'weight' | 'evidence'>;

/**
 * ';' when the UI language is German (Excel's list separator in German locales, where ',' is the
 * decimal mark), ',' otherwise; an explicit setting wins.
 */
export function separatorFor(setting: 'auto' | Separator, lang: string): Separator {
  if (setting !== 'auto') return setting;
  return /^de\b/i.test(lang) ? ';' : ',';
}

// A spreadsheet treats a cell starting with one of these as a formula (CSV injection, OWASP).
// Tab and CR are included because Excel strips them and then sees the formula behind them.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Our own guard on top of papaparse's escapeFormulae: page text (a comment saying "=cmd|…") must
 * never reach a spreadsheet as a formula, whatever papaparse's default pattern becomes.
 */
export function neutralize(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function ruleKey(rule: string, part: string): string {
  return `rule_${rule.replace(/-/g, '_')}_${part}`;
}

/** German Excel reads "0,75" as a number and "0.75" as text or a date: follow the separator's locale. */
function decimal(n: number | null, sep: Separator): string {
  if (n === null || !Number.isFinite(n)) return '';
  const s = String(Math.round(n * 100) / 100);
  return sep === ';' ? s.replace('.', ',') : s;
}

/**
 * One row per finding, most points lost first. An audit without findings (a page that is neither
 * an article nor a profile) still gets one row, so "this page" never exports an empty file.
 */
export function rowsOf(audit: CsvAudit, findings: readonly CsvFinding[], msg: Msg, sep: Separator): string[][] {
  const head = [
    new Date(audit.time).toISOString(),
    audit.url,
    audit.site,
    audit.platform,
    audit.kind,
    audit.score === null ? '' : String(audit.score),
    audit.band,
  ];
  if (findings.length === 0) return [[...head, '', '', '', '', '', '', ''].map(neutralize)];
  const sorted = byImpact(findings as Finding[]);
  return sorted.map((f) =>
    [
      ...head,
      f.rule,
      msg(ruleKey(f.rule, 'title')) || f.rule,
      f.verdict,
      decimal(f.score, sep),
      decimal(f.weight, sep),
      f.evidence.map((e) => e.text).join(' | '),
      f.verdict === 'pass' || f.verdict === 'n/a' ? '' : msg(ruleKey(f.rule, 'advice')),
    ].map(neutralize),
  );
}

/** RFC 4180 text for these rows (CRLF line ends, quotes doubled), header first when asked. */
export function csvText(rows: string[][], sep: Separator, header: boolean): string {
  if (rows.length === 0) return header ? `${CSV_COLUMNS.join(sep)}\r\n` : '';
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { delimiter: sep, newline: '\r\n', header, quotes: false, escapeFormulae: true },
  );
  return `${body}\r\n`;
}

/** A whole CSV file in one go (small exports, the CLI, tests). */
export function toCsv(items: readonly { audit: CsvAudit; findings: readonly CsvFinding[] }[], msg: Msg, sep: Separator): string {
  const rows = items.flatMap((i) => rowsOf(i.audit, i.findings, msg, sep));
  return BOM + csvText(rows, sep, true);
}
