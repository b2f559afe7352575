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
  options: RunOptions;
  pages: BenchPage[];
  /** generated pages' markup by URL */
  html: Map<string, string>;
  serverUrl: string;
  bundles: { engine: string; csv: string };
  dist: string;
}

/** The engine in plain pages (no extension: nothing else runs in the page meanwhile), and the CSV export. */
async function withoutExtension(run: Setup): Promise<{ pages: PageFigures[]; csv?: Figures['csv'] }> {
  const browser = await launchPlain();
  try {
    const context = await browser.newContext();
    await context.route(GENERATED_HOSTS, serveGenerated(run.html));
    const pages = run.options.parts.has('audit')
      ? await measureAudits(context, run.pages, {
          engine: run.bundles.engine,
          runsFor: (elements) => runsFor(run.options, elements),
          batches: run.options.smoke ? 3 : 10,
          log,
        })
      : [];
    if (!run.options.parts.has('csv')) return { pages };
    const csv = await measureCsv(context, {
      serverUrl: run.serverUrl,
      bundle: run.bundles.csv,
      findings: run.options.csvFindings,
      runs: run.options.csvRuns,
      log,
    });
    return { pages, csv };
  } finally {
    await browser.close();
  }
}

/** The real extension: longest content-script task, cold page loads, popup first render. */
async function withExtension(
  run: Setup,
  measured: readonly PageFigures[],
): Promise<Pick<Figures, 'longTasks' | 'cold' | 'popup'>> {
  const ext = await launchWithExtension(join(run.dist, 'chrome'), { timeout: 30_000 });
  try {
    await ext.context.route(GENERATED_HOSTS, serveGenerated(run.html));
    const traced = run.options.parts.has('longtask') ? run.pages.filter((x) => x.kind === 'blog' || x.kind === 'timeline') : [];
    const longTasks = await measureLongTasks(ext.context, ext.worker, traced, {
      runs: run.options.longTaskRuns,
      // without the audit figures, every generated blog and timeline page is expected to be claimed
      expectAudit: (p) => (run.options.parts.has('audit') ? Boolean(measured.find((x) => x.url === p.url)?.adapter) : true),
      log,
    });
    const cold = run.options.parts.has('cold')
      ? await measureCold({
          context: ext.context,
          worker: ext.worker,
          extensionId: ext.extensionId,
          pages: coldPages(run),
          runs: run.options.coldRuns,
          judgeBundle: run.bundles.engine,
          log,
        })
      : undefined;
    const popup = run.options.parts.has('popup')
      ? await popupFirstRender(ext.context, ext.extensionId, {
          audits: run.options.popupAudits,
          runs: run.options.popupRuns,
          log,
        })
      : undefined;
    return { longTasks, cold, popup };
  } finally {
    await ext.close();
  }
}

/** The saved real pages (two in a smoke run), then every generated page. */
function coldPages(run: Setup) {
  const generated = run.pages.flatMap((p) => {
    const html = run.html.get(p.url);
    return html === undefined ? [] : [{ name: p.name, url: p.url, kind: p.kind, size: p.size, html }];
  });
  return [...realPages(run.options.realPages).slice(0, run.options.smoke ? 2 : undefined), ...generated];
}

/** Every figure the options ask for, with the fixtures served from a local server meanwhile. */
async function measureAll(
  options: RunOptions,
  dist: string,
  bundles: Setup['bundles'],
): Promise<Pick<BenchResults, 'pages' | 'figures'>> {
  const generated = generatedPages(options.sizes);
  const server = await serve(ROOT);
  try {
    const fixtures = fixturePages(ROOT, server.url, options.smoke ? 3 : 60);
    const pages = [...generated.pages, ...fixtures];
    const setup: Setup = { options, pages, html: generated.html, serverUrl: server.url, bundles, dist };
    const plain = await withoutExtension(setup);
    // a figure not measured stays undefined, and JSON leaves it out
    const figures: Figures = { csv: plain.csv, ...(await withExtension(setup, plain.pages)) };
    figures.bundle = contentBundle(join(dist, 'chrome'));
    return { pages: plain.pages, figures };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    console.log(RUN_USAGE);
    return;
  }
  const options = parseRunArgs(argv, ROOT);
  const work = mkdtempSync(join(tmpdir(), 'howsocial-bench-'));
  try {
    const dist = options.dist ?? join(work, 'dist');
    if (!options.dist) buildExtension(dist);
    const bundleDir = join(work, 'bundles');
    const bundles = { engine: await buildBundle(bundleDir, 'engine'), csv: await buildBundle(bundleDir, 'csv') };
    const date = new Date().toISOString();
    const { pages, figures } = await measureAll(options, dist, bundles);
    const results: BenchResults = {
      date,
      smoke: options.smoke,
      sizes: options.sizes,
      budgets: BUDGETS,
      pages,
      figures,
      table: [],
    };
    results.table = tableOf(results);
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
    printTable(results.table);
    log(`wrote ${options.out}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

runMain(main, RUN_USAGE);
