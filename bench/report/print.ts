// The table `npm run bench` prints on stdout: one line per row of bench/report/rows.ts.
import type { TableRow } from '../lib/results.ts';

const HEAD = ['figure', 'page', 'median', 'p95', 'budget', 'status', 'note'];
/** Columns are cut at 48 characters, the note at 200. */
const widthLimit = (column: number) => (column === 6 ? 200 : 48);

export function printTable(table: readonly TableRow[]): void {
  const lines = table.map((r) => [
    r.figure,
    r.page,
    `${r.median ?? '–'} ${r.unit}`,
    `${r.p95 ?? '–'}`,
    r.budget === null ? '–' : `< ${r.budget}`,
    r.status,
    r.note,
  ]);
  const widths = HEAD.map((h, i) => Math.min(widthLimit(i), Math.max(h.length, ...lines.map((l) => l[i].length))));
  const fmt = (cols: string[]) => cols.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i])).join(' | ');
  console.log(fmt(HEAD));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(fmt(l));
}
