// `npm run bench`: the performance budgets of DESIGN.md measured in real headless Chromium.
// Prints a table and writes JSON (bench/results/latest.json unless --out). Not a timed test: it
// reports figures and marks each against its budget; `--smoke` runs the smallest size with few
// repetitions so tests/e2e/bench-smoke.e2e.ts can check that every figure is produced.
//
//   node --import tsx bench/run.ts [--smoke] [--sizes 1000,10000] [--dist /tmp/x-dist] [--out file.json]
//
// Each figure is one module of bench/figures/ (how it is measured is written at its top, and in
// bench/README.md): audit.ts (early exit, warm audit, bare walk, re-audit), longtasks.ts + trace.ts
// (longest content-script task), cold.ts + cold-load.ts (cold page loads, worker judging),
// popup.ts, csv.ts, bundle.ts. bench/report/ marks them against the budgets and prints the table.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { launchWithExtension } from '../scripts/lib/chromium.ts';
import { serve } from '../scripts/lib/serve.ts';
import { measureAudits, type PageFigures } from './figures/audit.ts';
import { contentBundle } from './figures/bundle.ts';
import { measureCold } from './figures/cold.ts';
import { realPages } from './figures/cold-load.ts';
import { measureCsv } from './figures/csv.ts';
import { measureLongTasks } from './figures/longtasks.ts';
import { popupFirstRender } from './figures/popup.ts';
import { runMain } from './lib/args.ts';
import { BUDGETS } from './lib/budgets.ts';
import { launchPlain } from './lib/chromium.ts';
import { buildBundle, buildExtension, ROOT } from './lib/build.ts';
import { parseRunArgs, RUN_USAGE, type RunOptions, runsFor } from './lib/options.ts';
import type { BenchResults, Figures } from './lib/results.ts';
import { log } from './lib/stats.ts';
import { type BenchPage, fixturePages, GENERATED_HOSTS, generatedPages, serveGenerated } from './lib/targets.ts';
import { printTable } from './report/print.ts';
import { tableOf } from './report/rows.ts';

interface Setup {
  o: RunOptions;
  pages: BenchPage[];
  /** generated pages' markup by URL */
  html: Map<string, string>;
  serverUrl: string;
  bundles: { engine: string; csv: string };
  dist: string;
}

/** The engine in plain pages (no extension: nothing else runs in the page meanwhile), and the CSV export. */
async function withoutExtension(s: Setup): Promise<{ pages: PageFigures[]; csv?: Figures['csv'] }> {
  const browser = await launchPlain();
  try {
    const context = await browser.newContext();
    await context.route(GENERATED_HOSTS, serveGenerated(s.html));
    const pages = s.o.parts.has('audit')
      ? await measureAudits(context, s.pages, {
          engine: s.bundles.engine,
          runsFor: (elements) => runsFor(s.o, elements),
          batches: s.o.smoke ? 3 : 10,
          log,
        })
      : [];
    if (!s.o.parts.has('csv')) return { pages };
    const csv = await measureCsv(context, {
      serverUrl: s.serverUrl,
      bundle: s.bundles.csv,
      findings: s.o.csvFindings,
      runs: s.o.csvRuns,
      log,
    });
    return { pages, csv };
  } finally {
    await browser.close();
  }
}

/** The real extension: longest content-script task, cold page loads, popup first render. */
async function withExtension(s: Setup, measured: readonly PageFigures[]): Promise<Pick<Figures, 'longTasks' | 'cold' | 'popup'>> {
  const ext = await launchWithExtension(join(s.dist, 'chrome'), { timeout: 30_000 });
  try {
    await ext.context.route(GENERATED_HOSTS, serveGenerated(s.html));
    const traced = s.o.parts.has('longtask') ? s.pages.filter((x) => x.kind === 'blog' || x.kind === 'timeline') : [];
    const longTasks = await measureLongTasks(ext.context, ext.worker, traced, {
      runs: s.o.longTaskRuns,
      // without the audit figures, every generated blog and timeline page is expected to be claimed
      expectAudit: (p) => (s.o.parts.has('audit') ? Boolean(measured.find((x) => x.url === p.url)?.adapter) : true),
      log,
    });
    const cold = s.o.parts.has('cold')
      ? await measureCold({
          context: ext.context,
          worker: ext.worker,
          extensionId: ext.extensionId,
          pages: coldPages(s),
          runs: s.o.coldRuns,
          judgeBundle: s.bundles.engine,
          log,
        })
      : undefined;
    const popup = s.o.parts.has('popup')
      ? await popupFirstRender(ext.context, ext.extensionId, { audits: s.o.popupAudits, runs: s.o.popupRuns, log })
      : undefined;
    return { longTasks, cold, popup };
  } finally {
    await ext.close();
  }
}

/** The saved real pages (two in a smoke run), then every generated page. */
function coldPages(s: Setup) {
  const generated = s.pages.flatMap((p) => {
    const html = s.html.get(p.url);
    return html === undefined ? [] : [{ name: p.name, url: p.url, kind: p.kind, size: p.size, html }];
  });
  return [...realPages(s.o.realPages).slice(0, s.o.smoke ? 2 : undefined), ...generated];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    console.log(RUN_USAGE);
    return;
  }
  const o = parseRunArgs(argv, ROOT);
  const work = mkdtempSync(join(tmpdir(), 'howsocial-bench-'));
  const dist = o.dist ?? join(work, 'dist');
  if (!o.dist) buildExtension(dist);
  const bundleDir = join(work, 'bundles');
  const bundles = { engine: await buildBundle(bundleDir, 'engine'), csv: await buildBundle(bundleDir, 'csv') };
  const date = new Date().toISOString();
  const generated = generatedPages(o.sizes);
  const server = await serve(ROOT);
  const figures: Figures = {};
  let pages: PageFigures[] = [];
  try {
    const fixtures = fixturePages(ROOT, server.url, o.smoke ? 3 : 60);
    const setup: Setup = {
      o,
      pages: [...generated.pages, ...fixtures],
      html: generated.html,
      serverUrl: server.url,
      bundles,
      dist,
    };
    const plain = await withoutExtension(setup);
    pages = plain.pages;
    if (plain.csv) figures.csv = plain.csv;
    // a figure not measured stays undefined, and JSON leaves it out
    Object.assign(figures, await withExtension(setup, pages));
    figures.bundle = contentBundle(join(dist, 'chrome'));
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
  const results: BenchResults = { date, smoke: o.smoke, sizes: o.sizes, budgets: BUDGETS, pages, figures, table: [] };
  results.table = tableOf(results);
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results.table);
  log(`wrote ${o.out}`);
}

runMain(main, RUN_USAGE);
