// `npm run bench`: the performance budgets of DESIGN.md measured in real headless Chromium.
// Prints a table and writes JSON (bench/results/latest.json unless --out). Not a timed test: it
// reports figures and marks each against its budget; `--smoke` runs the smallest size with few
// repetitions so tests/e2e/bench-smoke.e2e.ts can check that every figure is produced.
//
//   node bench/run.mjs [--smoke] [--sizes 1000,10000] [--dist /tmp/x-dist] [--out file.json]
//
// How each figure is measured (also in README "Performance"):
// - engine figures: the engine (src/adapters + src/engine.ts) bundled as an IIFE and injected into
//   the page's main world; performance.now() around each call, repeated, median/p95/first (cold).
// - audit÷walk: in the same page and the same loop, a bare walk = querySelectorAll('*') touching
//   every element + document.body.textContent read once.
// - content-script longest task: the built extension loaded, a Chromium trace of the page load;
//   the longest renderer main-thread task (RunTask) that runs extension script, plus every
//   PerformanceObserver `longtask` entry that overlaps one of those tasks.
// - popup: 10,000 audits seeded into the extension's IndexedDB, then popup/index.html opened
//   fresh; "first meaningful paint" = the first animation frame whose DOM shows the popup's
//   content (body text rendered and no element left with aria-busy="true"), in ms since the
//   page's time origin.
// - CSV: src/export/stream.ts exportCsv over 100,000 seeded findings in a page, ms to the Blob.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { pageLoads } from './bundle.mjs';
import { measureCold, realPages } from './cold.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, launchWithExtension } from '../scripts/lib/chromium.mjs';
import { serve } from '../scripts/lib/serve.mjs';
import { GENERATORS, tweet } from './pages.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SMOKE = flag('smoke');
// `--only audit,csv,longtask,popup`: a subset of the figures, for a quick look at one budget while
// working on it (the bundle is always measured: it costs nothing). The README's table comes from
// a full run.
const ONLY = option('only')?.split(',');
const wants = (part) => !ONLY || ONLY.includes(part);
if (ONLY?.some((p) => !['audit', 'cold', 'csv', 'longtask', 'popup'].includes(p))) {
  console.error(`--only takes audit, cold, csv, longtask, popup (comma-separated); got ${ONLY.join(',')}`);
  process.exit(2);
}
const SIZES = (option('sizes') ?? (SMOKE ? '1000' : '1000,10000,50000,200000')).split(',').map(Number);
const OUT = option('out') ?? join(ROOT, 'bench/results/latest.json');
const POPUP_AUDITS = Number(option('popup-audits') ?? (SMOKE ? 200 : 10_000));
const CSV_FINDINGS = Number(option('csv-findings') ?? (SMOKE ? 2_000 : 100_000));
const POPUP_RUNS = SMOKE ? 2 : 9;
const CSV_RUNS = SMOKE ? 1 : 5;
const LONGTASK_RUNS = SMOKE ? 1 : 3;
/** Fresh page loads per page for the cold figures (the issue's method: median of ≥ 5). */
const COLD_RUNS = Number(option('cold-runs') ?? (SMOKE ? 1 : 5));
/** The saved real pages (not part of this repository): ../shared/real-pages beside the checkout. */
const REAL_PAGES = option('real-pages') ?? join(ROOT, '..', 'shared', 'real-pages');

/** Repetitions per page: many on small pages, fewer on 200k (each run is a full audit). */
const runsFor = (elements) => (SMOKE ? 5 : Math.max(9, Math.min(60, Math.round(2_000_000 / elements))));

// ---------------------------------------------------------------- budgets (DESIGN.md)
const BUDGETS = {
  /** cold extension CPU on the page, pages up to TYPICAL_MAX_ELEMENTS */
  coldMs: 5,
  /** the worker's judging of a typical page */
  judgeMs: 20,
  earlyExitMs: 1,
  typicalAuditMs: 10,
  largeAuditMs: 50,
  walkRatio: 3,
  longTaskMs: 50,
  bundleGzipBytes: 15 * 1024,
  popupMs: 100,
  csvMs: 2000,
};
// "Typical blog post": a post with a few dozen comments; our real pages have 800–3,000 elements.
const TYPICAL_MAX_ELEMENTS = 3000;
const LARGE_MAX_ELEMENTS = 50_000;

// ---------------------------------------------------------------- helpers
function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1], first: samples[0], n: samples.length };
}
const round = (x, d = 3) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);
const log = (...a) => console.error('[bench]', ...a);

function htmlFilesUnder(dir) {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(htmlFilesUnder(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

// ---------------------------------------------------------------- builds
async function buildExtension(dist) {
  log(`building the extension into ${dist}`);
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), 'chrome'], {
    cwd: ROOT,
    env: { ...process.env, HOWSOCIAL_DIST: dist },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** One IIFE per entry (the engine; the CSV export with Dexie), with the project's own Vite. */
async function buildBundles(outDir) {
  const bundles = { engine: ['bench/engine-entry.ts', 'HowSocialBench'], csv: ['bench/csv-entry.ts', 'HowSocialCsv'] };
  for (const [file, [entry, name]] of Object.entries(bundles)) {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        lib: { entry: join(ROOT, entry), formats: ['iife'], name, fileName: () => `${file}.js` },
      },
    });
  }
  return { engine: join(outDir, 'engine.js'), csv: join(outDir, 'csv.js') };
}

/**
 * What the content script costs each kind of page, gzipped (bench/bundle.mjs, the same reader the
 * budget test uses): the entry every page loads, and entry + adapter family on an article or a
 * profile (no rules: the worker judges).
 */
function contentBundle(distChrome) {
  const { pages } = pageLoads(distChrome);
  return { pages, gzip: Math.max(pages.entry.gzip, pages.article.gzip, pages.profile.gzip) };
}

// ---------------------------------------------------------------- in-page measurements
/** Runs in the page: early exit, full audit and bare walk, interleaved so drift hits all alike. */
function measureInPage({ href, runs }) {
  const B = window.HowSocialBench;
  const walk = () => {
    const all = document.querySelectorAll('*');
    let n = 0;
    for (let i = 0; i < all.length; i++) n += all[i].localName.length;
    return n + document.body.textContent.length;
  };
  const elements = document.getElementsByTagName('*').length;
  const adapter = B.detect(document, href);
  const detect = [];
  const audit = [];
  const bare = [];
  let last = null;
  let error = null;
  // The first detect is the one a page really pays (cold code, cold selector caches): kept apart.
  let t = performance.now();
  B.detect(document, href);
  const detectCold = performance.now() - t;
  for (let r = 0; r < runs; r++) {
    // Ten calls per sample: one detect is close to the timer's resolution.
    t = performance.now();
    for (let k = 0; k < 10; k++) B.detect(document, href);
    detect.push((performance.now() - t) / 10);
    if (adapter) {
      t = performance.now();
      try {
        last = B.audit(document, href);
      } catch (e) {
        error = String(e?.stack ?? e);
      }
      audit.push(performance.now() - t);
    }
    t = performance.now();
    walk();
    bare.push(performance.now() - t);
  }
  return {
    elements,
    isolated: window.crossOriginIsolated,
    adapter,
    detectCold,
    detect,
    audit,
    bare,
    error,
    result: last && {
      kind: last.kind,
      platform: last.platform,
      score: last.score,
      sample: last.sample,
      findings: last.findings.length,
    },
  };
}

/** Runs in the page: re-audit cost per 20 posts appended, as the content script does on scroll. */
function measureIncremental({ href, batches }) {
  const B = window.HowSocialBench;
  if (!B.hasExtractMore(document, href)) return { supported: false, ms: [], posts: [] };
  const host = document.getElementById('timeline');
  let model = B.extract(document, href);
  const ms = [];
  const posts = [];
  for (const html of batches) {
    host.insertAdjacentHTML('beforeend', html);
    const t = performance.now();
    const out = B.auditMore(document, href, model);
    ms.push(performance.now() - t);
    model = out.model;
    posts.push(model.social?.posts.length ?? 0);
  }
  return { supported: true, ms, posts };
}

// ---------------------------------------------------------------- trace parsing
/**
 * The longest main-thread task of the page that ran script, from a Chromium trace. Benchmark
 * pages have no script of their own, so every script task on the page's main thread is the
 * content script's (plus our longtask observer, microseconds). Matching on chrome-extension://
 * URLs is not enough: the audit runs in promise continuations (after storage reads), which the
 * trace shows as RunMicrotasks without a script URL.
 */
const SCRIPT_EVENTS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.evaluateModule',
  'RunMicrotasks',
  'TimerFire',
  'FireIdleCallback',
  'v8.run',
  'V8.Execute',
  'v8.callFunction',
]);
function contentTasks(events, longtasks, pageUrl) {
  const nav = events.find(
    (e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL === pageUrl,
  );
  if (!nav) return { tasks: 0, longestMs: null, scriptMs: 0, longtasksOverlapping: null };
  const onMain = (e) => e.pid === nav.pid && e.tid === nav.tid;
  // Nothing before the content script's first own script event is the content script's: on a
  // 200k-element page the parser's task ends with a 110-ms microtask checkpoint of Blink's own
  // (no script function in it, seconds before document_idle), which the rule below took for ours.
  const ours = events
    .filter(
      (e) =>
        onMain(e) && SCRIPT_EVENTS.has(e.name) && e.ts >= nav.ts && /chrome-extension:\/\//.test(JSON.stringify(e.args ?? {})),
    )
    .reduce((first, e) => Math.min(first, e.ts), Number.POSITIVE_INFINITY);
  const since = Number.isFinite(ours) ? ours : nav.ts;
  const runTasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e) && e.ts + e.dur >= since);
  const scripts = events.filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && onMain(e) && e.ts >= since);
  // Script time per task (top-level script events only, nested ones are inside them). A task
  // counts as the content script's when script is most of it: the parser's task also runs a
  // microtask checkpoint, which must not turn a 1 s parse into a "content-script task".
  const scriptIn = new Map();
  for (const e of scripts) {
    const task = runTasks.find((t) => t.ts <= e.ts && t.ts + t.dur >= e.ts + (e.dur ?? 0));
    if (!task) continue;
    const nested = scripts.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur);
    if (!nested) scriptIn.set(task, (scriptIn.get(task) ?? 0) + (e.dur ?? 0));
  }
  const tasks = new Set([...scriptIn].filter(([t, us]) => us >= 0.5 * t.dur || us >= 50_000).map(([t]) => t));
  const scriptUs = [...scriptIn.values()].reduce((a, b) => a + b, 0);
  const durations = [...tasks].map((t) => t.dur / 1000);
  // PerformanceObserver entries are in ms since the page's time origin: navigationStart's ts (µs).
  const overlapping = longtasks.filter((lt) => {
    const start = nav.ts + lt.start * 1000;
    const end = start + lt.duration * 1000;
    return [...tasks].some((t) => t.ts < end && t.ts + t.dur > start);
  });
  // When no task is mostly script (the split content script runs in short continuations inside
  // tasks dominated by parsing or layout), the content script's own share of its longest task is
  // the figure: it is what the audit adds to that task.
  const scriptOnly = [...scriptIn.values()].map((us) => us / 1000);
  return {
    tasks: durations.length,
    longestMs: durations.length ? Math.max(...durations) : scriptOnly.length ? Math.max(...scriptOnly) : null,
    scriptMs: scriptUs / 1000,
    longtasksOverlapping: overlapping.map((lt) => round(lt.duration, 1)),
  };
}

async function traceLoad(context, worker, url, expectAudit) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__benchLongtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'blink.user_timing',
      ],
    },
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // Done when the background has put the page's score on the badge (the audit arrived).
  // Pages no adapter claims never get a badge: give them only a short grace period.
  const badge = await waitForBadge(worker, url, expectAudit ? 30_000 : 2_000);
  const longtasks = await page.evaluate(() => window.__benchLongtasks);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  return { badge, ...contentTasks(events, longtasks, url) };
}

async function waitForBadge(worker, url, timeout) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const text = await worker
      .evaluate(async (u) => {
        const tabs = await chrome.tabs.query({});
        const tab = tabs.find((t) => t.url === u);
        return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : null;
      }, url)
      .catch(() => null);
    if (text) return text;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return null;
}

// ---------------------------------------------------------------- popup
/** Seeds the extension's own database from one of its pages (raw IndexedDB, same origin). */
async function seedPopupDb(page, audits) {
  return page.evaluate(async (n) => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('howsocial')) return { error: 'the popup did not create the howsocial database' };
    const db = await new Promise((ok, fail) => {
      const req = indexedDB.open('howsocial');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const stores = [...db.objectStoreNames];
    if (!stores.includes('audits') || !stores.includes('auditFindings')) return { error: `unexpected stores ${stores}` };
    const rules = ['comments-closed', 'comment-form-friction', 'author-replies', 'critical-unanswered', 'one-way-links', 'stale'];
    const tx = db.transaction(['audits', 'auditFindings'], 'readwrite');
    const aStore = tx.objectStore('audits');
    const fStore = tx.objectStore('auditFindings');
    for (let i = 0; i < n; i++) {
      const score = (i * 37) % 101;
      const req = aStore.add({
        url: `https://blog${i % 400}.example/2026/post-${i}/`,
        site: `blog${i % 400}.example`,
        platform: i % 4 === 0 ? 'x' : 'wordpress',
        kind: i % 4 === 0 ? 'profile' : 'article',
        score,
        band: score >= 90 ? 'green' : score >= 50 ? 'orange' : 'red',
        time: Date.now() - i * 600_000,
        rulesVersion: 1,
        facts: {},
        sample: 10,
      });
      // Schema v2: one auditFindings row per audit.
      req.onsuccess = () => {
        fStore.add({
          auditId: req.result,
          findings: rules.map((rule, k) => ({
            rule,
            verdict: k % 2 ? 'pass' : 'fail',
            score: k % 2 ? 1 : 0.2,
            weight: 2,
            evidence: [{ selector: `#comment-${i}`, text: `Kommentar ${i}` }],
          })),
        });
      };
    }
    await new Promise((ok, fail) => {
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
    return { audits: n, findings: n * rules.length };
  }, audits);
}

async function popupFirstRender(context, extensionId, audits, runs) {
  log(`popup: seeding ${audits} audits`);
  const url = `chrome-extension://${extensionId}/popup/index.html`;
  const first = await context.newPage();
  await first.goto(url);
  // Dexie opens the database when the popup first reads it; wait for that before seeding.
  await first
    .waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'howsocial'), null, { timeout: 15_000 })
    .catch(() => {});
  const seeded = await seedPopupDb(first, audits);
  await first.close();
  if (seeded.error) return { error: seeded.error, samples: [] };
  const samples = [];
  const lcp = [];
  const dcl = [];
  for (let r = 0; r < runs; r++) {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__benchLcp = null;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__benchLcp = e.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      const check = () => {
        const body = document.body;
        const ready = body && body.textContent.trim().length > 0 && !document.querySelector('[aria-busy="true"]');
        if (ready) window.__benchReady = performance.now();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await page.goto(url);
    await page.waitForFunction(() => typeof window.__benchReady === 'number', null, { timeout: 30_000 });
    const got = await page.evaluate(() => ({
      ready: window.__benchReady,
      lcp: window.__benchLcp,
      text: document.body.textContent.slice(0, 80),
    }));
    samples.push(got.ready);
    if (got.lcp !== null) lcp.push(got.lcp);
    await page.close();
  }
  return { seeded, samples, lcp, dcl };
}

// ---------------------------------------------------------------- main
async function main() {
  const work = mkdtempSync(join(tmpdir(), 'howsocial-bench-'));
  const dist = option('dist') ?? join(work, 'dist');
  if (!option('dist')) await buildExtension(dist);
  const bundles = await buildBundles(join(work, 'bundles'));
  const results = { date: new Date().toISOString(), smoke: SMOKE, sizes: SIZES, budgets: BUDGETS, pages: [], figures: {} };

  // Generated pages are served by route at the URLs their platforms use, so adapters that look at
  // the host (x.com) take the same path as on the real site; fixtures come from a local server.
  const generated = new Map();
  const pages = [];
  for (const size of SIZES) {
    for (const [kind, make] of Object.entries(GENERATORS)) {
      const base = {
        blog: 'https://blog.example/2026/10/dialog/',
        timeline: 'https://x.com/benchacct',
        other: 'https://shop.example/produkte/',
      }[kind];
      const url = `${base}?elements=${size}`;
      generated.set(url, make(size));
      pages.push({ name: `${kind}-${size}`, kind, size, url });
    }
  }
  const fixtureRoot = join(ROOT, 'tests/fixtures');
  const server = await serve(ROOT);
  const fixtures = [...htmlFilesUnder(fixtureRoot), ...htmlFilesUnder(join(ROOT, 'demo'))]
    .filter((f) => !f.includes(`${'/'}hostile${'/'}`))
    .slice(0, SMOKE ? 3 : 60);
  for (const f of fixtures)
    pages.push({ name: relative(ROOT, f), kind: 'fixture', size: null, url: `${server.url}/${relative(ROOT, f)}` });
  const route = async (r) => {
    const body = generated.get(r.request().url());
    if (body === undefined) return r.fulfill({ status: 404, body: 'not generated' });
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs, which the
    // sub-millisecond early-exit figure needs.
    return r.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
      body,
    });
  };

  try {
    // ---- engine in the page (no extension: nothing else runs in the page meanwhile)
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_FLAGS, '--headless=new'],
      headless: false,
    });
    const ctx = await browser.newContext();
    await ctx.route(/^https:\/\/(blog|shop|fixtures)\.example\/|^https:\/\/x\.com\//, route);
    for (const p of wants('audit') ? pages : []) {
      const page = await ctx.newPage();
      await page.goto(p.url, { waitUntil: 'load', timeout: 120_000 });
      await page.addScriptTag({ path: bundles.engine });
      const runs = runsFor(p.size ?? 1000);
      log(`${p.name}: ${runs} runs`);
      const m = await page.evaluate(measureInPage, { href: p.url, runs });
      const row = {
        name: p.name,
        kind: p.kind,
        size: p.size,
        url: p.url,
        elements: m.elements,
        adapter: m.adapter,
        result: m.result,
        error: m.error,
      };
      row.detect = { ...stats(m.detect), cold: m.detectCold };
      row.timerIsolated = m.isolated;
      if (m.audit.length) row.audit = stats(m.audit);
      row.bare = stats(m.bare);
      if (m.audit.length) row.ratio = row.audit.median / row.bare.median;
      if (p.kind === 'timeline') {
        const batches = [];
        const count = SMOKE ? 3 : 10;
        for (let b = 0; b < count; b++) {
          batches.push(Array.from({ length: 20 }, (_, k) => tweet(100_000 + b * 20 + k)).join('\n'));
        }
        const inc = await page.evaluate(measureIncremental, { href: p.url, batches });
        row.incremental = inc.supported ? { ...stats(inc.ms), postsAfter: inc.posts.at(-1) } : { supported: false };
      }
      results.pages.push(row);
      await page.close();
    }

    // ---- CSV export of N findings, in a page of the local server (its own IndexedDB)
    if (wants('csv')) {
      const page = await ctx.newPage();
      await page.goto(`${server.url}/package.json`);
      await page.addScriptTag({ path: bundles.csv });
      log(`csv: seeding ${CSV_FINDINGS} findings`);
      await page.evaluate((n) => window.HowSocialCsv.seed(n), CSV_FINDINGS);
      const runs = [];
      for (let r = 0; r < CSV_RUNS; r++) runs.push(await page.evaluate(() => window.HowSocialCsv.run()));
      results.figures.csv = {
        findings: CSV_FINDINGS,
        rows: runs[0].rows,
        bytes: runs[0].bytes,
        ...stats(runs.map((r) => r.ms)),
        longestGapMs: Math.max(...runs.map((r) => r.longestGapMs)),
      };
      await page.close();
    }
    await browser.close();

    // ---- the real extension: longest content-script task, popup first render
    const ext = await launchWithExtension(join(dist, 'chrome'), { timeout: 30_000 });
    try {
      await ext.context.route(/^https:\/\/(blog|shop|fixtures)\.example\/|^https:\/\/x\.com\//, route);
      results.figures.longTasks = [];
      for (const p of wants('longtask') ? pages.filter((x) => x.kind === 'blog' || x.kind === 'timeline') : []) {
        const runs = [];
        // without the audit figures, every generated blog and timeline page is expected to be claimed
        const expectAudit = wants('audit') ? Boolean(results.pages.find((x) => x.url === p.url)?.adapter) : true;
        for (let r = 0; r < LONGTASK_RUNS; r++) {
          // A trace that lost the page's events under load (no navigationStart, no script events)
          // is a failed measurement, not a figure: take it again, at most twice.
          let run = await traceLoad(ext.context, ext.worker, p.url, expectAudit);
          for (let retry = 0; retry < 2 && expectAudit && run.longestMs === null; retry++)
            run = await traceLoad(ext.context, ext.worker, p.url, expectAudit);
          runs.push(run);
        }
        const longest = runs.map((r) => r.longestMs).filter((x) => x !== null);
        results.figures.longTasks.push({
          name: p.name,
          size: p.size,
          badge: runs.map((r) => r.badge),
          tasks: runs.map((r) => r.tasks),
          ...(longest.length ? stats(longest) : { median: null, p95: null }),
          scriptMs: stats(runs.map((r) => r.scriptMs)),
          longtasksOverlapping: runs.map((r) => r.longtasksOverlapping),
        });
        log(
          `${p.name}: longest content-script task ${longest.map((x) => round(x, 1)).join(', ')} ms, badge ${runs.map((r) => r.badge)}`,
        );
      }
      if (wants('cold')) {
        const coldPages = [
          ...realPages(REAL_PAGES).slice(0, SMOKE ? 2 : undefined),
          ...pages
            .filter((p) => p.size !== null)
            .map((p) => ({
              name: p.name,
              url: p.url,
              kind: p.kind === 'other' ? 'other' : p.kind,
              size: p.size,
              html: generated.get(p.url),
            })),
        ];
        results.figures.cold = await measureCold({
          context: ext.context,
          worker: ext.worker,
          extensionId: ext.extensionId,
          pages: coldPages,
          runs: COLD_RUNS,
          judgeBundle: bundles.engine,
          log,
        });
      }
      const popup = wants('popup') ? await popupFirstRender(ext.context, ext.extensionId, POPUP_AUDITS, POPUP_RUNS) : null;
      if (popup)
        results.figures.popup = popup.error
          ? { error: popup.error, audits: POPUP_AUDITS }
          : {
              audits: POPUP_AUDITS,
              ...stats(popup.samples),
              lcp: popup.lcp.length ? stats(popup.lcp) : null,
              domContentLoaded: popup.dcl.length ? stats(popup.dcl) : null,
            };
    } finally {
      await ext.close();
    }
    results.figures.bundle = contentBundle(join(dist, 'chrome'));
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }

  judge(results);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  log(`wrote ${OUT}`);
}

// ---------------------------------------------------------------- budgets and table
function mark(value, budget) {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  return value < budget ? 'ok' : 'OVER';
}

function judge(results) {
  const rows = [];
  const add = (figure, page, value, p95, budget, unit, note = '') =>
    rows.push({ figure, page, median: round(value, 3), p95: round(p95, 3), budget, unit, status: mark(value, budget), note });
  for (const p of results.pages) {
    if (p.kind === 'other' || (p.kind === 'fixture' && !p.adapter)) {
      const note = p.adapter ? `adapter ${p.adapter} claimed a non-article page` : '';
      add(
        'early exit',
        p.name,
        p.detect.median,
        p.detect.p95,
        BUDGETS.earlyExitMs,
        'ms',
        `cold ${round(p.detect.cold, 3)} ms${note ? `; ${note}` : ''}`,
      );
    }
    if (p.audit) {
      const budget =
        p.elements <= TYPICAL_MAX_ELEMENTS
          ? BUDGETS.typicalAuditMs
          : p.elements <= LARGE_MAX_ELEMENTS * 1.1
            ? BUDGETS.largeAuditMs
            : null;
      const note = `${p.elements} el., ${p.adapter}, first run ${round(p.audit.first, 1)} ms${p.error ? `, THREW ${p.error.split('\n')[0]}` : ''}`;
      if (budget) add('audit', p.name, p.audit.median, p.audit.p95, budget, 'ms', note);
      else
        rows.push({
          figure: 'audit',
          page: p.name,
          median: round(p.audit.median),
          p95: round(p.audit.p95),
          budget: null,
          unit: 'ms',
          status: '–',
          note,
        });
      // Below ~4 ticks of the 5 µs timer a ratio is noise (tiny fixtures walk in microseconds).
      if (p.bare.median < 0.02) {
        const note = 'walk below timer resolution';
        rows.push({
          figure: 'audit ÷ bare walk',
          page: p.name,
          median: null,
          p95: null,
          budget: BUDGETS.walkRatio,
          unit: '×',
          status: 'n/a',
          note,
        });
      } else {
        add(
          'audit ÷ bare walk',
          p.name,
          p.ratio,
          p.audit.p95 / p.bare.median,
          BUDGETS.walkRatio,
          '×',
          `walk ${round(p.bare.median, 2)} ms`,
        );
      }
    } else if (p.kind === 'blog' || p.kind === 'timeline') {
      rows.push({
        figure: 'audit',
        page: p.name,
        median: null,
        p95: null,
        budget: null,
        unit: 'ms',
        status: 'n/a',
        note: 'no adapter detected this page',
      });
    }
    if (p.incremental) {
      if (p.incremental.supported === false)
        rows.push({
          figure: 're-audit / 20 posts',
          page: p.name,
          median: null,
          p95: null,
          budget: null,
          unit: 'ms',
          status: 'n/a',
          note: 'no extractMore',
        });
      else
        add(
          're-audit / 20 posts',
          p.name,
          p.incremental.median,
          p.incremental.p95,
          BUDGETS.largeAuditMs,
          'ms',
          `${p.incremental.postsAfter} posts after`,
        );
    }
  }
  // The ratio at one size carries the audit's fixed cost (rules, lexicons, the article's head):
  // at 1k elements the walk takes ~0.1 ms, less than any audit's constant part. How the audit
  // grows with the page is the slope between two sizes of the same generated page: the extra
  // audit time per extra walk time.
  for (const kind of ['blog', 'timeline']) {
    const sized = results.pages.filter((p) => p.kind === kind && p.audit).sort((a, b) => a.size - b.size);
    for (let i = 1; i < sized.length; i++) {
      const [a, b] = [sized[i - 1], sized[i]];
      const walk = b.bare.median - a.bare.median;
      if (walk <= 0) continue;
      add(
        'audit ÷ bare walk, growth',
        `${kind} ${a.size / 1000}k → ${b.size / 1000}k`,
        (b.audit.median - a.audit.median) / walk,
        null,
        BUDGETS.walkRatio,
        '×',
        `audit +${round(b.audit.median - a.audit.median, 1)} ms, walk +${round(walk, 1)} ms`,
      );
    }
  }
  for (const t of results.figures.longTasks ?? []) {
    const note = `badge ${t.badge.join('/')}; script ${round(t.scriptMs.median, 1)} ms; PerformanceObserver longtasks ${JSON.stringify(t.longtasksOverlapping)}`;
    if (t.size <= LARGE_MAX_ELEMENTS * 1.1)
      add('longest content-script task', t.name, t.median, t.p95, BUDGETS.longTaskMs, 'ms', note);
    else
      rows.push({
        figure: 'longest content-script task',
        page: t.name,
        median: round(t.median),
        p95: round(t.p95),
        budget: null,
        unit: 'ms',
        status: '–',
        note,
      });
  }
  for (const c of results.figures.cold ?? []) {
    const note = `${c.elements} el.; walk ${round(c.walk.median, 2)} ms; runs ${c.cpu.samples.map((x) => round(x, 1)).join('/')}${c.kind !== 'other' && !c.audited ? '; NO AUDIT' : ''}`;
    const typical = c.elements <= TYPICAL_MAX_ELEMENTS;
    rows.push({
      figure: 'cold extension CPU (page)',
      page: c.name,
      median: round(c.cpu.median, 2),
      p95: null,
      budget: typical ? BUDGETS.coldMs : null,
      unit: 'ms',
      status: typical ? mark(c.cpu.median, BUDGETS.coldMs) : '–',
      note,
    });
    if (c.elements >= 10_000)
      add('cold CPU ÷ bare walk', c.name, c.ratio, null, BUDGETS.walkRatio, '×', `walk ${round(c.walk.median, 2)} ms`);
    if (c.judge)
      rows.push({
        figure: 'worker judging (cold / warm)',
        page: c.name,
        median: round(c.judge.cold, 2),
        p95: null,
        budget: typical ? BUDGETS.judgeMs : null,
        unit: 'ms',
        status: typical ? mark(c.judge.cold, BUDGETS.judgeMs) : '–',
        note: `warm ${round(c.judge.warm, 2)} ms; ${c.judge.findings} findings`,
      });
  }
  const b = results.figures.bundle;
  if (b)
    for (const page of ['entry', 'article', 'profile'])
      add(
        'content bundle (gzip)',
        page === 'entry' ? 'every page (entry)' : `${page} page (entry + family)`,
        b.pages[page].gzip,
        b.pages[page].gzip,
        BUDGETS.bundleGzipBytes,
        'B',
        `${b.pages[page].files} file(s), each gzipped`,
      );
  const pp = results.figures.popup;
  if (pp) {
    if (pp.error)
      rows.push({
        figure: 'popup first render',
        page: `${pp.audits} audits`,
        median: null,
        p95: null,
        budget: BUDGETS.popupMs,
        unit: 'ms',
        status: 'n/a',
        note: pp.error,
      });
    else
      add(
        'popup first render',
        `${pp.audits} audits`,
        pp.median,
        pp.p95,
        BUDGETS.popupMs,
        'ms',
        pp.lcp ? `LCP ${round(pp.lcp.median, 1)} ms` : 'no LCP entry',
      );
  }
  const c = results.figures.csv;
  if (c)
    add(
      'CSV export',
      `${c.findings} findings`,
      c.median,
      c.p95,
      BUDGETS.csvMs,
      'ms',
      `${c.rows} rows, ${c.bytes} B, longest UI gap ${round(c.longestGapMs, 1)} ms`,
    );
  results.table = rows;
}

function printTable(results) {
  const head = ['figure', 'page', 'median', 'p95', 'budget', 'status', 'note'];
  const lines = results.table.map((r) => [
    r.figure,
    r.page,
    `${r.median ?? '–'} ${r.unit}`,
    `${r.p95 ?? '–'}`,
    r.budget === null ? '–' : `< ${r.budget}`,
    r.status,
    r.note,
  ]);
  const widths = head.map((h, i) => Math.min(i === 6 ? 200 : 48, Math.max(h.length, ...lines.map((l) => String(l[i]).length))));
  const fmt = (cols) => cols.map((c, i) => String(c).slice(0, widths[i]).padEnd(widths[i])).join(' | ');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(fmt(l));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
