// Where does a cold page load's extension time go? `npm run bench:profile -- --page netzpolitik`
// loads a page `--runs` times cold in the built extension, exactly as the cold figures do
// (bench/figures/cold-load.ts: a fresh tab, the V8 sampling profiler at 50 µs from before the
// navigation until the worker has stored the audit), and prints, as means per load:
// - the extension's self time of each load (the cold figure itself);
// - self time by script: the extension's files, the page's own script ("page"), and V8's and
//   Blink's own work ((program), (garbage collector), …);
// - the extension's self time per function (`name file:line`);
// - what runs on top of the extension's frames: its own JavaScript ("(js)") or a native function
//   it called (querySelectorAll, a regex, …);
// - with --inclusive N: time per function including its callees; with --under FN: self time of
//   whatever runs beneath the function named FN.
// Function names are readable only in a build that is not minified: without --dist, one is built
// (HOWSOCIAL_MINIFY=0) into a temporary folder.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../scripts/lib/chromium.ts';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { BARE_WALK } from './figures/cold.ts';
import { type ColdLoad, type ColdPage, coldLoad, PROFILER, realPages, recordedLoad, serveOffline } from './figures/cold-load.ts';
import { readArgs, runMain, UsageError, wholeNumber } from './lib/args.ts';
import { buildExtension, ROOT } from './lib/build.ts';
import { launchPlain } from './lib/chromium.ts';
import { addTo, addToEach, type CallFrame, forEachSample, frameKey, selfTimeOf, topLines } from './lib/cpu-profile.ts';
import { inPage } from './lib/in-page.ts';
import { log, median } from './lib/stats.ts';
import { type CompileShare, compileShare, TRACER } from './lib/v8-trace.ts';
import { generatedPage } from './lib/targets.ts';
import { GENERATED_KINDS, isGeneratedKind } from './pages.ts';

const USAGE = `Usage: npm run bench:profile -- --page PAGE [options]
       (node --import tsx bench/cold-profile.ts --page PAGE [options])

  --page PAGE        a saved real page whose name contains PAGE (every match is profiled), or a
                     generated one: gen:KIND:ELEMENTS, KIND one of ${GENERATED_KINDS.join(', ')}
                     (e.g. gen:blog:10000)
  --dist DIR         a built extension (the folder holding chrome/); build it with
                     HOWSOCIAL_MINIFY=0 for readable names. Default: such a build, made now
  --runs N           cold loads per page (default 5)
  --top N            functions listed (default 40)
  --inclusive N      also list N functions by inclusive time (self + callees)
  --under FN         also list the self time beneath the function named FN
  --again            after each cold load, have the tab read the page again (the popup's "Audit
                     this page": compiled code, warm caches) under the profiler: what of the cold
                     figure is first-run cost
  --floor            load the page --runs more times in the same Chromium without the extension and
                     time in the tab (performance.now) a bare walk, or a first read of its DOM
                     (classes, ids, links, metas, text), in a fresh isolated world, and the walk in
                     the page's main world: what any content script pays to touch this DOM the
                     first time from a world of its own, before any code of its own runs cold
  --compile          also trace --runs more cold loads per page and print how much of the
                     extension's script tasks is V8 compiling its files (top-level) and its
                     functions (lazily, on first call). Compile time grows with the code shipped:
                     measure the shipped build (npm run build, then --dist dist)
  --real-pages DIR   the saved real pages (default ../shared/real-pages beside the checkout)`;

interface ProfileOptions {
  pages: ColdPage[];
  dist: string | null;
  runs: number;
  top: number;
  inclusive: number;
  under: string | null;
  compile: boolean;
  again: boolean;
  floor: boolean;
}

/** `gen:KIND:ELEMENTS`, or the real pages whose name contains `arg`. */
function pagesFor(arg: string, realDir: string): ColdPage[] {
  if (arg.startsWith('gen:')) {
    const [, kind = '', size = ''] = arg.split(':');
    if (!isGeneratedKind(kind))
      throw new UsageError(`--page gen:KIND:ELEMENTS takes KIND ${GENERATED_KINDS.join(', ')}, got "${kind}"`);
    return [generatedPage(kind, wholeNumber('--page gen:KIND:ELEMENTS', size, 1))];
  }
  const all = realPages(realDir);
  const pages = all.filter((p) => p.name.includes(arg));
  if (!pages.length)
    throw new UsageError(
      all.length
        ? `no saved page in ${realDir} is named like "${arg}"; there are: ${all.map((p) => p.name).join(', ')}`
        : `no saved pages in ${realDir} (labels.json missing): give --real-pages DIR, or a generated page gen:KIND:ELEMENTS`,
    );
  return pages;
}

function parseArgs(argv: readonly string[]): ProfileOptions {
  const args = readArgs(argv, {
    flags: ['compile', 'again', 'floor'],
    values: ['page', 'dist', 'runs', 'top', 'inclusive', 'under', 'real-pages'],
  });
  const page = args.value('page');
  if (page === undefined) throw new UsageError('--page is required');
  return {
    pages: pagesFor(page, args.value('real-pages') ?? join(ROOT, '..', 'shared', 'real-pages')),
    dist: args.value('dist') ?? null,
    runs: args.int('runs', 1) ?? 5,
    top: args.int('top', 1) ?? 40,
    inclusive: args.int('inclusive', 1) ?? 0,
    under: args.value('under') ?? null,
    compile: args.flag('compile'),
    again: args.flag('again'),
    floor: args.flag('floor'),
  };
}

/** Sums over every load of one page, in ms. */
interface Totals {
  /** the extension's self time, per load */
  perLoad: number[];
  byScript: Map<string, number>;
  self: Map<string, number>;
  inclusive: Map<string, number>;
  leaf: Map<string, number>;
  under: Map<string, number>;
}

/** Adds one load's profile to the page's totals; `prefix` is the extension's URL. */
function addLoad(t: Totals, load: ColdLoad, prefix: string, under: string | null): void {
  t.perLoad.push(selfTimeOf(load.profile, prefix));
  const ours = (f: CallFrame) => f.url.startsWith(prefix);
  const key = (f: CallFrame) => frameKey(f, f.url.slice(prefix.length));
  forEachSample(load.profile, (stack, us) => {
    const ms = us / 1000;
    const top = stack[0];
    if (!top) return;
    const native = top.functionName || '(native)';
    addTo(t.byScript, ours(top) ? top.url.slice(prefix.length) : top.url ? 'page' : native, ms);
    if (!stack.some(ours)) return;
    if (ours(top)) addTo(t.self, key(top), ms);
    addTo(t.leaf, ours(top) ? '(js)' : native, ms);
    addToEach(t.inclusive, stack.filter(ours).map(key), ms);
    if (under && stack.some((f) => f.functionName === under)) addTo(t.under, ours(top) ? key(top) : native, ms);
  });
}

function report(name: string, t: Totals, o: ProfileOptions): string {
  const n = t.perLoad.length;
  const parts = [
    `\n== ${name}: extension self time ${t.perLoad.map((x) => x.toFixed(1)).join(' / ')} ms (median ${median(t.perLoad)?.toFixed(1)} ms of ${n} cold load${n === 1 ? '' : 's'}; below: means per load)`,
    `self time by script:\n${topLines(t.byScript, 12, n)}`,
    `the extension's self time per function:\n${topLines(t.self, o.top, n)}`,
    `on top of the extension's frames ((js) = its own code):\n${topLines(t.leaf, 10, n)}`,
  ];
  if (o.inclusive) parts.push(`inclusive time (self + callees) per function:\n${topLines(t.inclusive, o.inclusive, n)}`);
  if (o.under) parts.push(`self time beneath ${o.under}:\n${topLines(t.under, 25, n)}`);
  return parts.join('\n');
}

/** A build whose content files have few line breaks is minified: its function names say little. */
function warnWhenMinified(distChrome: string): void {
  const code = readFileSync(join(distChrome, 'content.js'), 'utf8');
  if (code.split('\n').length < code.length / 500)
    log(`${distChrome}/content.js looks minified: build with HOWSOCIAL_MINIFY=0 for readable function names`);
}

/** Every page's profile, `runs` cold loads each, printed as it is done. */
async function profilePages(distChrome: string, o: ProfileOptions): Promise<void> {
  const ext = await launchWithExtension(distChrome, { timeout: 30_000 });
  try {
    await serveOffline(ext.context, o.pages);
    const prefix = `chrome-extension://${ext.extensionId}/`;
    for (const p of o.pages) {
      const t: Totals = {
        perLoad: [],
        byScript: new Map(),
        self: new Map(),
        inclusive: new Map(),
        leaf: new Map(),
        under: new Map(),
      };
      const again: number[] = [];
      for (let r = 0; r < o.runs; r++) {
        const load = await coldLoad(ext.context, ext.worker, p);
        addLoad(t, load, prefix, o.under);
        if (o.again && load.tabId !== null) again.push(await readAgain(ext.context, ext.worker, load, prefix));
        await load.close();
      }
      console.log(report(p.name, t, o));
      if (again.length)
        console.log(
          `the same page read again in the same tab (run-audit, forced): ${again.map((x) => x.toFixed(1)).join(' / ')} ms (median ${median(again)?.toFixed(1)} ms)`,
        );
      if (o.floor) console.log(floorReport(await floorLoads(p, o.runs)));
      if (o.compile) console.log(await compileReport(ext.context, ext.worker, p, prefix, o.runs));
    }
  } finally {
    await ext.close();
  }
}

/** The extension's self time while the tab of a finished cold load reads its page a second time. */
async function readAgain(context: BrowserContext, worker: Worker, load: ColdLoad, prefix: string): Promise<number> {
  const cdp = await context.newCDPSession(load.page);
  try {
    await PROFILER.start(cdp);
    await worker.evaluate(
      inPage(async (tabId: number) => {
        await chrome.tabs.sendMessage(tabId, { type: 'run-audit' }, { frameId: 0 });
      }),
      load.tabId as number,
    );
    return selfTimeOf(await PROFILER.stop(cdp), prefix);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** One tab's floor (--floor), ms. */
interface Floor {
  isolatedWalk: number;
  isolatedRead: number;
  /** the same read again in the same world */
  readAgain: number;
  mainWalk: number;
}

/**
 * A first read of a page's DOM, the kinds of access the adapters make (no HowSocial code): every
 * element's class and id, every link's resolved href, the head's metas, the body's text once.
 */
const FIRST_READ = inPage(() => {
  const t = performance.now();
  let n = 0;
  for (const el of document.querySelectorAll('*')) n += (el.getAttribute('class') ?? '').length + el.id.length;
  for (const a of document.links) n += (a as HTMLAnchorElement).href.length;
  for (const m of document.head.querySelectorAll('meta')) n += (m.getAttribute('content') ?? '').length;
  n += (document.body?.textContent ?? '').length;
  return { ms: performance.now() - t, n };
});

/**
 * Milliseconds of `fn`, sent as its source into a fresh isolated world of the tab (or its main
 * world), once per `times`: the first is cold, the next ones find the world's wrappers made.
 */
async function timedIn(page: Page, world: string | null, fn: () => { ms: number }, times = 1): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const contextId = world
      ? (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: world })).executionContextId
      : undefined;
    const out: number[] = [];
    for (let i = 0; i < times; i++) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: `(${String(fn)})()`, contextId, returnByValue: true });
      out.push((result.value as { ms: number }).ms);
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * `runs` floors of `p`, in the same Chromium with the same flags but no extension: the first
 * isolated world of a renderer makes the DOM's wrapper templates that later worlds reuse, so with
 * HowSocial loaded its own content script would already have paid that part. A fresh tab for
 * the walk and another for the read, each the first isolated world of its page.
 */
async function floorLoads(p: ColdPage, runs: number): Promise<Floor[]> {
  const browser = await launchPlain();
  try {
    const context = await browser.newContext();
    await serveOffline(context, [p]);
    const fresh = async <T>(use: (page: Page) => Promise<T>): Promise<T> => {
      const page = await context.newPage();
      try {
        await page.goto(p.url, { waitUntil: 'load', timeout: 60_000 });
        return await use(page);
      } finally {
        await page.close();
      }
    };
    const floors: Floor[] = [];
    for (let r = 0; r < runs; r++) {
      const [[isolatedWalk = 0], [mainWalk = 0]] = await fresh(async (page) => [
        await timedIn(page, 'howsocial-floor', BARE_WALK),
        await timedIn(page, null, BARE_WALK),
      ]);
      const [isolatedRead = 0, readAgain = 0] = await fresh((page) => timedIn(page, 'howsocial-floor', FIRST_READ, 2));
      floors.push({ isolatedWalk, isolatedRead, readAgain, mainWalk });
    }
    return floors;
  } finally {
    await browser.close();
  }
}

function floorReport(floors: readonly Floor[]): string {
  const line = (label: string, f: (x: Floor) => number) =>
    `  ${label}: ${floors.map((x) => f(x).toFixed(1)).join(' / ')} ms (median ${median(floors.map(f))?.toFixed(1)} ms)`;
  return [
    'the floor: no extension in the browser, fresh tabs, timed in the tab (performance.now):',
    line('bare walk, fresh isolated world', (x) => x.isolatedWalk),
    line('first read of the DOM (classes, ids, links, metas, text), fresh isolated world', (x) => x.isolatedRead),
    line('the same read again in that world', (x) => x.readAgain),
    line("bare walk, the page's main world", (x) => x.mainWalk),
  ].join('\n');
}

/** Medians over `runs` traced cold loads of what V8 compiled for the extension. */
async function compileReport(
  context: BrowserContext,
  worker: Worker,
  p: ColdPage,
  prefix: string,
  runs: number,
): Promise<string> {
  const shares: CompileShare[] = [];
  for (let r = 0; r < runs; r++) {
    const load = await recordedLoad(context, worker, p, TRACER);
    shares.push(compileShare(load.record, prefix));
    await load.close();
  }
  const med = (f: (s: CompileShare) => number) => (median(shares.map(f)) ?? 0).toFixed(1);
  return [
    `V8 compiling on the page's main thread (${runs} traced cold loads, medians):`,
    `  the extension's files, top-level ${med((s) => s.topLevel)} ms + its functions on first call ${med((s) => s.lazy)} ms = ${med((s) => s.topLevel + s.lazy)} ms`,
    `  (per load: ${shares.map((s) => (s.topLevel + s.lazy).toFixed(1)).join(' / ')} ms)`,
    `  functions compiled in microtasks (the trace does not say whose; on a page without scripts of its own, a generated one, all are the extension's): ${med((s) => s.unattributed)} ms`,
  ].join('\n');
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.dist !== null) {
    warnWhenMinified(join(o.dist, 'chrome'));
    return profilePages(join(o.dist, 'chrome'), o);
  }
  const temp = mkdtempSync(join(tmpdir(), 'howsocial-cold-profile-'));
  try {
    buildExtension(join(temp, 'dist'), { minify: false });
    await profilePages(join(temp, 'dist', 'chrome'), o);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

runMain(main, USAGE);
