// Types of core.js (plain JavaScript so the Node CLI can import it; see there).
import type { Facts } from '../contract';

export const FACT_KEYS: readonly (keyof Facts)[];
// The names live in core.js only (a second list here could drift unnoticed); the export-csv test pins them.
export const CSV_COLUMNS: readonly string[];
export type CsvCell = string | number;
export type CsvRecord = Record<string, CsvCell>;
export type Separator = ',' | ';';

export const BOM: '\uFEFF';
export function neutralize(cell: string): string;
export function ruleKey(rule: string, part: string): string;
export function rounded(n: number | null | undefined): number | '';
export function evidenceCell(evidence: readonly { text: string }[] | undefined): string;

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
export function csvCells(audit: CsvHead, findings: readonly CsvFindingIn[], msg: (key: string) => string): CsvRecord[];
export function csvGrid(rows: readonly Record<string, CsvCell>[], sep: Separator): string[][];
export function csvLines(
  audit: CsvHead,
  findings: readonly CsvFindingIn[],
  msg: (key: string) => string,
  sep: Separator,
  memo?: Map<string, { cells: string; advice: string }>,
): string;
export function csvText(rows: readonly (readonly CsvCell[])[], sep: Separator, header: boolean): string;
