import type { Finding } from '../contract';
import type { AuditRow, FindingRow } from '../storage/db';
import { BOM, csvCells, csvGrid, csvLines, csvText, type Separator } from './core.js';

// Columns, formula guard and row shaping live in core.js, shared with the Node CLI.
export { BOM, CSV_COLUMNS, csvText, neutralize, type Separator } from './core.js';

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

/**
 * One row per finding, most points lost first; an audit without findings still gets one row.
 * Every cell is text in the separator's locale, neutralised against formulas.
 */
export function rowsOf(audit: CsvAudit, findings: readonly CsvFinding[], msg: Msg, sep: Separator): string[][] {
  return csvGrid(csvCells(audit, findings, msg), sep);
}

/**
 * The same rows as `csvText(rowsOf(…), sep, false)`, as text: the streamed export's hot path
 * (core.js csvLines says why it writes the lines itself instead of going through papaparse).
 * Pass one `memo` through a whole export: each rule's cells are then written once.
 */
export function linesOf(
  audit: CsvAudit,
  findings: readonly CsvFinding[],
  msg: Msg,
  sep: Separator,
  memo?: Map<string, { cells: string; advice: string }>,
): string {
  return csvLines(audit, findings, msg, sep, memo);
}

/** A whole CSV file in one go (small exports, tests). */
export function toCsv(items: readonly { audit: CsvAudit; findings: readonly CsvFinding[] }[], msg: Msg, sep: Separator): string {
  const rows = items.flatMap((i) => rowsOf(i.audit, i.findings, msg, sep));
  return BOM + csvText(rows, sep, true);
}
