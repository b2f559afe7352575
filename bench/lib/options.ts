// `npm run bench` options: which figures, on which page sizes, how many runs of each.
import { join } from 'node:path';
import { readArgs, UsageError, wholeNumber } from './args.ts';

export const RUN_USAGE = `Usage: node --import tsx bench/run.ts [options]     (npm run bench -- … works too)

  --smoke              the smallest size and few repetitions (what npm test checks)
  --sizes 1000,10000   element counts of the generated pages (default 1000,10000,50000,200000)
  --only audit,cold    a subset of the figures: audit, cold, csv, longtask, popup
                       (the content bundle is always measured)
  --dist DIR           a built extension (the folder holding chrome/); default: build one
  --out FILE           the JSON results (default bench/results/latest.json)
  --real-pages DIR     the saved real pages for the cold figures (default ../shared/real-pages)
  --cold-runs N        fresh page loads per page for the cold figures (default 5, smoke 1)
  --popup-audits N     audits seeded for the popup figure (default 10000, smoke 200)
  --csv-findings N     findings seeded for the CSV figure (default 100000, smoke 2000)`;

/** The figures `--only` can pick (the bundle is always measured: it costs nothing). */
export const PARTS = ['audit', 'cold', 'csv', 'longtask', 'popup'] as const;
export type Part = (typeof PARTS)[number];

export interface RunOptions {
  smoke: boolean;
  /** the figures to measure */
  parts: ReadonlySet<Part>;
  sizes: number[];
  /** a built extension (folder holding chrome/), or null: build one */
  dist: string | null;
  out: string;
  realPages: string;
  popupAudits: number;
  csvFindings: number;
  popupRuns: number;
  csvRuns: number;
  longTaskRuns: number;
  /** Fresh page loads per page for the cold figures (the method: median of ≥ 5). */
  coldRuns: number;
}

const isPart = (p: string): p is Part => (PARTS as readonly string[]).includes(p);

/**
 * `--only audit,csv,longtask,popup`: a subset of the figures, for a quick look at one budget while
 * working on it. The README's table comes from a full run.
 */
function partsOf(only: string | undefined): Set<Part> {
  if (only === undefined) return new Set(PARTS);
  const parts = only.split(',');
  if (!parts.every(isPart)) throw new UsageError(`--only takes ${PARTS.join(', ')} (comma-separated); got ${only}`);
  return new Set(parts);
}

function sizesOf(value: string): number[] {
  return value.split(',').map((s) => wholeNumber('--sizes', s, 1));
}

/** @param root the repository (defaults are relative to it) */
export function parseRunArgs(argv: readonly string[], root: string): RunOptions {
  const args = readArgs(argv, {
    flags: ['smoke'],
    values: ['only', 'sizes', 'dist', 'out', 'real-pages', 'cold-runs', 'popup-audits', 'csv-findings'],
  });
  const smoke = args.flag('smoke');
  return {
    smoke,
    parts: partsOf(args.value('only')),
    sizes: sizesOf(args.value('sizes') ?? (smoke ? '1000' : '1000,10000,50000,200000')),
    dist: args.value('dist') ?? null,
    out: args.value('out') ?? join(root, 'bench/results/latest.json'),
    // The saved real pages (not part of this repository): ../shared/real-pages beside the checkout.
    realPages: args.value('real-pages') ?? join(root, '..', 'shared', 'real-pages'),
    popupAudits: args.int('popup-audits', 1) ?? (smoke ? 200 : 10_000),
    csvFindings: args.int('csv-findings', 1) ?? (smoke ? 2_000 : 100_000),
    popupRuns: smoke ? 2 : 9,
    csvRuns: smoke ? 1 : 5,
    longTaskRuns: smoke ? 1 : 3,
    coldRuns: args.int('cold-runs', 1) ?? (smoke ? 1 : 5),
  };
}

/** Repetitions per page: many on small pages, fewer on 200k (each run is a full audit). */
export function runsFor(options: Pick<RunOptions, 'smoke'>, elements: number): number {
  return options.smoke ? 5 : Math.max(9, Math.min(60, Math.round(2_000_000 / elements)));
}
