// The pure parts of HowSocial's export formats: the facts every export carries, the CSV columns,
// the formula guard and the shaping of one audit into CSV rows. One implementation for the
// extension (csv.ts, backup.ts) and the Node CLI (scripts/lib/shape.ts, run by tsx): a copy drifts.
import Papa from 'papaparse';
import { byImpact } from '../lib/impact';
import { messageKey } from '../contract/vocabulary';

// The facts in the order of the CLI's JSON contract and of a backup: the contract's list.
export { FACT_KEYS } from '../contract/audit';

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

export type CsvCell = string | number;
export type CsvRecord = Record<string, CsvCell>;
export type Separator = ',' | ';';

/** What a CSV row needs of an audit: a stored AuditRow, a fresh Audit or the CLI's record. */
export interface CsvHead {
  time?: number | null;
  url: string;
  site: string;
  platform: string;
  kind: string;
  score: number | null;
  band: string;
}
export interface CsvFindingIn {
  rule: string;
  verdict: string;
  score: number | null;
  weight: number;
  evidence: readonly { text: string }[];
}

/** UTF-8 byte order mark: without it Excel opens UTF-8 CSV as Windows-1252 and breaks umlauts. */
export const BOM = '\uFEFF' as const;

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

/** Two decimals at most, as a number; '' where there is no number (null, NaN, ∞). */
export function rounded(n: number | null | undefined): number | '' {
  return typeof n === 'number' && Number.isFinite(n) ? Math.round(n * 100) / 100 : '';
}

/** Evidence excerpts of one finding in one cell: in page order, " | " between them, blanks dropped. */
export function evidenceCell(evidence: readonly { text: string }[] | undefined): string {
  return (evidence ?? [])
    .map((e) => String(e.text ?? '').trim())
    .filter(Boolean)
    .join(' | ');
}

/**
 * One audit as CSV rows keyed by column, numbers still numbers (csvGrid writes them for the
 * separator's locale): one row per finding, most points lost first, advice only where there is
 * something to do. An audit without findings (a page that is neither an article nor a profile)
 * still gets one row, so "this page" never exports an empty file.
 */
export function csvCells(audit: CsvHead, findings: readonly CsvFindingIn[], msg: (key: string) => string): CsvRecord[] {
  const head = {
    audited_at: typeof audit.time === 'number' ? new Date(audit.time).toISOString() : '',
    url: audit.url,
    site: audit.site,
    platform: audit.platform,
    kind: audit.kind,
    score: audit.score ?? '',
    band: audit.band,
  };
  if (findings.length === 0) {
    return [{ ...head, rule_id: '', rule_title: '', verdict: '', rule_score: '', weight: '', evidence: '', advice: '' }];
  }
  return byImpact(findings).map((f) => ({
    ...head,
    rule_id: f.rule,
    rule_title: msg(messageKey(f.rule, 'title')) || f.rule,
    verdict: f.verdict,
    rule_score: rounded(f.score),
    weight: rounded(f.weight),
    evidence: evidenceCell(f.evidence),
    advice: f.verdict === 'warn' || f.verdict === 'fail' ? msg(messageKey(f.rule, 'advice')) : '',
  }));
}

/**
 * Rows in column order, every cell text and neutralised. German Excel reads "0,75" as a number
 * and "0.75" as text or a date: decimals follow the separator's locale.
 */
export function csvGrid(rows: readonly Record<string, CsvCell>[], sep: Separator): string[][] {
  return rows.map((r) => CSV_COLUMNS.map((c) => neutralize(cellText(r[c], sep))));
}

/** A cell as csvGrid writes it: numbers in the separator's locale ("0,75" where ';' separates). */
function cellText(v: CsvCell | null | undefined, sep: Separator): string {
  return typeof v === 'number' ? (sep === ';' ? String(v).replace('.', ',') : String(v)) : String(v ?? '');
}

// When papaparse (quotes: false) puts a cell in quotes: CR, LF, '"' or a BOM in it (its
// BAD_DELIMITERS), the separator in it, or a space at either end.
const NEEDS_QUOTES: Record<Separator, RegExp> = { ',': /[\r\n"\uFEFF,]|^ | $/, ';': /[\r\n"\uFEFF;]|^ | $/ };

/**
 * One cell exactly as csvGrid + csvText write it: text, neutralised, then quoted the way
 * papaparse's unparse quotes it. Its escapeFormulae never fires on a neutralised cell (that
 * starts with "'", never with one of its formula characters), so there is nothing to copy of it.
 */
function csvField(v: CsvCell | null | undefined, sep: Separator): string {
  const t = neutralize(cellText(v, sep));
  return NEEDS_QUOTES[sep].test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/**
 * One audit's CSV lines (each ending in CRLF), byte for byte what
 * csvText(csvGrid(csvCells(audit, findings, msg), sep), sep, false) writes. The streamed export
 * runs this for 100,000 findings: building a record object and a cell array per finding and
 * then having papaparse walk them cost ~0.5 s and most of the export's garbage (bench/README.md,
 * CSV); here the audit's seven cells are written once and each finding adds one string.
 * tests/unit/property/csv.property.test.ts holds it to papaparse's output on hostile text.
 * `memo`: a rule's id, title and advice cells, kept across the audits of one export (same msg
 * and sep) so each is written once.
 */
export function csvLines(
  audit: CsvHead,
  findings: readonly CsvFindingIn[],
  msg: (key: string) => string,
  sep: Separator,
  memo: Map<string, { cells: string; advice: string }> = new Map(),
): string {
  const head = [
    typeof audit.time === 'number' ? new Date(audit.time).toISOString() : '',
    audit.url,
    audit.site,
    audit.platform,
    audit.kind,
    audit.score ?? '',
    audit.band,
  ]
    .map((v) => csvField(v, sep))
    .join(sep);
  if (findings.length === 0) return `${head}${sep.repeat(7)}\r\n`;
  let out = '';
  for (const f of byImpact(findings)) {
    let rule = memo.get(f.rule);
    if (rule === undefined) {
      rule = { cells: `${csvField(f.rule, sep)}${sep}${csvField(msg(messageKey(f.rule, 'title')) || f.rule, sep)}`, advice: '' };
      rule.advice = csvField(msg(messageKey(f.rule, 'advice')), sep);
      memo.set(f.rule, rule);
    }
    out +=
      `${head}${sep}${rule.cells}${sep}${csvField(f.verdict, sep)}${sep}${csvField(rounded(f.score), sep)}` +
      `${sep}${csvField(rounded(f.weight), sep)}${sep}${csvField(evidenceCell(f.evidence), sep)}` +
      `${sep}${f.verdict === 'warn' || f.verdict === 'fail' ? rule.advice : ''}\r\n`;
  }
  return out;
}

/** RFC 4180 text for these rows (CRLF line ends, quotes doubled), header first when asked. */
export function csvText(rows: (readonly CsvCell[])[], sep: Separator, header: boolean): string {
  if (rows.length === 0) return header ? `${CSV_COLUMNS.join(sep)}\r\n` : '';
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { delimiter: sep, newline: '\r\n', header, quotes: false, escapeFormulae: true },
  );
  return `${body}\r\n`;
}
