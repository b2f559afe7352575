import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BenchResults, PageFigures } from '../../bench/lib/results.ts';
import { stats } from '../../bench/lib/stats.ts';
import { printTable } from '../../bench/report/print.ts';
import { tableOf } from '../../bench/report/rows.ts';

/**
 * The benchmark's verdicts (bench/report/): every figure of a run marked against DESIGN.md's
 * budgets, in the table's order. The results are shaped as bench/run.ts writes latest.json.
 */
const s = (...xs: number[]) => stats(xs);

function page(over: Partial<PageFigures> & Pick<PageFigures, 'name' | 'kind'>): PageFigures {
  return {
    size: null,
    url: `https://blog.example/${over.name}`,
    elements: 1000,
    adapter: null,
    result: null,
    error: null,
    detect: { ...s(0.02, 0.03), cold: 0.2 },
    timerIsolated: true,
    bare: s(0.2, 0.25),
    ...over,
  };
}

function results(): Pick<BenchResults, 'pages' | 'figures'> {
  return {
    pages: [
      // exactly at the early-exit budget: a figure that reaches its budget is over it
      page({ name: 'other-1000', kind: 'other', size: 1000, detect: { ...s(1, 1), cold: 0.4 } }),
      page({ name: 'blog-1000', kind: 'blog', size: 1000, adapter: 'wordpress', audit: s(3, 4), bare: s(0.25), ratio: 12 }),
      page({
        name: 'blog-10000',
        kind: 'blog',
        size: 10_000,
        elements: 10_100,
        adapter: 'wordpress',
        audit: s(9, 12),
        bare: s(2.25),
        ratio: 4,
      }),
      page({
        name: 'blog-200000',
        kind: 'blog',
        size: 200_000,
        elements: 200_500,
        adapter: 'wordpress',
        audit: s(29),
        bare: s(40),
        ratio: 29 / 40,
      }),
      page({ name: 'timeline-1000', kind: 'timeline', size: 1000, incremental: { supported: false } }),
      page({
        name: 'tests/fixtures/blog/tiny.html',
        kind: 'fixture',
        elements: 35,
        adapter: 'blogger',
        audit: s(0.9),
        bare: s(0.005),
        error: 'TypeError: x is null\n    at read',
      }),
      page({ name: 'tests/fixtures/blog/corpus/error-404-og-article.html', kind: 'fixture', adapter: null }),
    ],
    figures: {
      longTasks: [
        {
          name: 'blog-1000',
          size: 1000,
          badge: ['67'],
          tasks: [1],
          ...s(31),
          scriptMs: s(40),
          longtasksOverlapping: [[]],
        },
        {
          name: 'blog-200000',
          size: 200_000,
          badge: [null],
          tasks: [0],
          median: null,
          p95: null,
          scriptMs: s(0),
          longtasksOverlapping: [null],
        },
      ],
      cold: [
        {
          name: 'netzpolitik',
          kind: 'article',
          size: null,
          elements: 1524,
          audited: true,
          cpu: { median: 32, samples: [32] },
          walk: { median: 1.2, samples: [1.2] },
          ratio: 32 / 1.2,
          judge: { cold: 24.6, warm: 2.6, findings: 11 },
        },
        {
          name: 'blog-50000',
          kind: 'blog',
          size: 50_000,
          elements: 51_000,
          audited: false,
          cpu: { median: 86.5, samples: [86.5] },
          walk: { median: 16.5, samples: [16.5] },
          ratio: 86.5 / 16.5,
          judge: null,
        },
      ],
      bundle: {
        gzip: 20_925,
        pages: { entry: { gzip: 5563, files: 1 }, article: { gzip: 20_925, files: 2 }, profile: { gzip: 15_180, files: 2 } },
      },
      popup: { error: 'the popup did not create the howsocial database', audits: 10_000 },
      csv: { findings: 100_000, rows: 100_000, bytes: 22_000_000, longestGapMs: 37.04, ...s(995, 1114) },
    },
  };
}

describe('bench report: figures against budgets', () => {
  it('marks every figure in the table order: pages, growth, long tasks, cold, bundle, popup, CSV', () => {
    const table = tableOf(results());
    expect(table.map((r) => [r.figure, r.page, r.status])).toEqual([
      ['early exit', 'other-1000', 'OVER'],
      ['audit', 'blog-1000', 'ok'],
      ['audit ÷ bare walk', 'blog-1000', 'OVER'],
      ['audit', 'blog-10000', 'ok'],
      ['audit ÷ bare walk', 'blog-10000', 'OVER'],
      ['audit', 'blog-200000', '–'],
      ['audit ÷ bare walk', 'blog-200000', 'ok'],
      ['audit', 'timeline-1000', 'n/a'],
      ['re-audit / 20 posts', 'timeline-1000', 'n/a'],
      ['audit', 'tests/fixtures/blog/tiny.html', 'ok'],
      ['audit ÷ bare walk', 'tests/fixtures/blog/tiny.html', 'n/a'],
      ['early exit', 'tests/fixtures/blog/corpus/error-404-og-article.html', 'ok'],
      // exactly 3×: over
      ['audit ÷ bare walk, growth', 'blog 1k → 10k', 'OVER'],
      ['audit ÷ bare walk, growth', 'blog 10k → 200k', 'ok'],
      ['longest content-script task', 'blog-1000', 'ok'],
      ['longest content-script task', 'blog-200000', '–'],
      ['cold extension CPU (page)', 'netzpolitik', 'OVER'],
      ['worker judging (cold / warm)', 'netzpolitik', 'OVER'],
      ['cold extension CPU (page)', 'blog-50000', '–'],
      ['cold CPU ÷ bare walk', 'blog-50000', 'OVER'],
      ['content bundle (gzip)', 'every page (entry)', 'ok'],
      ['content bundle (gzip)', 'article page (entry + family)', 'OVER'],
      ['content bundle (gzip)', 'profile page (entry + family)', 'ok'],
      ['popup first render', '10000 audits', 'n/a'],
      ['CSV export', '100000 findings', 'ok'],
    ]);
    const row = (figure: string, page: string) => table.find((r) => r.figure === figure && r.page === page);
    // the audit's exception and its first (cold) run are in the note
    expect(row('audit', 'tests/fixtures/blog/tiny.html')?.note).toBe(
      '35 el., blogger, first run 0.9 ms, THREW TypeError: x is null',
    );
    // growth: (9 − 3) ms of audit over (2.25 − 0.25) ms of walk
    expect(row('audit ÷ bare walk, growth', 'blog 1k → 10k')).toMatchObject({
      median: 3,
      budget: 3,
      unit: '×',
      note: 'audit +6 ms, walk +2 ms',
    });
    expect(row('cold extension CPU (page)', 'blog-50000')?.note).toBe('51000 el.; walk 16.5 ms; runs 86.5; NO AUDIT');
    expect(row('worker judging (cold / warm)', 'netzpolitik')).toMatchObject({
      median: 24.6,
      budget: 20,
      note: 'warm 2.6 ms; 11 findings',
    });
    expect(row('popup first render', '10000 audits')).toMatchObject({
      median: null,
      note: 'the popup did not create the howsocial database',
    });
    expect(row('CSV export', '100000 findings')?.note).toBe('100000 rows, 22000000 B, longest UI gap 37 ms');
  });
});

describe('bench report: the printed table', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints a header, a rule and one line per row, long page names cut at 48 characters', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const table = tableOf(results());
    printTable(table);
    expect(lines).toHaveLength(table.length + 2);
    expect(lines[0]).toMatch(/^figure +\| page +\| median +\| p95 +\| budget +\| status \| note +$/);
    expect(lines[1]).toMatch(/^-+-\|-(-+-\|-){5}-+$/);
    expect(lines[2]).toMatch(/^early exit +\| other-1000 +\| 1 ms +\| 1 +\| < 1 +\| OVER +\| cold 0.4 ms +$/);
    const unbudgeted = lines.find((l) => /^longest content-script task +\| blog-200000 /.test(l));
    expect(unbudgeted).toMatch(/\| – ms +\| – +\| – +\| – +\| badge ; script 0 ms; PerformanceObserver longtasks \[null\]/);
    // 52 characters of page name, cut to the column's 48
    expect(lines.some((l) => /^early exit +\| tests\/fixtures\/blog\/corpus\/error-404-og-article\. \| 0.02 ms/.test(l))).toBe(
      true,
    );
  });
});
