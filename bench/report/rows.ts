// Every figure of a run against its budget (DESIGN.md): the rows of the printed table and of
// latest.json's `table`. One function per figure; `tableOf` lists them in the table's order.
import { BUDGETS, LARGE_MAX_ELEMENTS, TYPICAL_MAX_ELEMENTS } from '../lib/budgets.ts';
import type { BenchResults, ColdFigure, Figures, LongTaskFigure, PageFigures, Status, TableRow } from '../lib/results.ts';
import { round, type Stats } from '../lib/stats.ts';

type Results = Pick<BenchResults, 'pages' | 'figures'>;

export function mark(value: number | null | undefined, budget: number): Status {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  return value < budget ? 'ok' : 'OVER';
}

/** A row marked against its budget; median and p95 rounded to 3 decimals. */
function row(
  figure: string,
  page: string,
  value: number | null,
  p95: number | null,
  budget: number,
  unit: string,
  note = '',
): TableRow {
  return { figure, page, median: round(value, 3), p95: round(p95, 3), budget, unit, status: mark(value, budget), note };
}

/** A row that has no median to mark: n/a with the reason. */
function notAvailable(figure: string, page: string, budget: number | null, unit: string, note: string): TableRow {
  return { figure, page, median: null, p95: null, budget, unit, status: 'n/a', note };
}

/** A figure without a budget (pages beyond the budgets' sizes): reported, not marked. */
function unbudgeted(figure: string, page: string, median: number | null, p95: number | null, note: string): TableRow {
  return { figure, page, median: round(median), p95: round(p95), budget: null, unit: 'ms', status: '–', note };
}

function earlyExitRows(p: PageFigures): TableRow[] {
  if (!(p.kind === 'other' || (p.kind === 'fixture' && !p.adapter))) return [];
  const note = p.adapter ? `adapter ${p.adapter} claimed a non-article page` : '';
  return [
    row(
      'early exit',
      p.name,
      p.detect.median,
      p.detect.p95,
      BUDGETS.earlyExitMs,
      'ms',
      `cold ${round(p.detect.cold, 3)} ms${note ? `; ${note}` : ''}`,
    ),
  ];
}

function auditBudget(elements: number): number | null {
  if (elements <= TYPICAL_MAX_ELEMENTS) return BUDGETS.typicalAuditMs;
  return elements <= LARGE_MAX_ELEMENTS * 1.1 ? BUDGETS.largeAuditMs : null;
}

function auditRows(p: PageFigures): TableRow[] {
  const audit = p.audit;
  if (!audit) {
    if (p.kind !== 'blog' && p.kind !== 'timeline') return [];
    return [notAvailable('audit', p.name, null, 'ms', 'no adapter detected this page')];
  }
  const budget = auditBudget(p.elements);
  const note = `${p.elements} el., ${p.adapter}, first run ${round(audit.first, 1)} ms${p.error ? `, THREW ${p.error.split('\n')[0]}` : ''}`;
  return [
    budget
      ? row('audit', p.name, audit.median, audit.p95, budget, 'ms', note)
      : unbudgeted('audit', p.name, audit.median, audit.p95, note),
    // Below ~4 ticks of the 5 µs timer a ratio is noise (tiny fixtures walk in microseconds).
    p.bare.median < 0.02
      ? notAvailable('audit ÷ bare walk', p.name, BUDGETS.walkRatio, '×', 'walk below timer resolution')
      : row(
          'audit ÷ bare walk',
          p.name,
          p.ratio ?? null,
          audit.p95 / p.bare.median,
          BUDGETS.walkRatio,
          '×',
          `walk ${round(p.bare.median, 2)} ms`,
        ),
  ];
}

function incrementalRows(p: PageFigures): TableRow[] {
  const inc = p.incremental;
  if (!inc) return [];
  if ('supported' in inc) return [notAvailable('re-audit / 20 posts', p.name, null, 'ms', 'no extractMore')];
  return [row('re-audit / 20 posts', p.name, inc.median, inc.p95, BUDGETS.largeAuditMs, 'ms', `${inc.postsAfter} posts after`)];
}

type Sized = PageFigures & { audit: Stats; size: number };

/**
 * The ratio at one size carries the audit's fixed cost (rules, lexicons, the article's head):
 * at 1k elements the walk takes ~0.1 ms, less than any audit's constant part. How the audit
 * grows with the page is the slope between two sizes of the same generated page: the extra
 * audit time per extra walk time.
 */
function growthRows(pages: readonly PageFigures[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const kind of ['blog', 'timeline']) {
    const sized = pages
      .filter((p): p is Sized => p.kind === kind && p.audit !== undefined && p.size !== null)
      .sort((a, b) => a.size - b.size);
    for (let i = 1; i < sized.length; i++) {
      const [a, b] = [sized[i - 1], sized[i]];
      const walk = b.bare.median - a.bare.median;
      if (walk <= 0) continue;
      rows.push(
        row(
          'audit ÷ bare walk, growth',
          `${kind} ${a.size / 1000}k → ${b.size / 1000}k`,
          (b.audit.median - a.audit.median) / walk,
          null,
          BUDGETS.walkRatio,
          '×',
          `audit +${round(b.audit.median - a.audit.median, 1)} ms, walk +${round(walk, 1)} ms`,
        ),
      );
    }
  }
  return rows;
}

function longTaskRow(t: LongTaskFigure): TableRow {
  const note = `badge ${t.badge.join('/')}; script ${round(t.scriptMs.median, 1)} ms; PerformanceObserver longtasks ${JSON.stringify(t.longtasksOverlapping)}`;
  if (t.size !== null && t.size <= LARGE_MAX_ELEMENTS * 1.1)
    return row('longest content-script task', t.name, t.median, t.p95, BUDGETS.longTaskMs, 'ms', note);
  return unbudgeted('longest content-script task', t.name, t.median, t.p95, note);
}

/** A cold figure: marked against its budget on typical pages; above TYPICAL_MAX_ELEMENTS only reported. */
function typicalOnly(figure: string, c: ColdFigure, value: number | null, budget: number, note: string): TableRow {
  const typical = c.elements <= TYPICAL_MAX_ELEMENTS;
  return {
    figure,
    page: c.name,
    median: round(value, 2),
    p95: null,
    budget: typical ? budget : null,
    unit: 'ms',
    status: typical ? mark(value, budget) : '–',
    note,
  };
}

function coldRows(c: ColdFigure): TableRow[] {
  const note = `${c.elements} el.; walk ${round(c.walk.median, 2)} ms; runs ${c.cpu.samples.map((x) => round(x, 1)).join('/')}${c.kind !== 'other' && !c.audited ? '; NO AUDIT' : ''}`;
  const rows = [typicalOnly('cold extension CPU (page)', c, c.cpu.median, BUDGETS.coldMs, note)];
  if (c.elements >= 10_000)
    rows.push(row('cold CPU ÷ bare walk', c.name, c.ratio, null, BUDGETS.walkRatio, '×', `walk ${round(c.walk.median, 2)} ms`));
  if (c.judge) {
    const judged = `warm ${round(c.judge.warm, 2)} ms; ${c.judge.findings} findings`;
    rows.push(typicalOnly('worker judging (cold / warm)', c, c.judge.cold, BUDGETS.judgeMs, judged));
  }
  return rows;
}

function bundleRows(b: Figures['bundle']): TableRow[] {
  if (!b) return [];
  return (['entry', 'article', 'profile'] as const).map((page) =>
    row(
      'content bundle (gzip)',
      page === 'entry' ? 'every page (entry)' : `${page} page (entry + family)`,
      b.pages[page].gzip,
      b.pages[page].gzip,
      BUDGETS.bundleGzipBytes,
      'B',
      `${b.pages[page].files} file(s), each gzipped`,
    ),
  );
}

function popupRows(pp: Figures['popup']): TableRow[] {
  if (!pp) return [];
  if ('error' in pp) return [notAvailable('popup first render', `${pp.audits} audits`, BUDGETS.popupMs, 'ms', pp.error)];
  const note = pp.lcp ? `LCP ${round(pp.lcp.median, 1)} ms` : 'no LCP entry';
  return [row('popup first render', `${pp.audits} audits`, pp.median, pp.p95, BUDGETS.popupMs, 'ms', note)];
}

function csvRows(c: Figures['csv']): TableRow[] {
  if (!c) return [];
  const note = `${c.rows} rows, ${c.bytes} B, longest UI gap ${round(c.longestGapMs, 1)} ms`;
  return [row('CSV export', `${c.findings} findings`, c.median, c.p95, BUDGETS.csvMs, 'ms', note)];
}

/** The table: per page (early exit, audit, ratio, re-audit), growth, long tasks, cold, bundle, popup, CSV. */
export function tableOf({ pages, figures }: Results): TableRow[] {
  return [
    ...pages.flatMap((p) => [...earlyExitRows(p), ...auditRows(p), ...incrementalRows(p)]),
    ...growthRows(pages),
    ...(figures.longTasks ?? []).map(longTaskRow),
    ...(figures.cold ?? []).flatMap(coldRows),
    ...bundleRows(figures.bundle),
    ...popupRows(figures.popup),
    ...csvRows(figures.csv),
  ];
}
