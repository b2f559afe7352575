// @ts-check
// Cold figures: what a user's browser pays on a page load, measured from outside the extension.
//
// Every navigation is a cold start for a content script: its file is parsed and compiled anew, each
// first selector look-up walks the page, and no regex has been compiled yet. Warm figures (the same
// code repeated in one page, bench/run.mjs "audit") cannot show that. So, per page and run:
// - a fresh tab of the built extension in headless Chromium (the same profile and worker for all);
// - the V8 sampling profiler of that tab (CDP `Profiler`, 50 µs) from before the navigation until
//   the worker has set the badge (the tab's `audit:tab:<id>` in storage.session), or for a page that
//   is neither article nor profile, until the page has been idle twice after `load`;
// - the figure is the self time of the profile's nodes whose script is the extension's own
//   (`chrome-extension://…`): the content script's entry and any family file the worker injected;
// - the bare walk in the same page right after: `querySelectorAll('*')` touching every element and
//   `document.body.textContent` once, timed with performance.now() in the page's main world.
// Median of `runs` fresh loads. The worker's judging of the same page is measured apart (`judge`):
// the page model the content script reads (asked with `run-audit` from the worker), judged by the
// worker's code (schema check, rules, score, facts; bench/engine-entry.ts `judge`) in a fresh page:
// the first call (cold: first compile of every rule and regex) and the median of 20 more (warm).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { originalUrlOf } from '../scripts/lib/original-url.mjs';

const SAMPLING_US = 50;

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
}

/**
 * Self time (ms) of the profile's nodes whose script URL starts with `prefix`.
 * @param {{ nodes: { id: number, callFrame: { url: string } }[], samples?: number[], timeDeltas?: number[] }} profile
 * @param {string} prefix
 */
export function selfTimeOf(profile, prefix) {
  const ours = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith(prefix)).map((n) => n.id));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  // timeDeltas[i] is the time before sample i: the interval a sample stands for is the next delta
  for (let i = 0; i < samples.length; i++) if (ours.has(samples[i])) us += deltas[i + 1] ?? deltas[i] ?? 0;
  return us / 1000;
}

/**
 * The saved real pages with their original URLs and labelled kinds (../shared/real-pages/labels.json).
 * @param {string} dir
 */
export function realPages(dir) {
  /** @type {Record<string, { url?: string | null, kind: string }>} */
  let labels;
  try {
    labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
  } catch {
    return [];
  }
  return Object.entries(labels).map(([file, label]) => {
    const html = readFileSync(join(dir, file));
    // as `npm run eval` serves it: the label's URL, else the page's canonical / og:url
    const url = label.url ?? originalUrlOf(html.toString('utf8'), { url: null, fileName: file }).url;
    return { name: basename(file, '.html'), url, kind: /** @type {string} */ (label.kind), html };
  });
}

/**
 * @param {{
 *   context: import('playwright-core').BrowserContext,
 *   worker: import('playwright-core').Worker,
 *   extensionId: string,
 *   pages: { name: string, url: string, kind: string, html: string | Buffer, size?: number | null }[],
 *   runs: number,
 *   judgeBundle: string,
 *   log?: (...a: unknown[]) => void,
 * }} options
 */
export async function measureCold({ context, worker, extensionId, pages, runs, judgeBundle, log = () => {} }) {
  const prefix = `chrome-extension://${extensionId}/`;
  /** @type {Map<string, string | Buffer>} */
  const bodies = new Map(pages.map((p) => [p.url.replace(/#.*$/, ''), p.html]));
  // Offline, as the CLI audits saved pages: the page itself, nothing else it asks for.
  await context.route(/^https?:/, (route) => {
    const body = bodies.get(route.request().url().replace(/#.*$/, ''));
    if (body === undefined || !route.request().isNavigationRequest()) return route.abort('blockedbyclient');
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  const out = [];
  for (const p of pages) {
    const cpu = [];
    const walk = [];
    let elements = 0;
    let audited = false;
    let model = null;
    for (let r = 0; r < runs; r++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
      await cdp.send('Profiler.start');
      await page.goto(p.url, { waitUntil: 'load', timeout: 60_000 });
      const tabId = await worker.evaluate(async (u) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t) => (t.url ?? '').split('#')[0] === u.split('#')[0])?.id ?? null;
      }, page.url());
      // Until the worker has judged and stored the tab's audit; pages that are not ours: idle twice.
      const until = Date.now() + 30_000;
      audited = false;
      while (p.kind !== 'other' && Date.now() < until) {
        audited = await worker.evaluate(async (id) => {
          const key = `audit:tab:${id}`;
          return Boolean((await chrome.storage.session.get(key))[key]);
        }, tabId);
        if (audited) break;
        await new Promise((ok) => setTimeout(ok, 20));
      }
      await page.evaluate(async () => {
        for (let i = 0; i < 2; i++) await new Promise((ok) => requestIdleCallback(() => ok(undefined), { timeout: 2000 }));
      });
      const { profile } = await cdp.send('Profiler.stop');
      cpu.push(selfTimeOf(profile, prefix));
      const w = await page.evaluate(() => {
        const t = performance.now();
        const all = document.querySelectorAll('*');
        let n = 0;
        for (let i = 0; i < all.length; i++) n += all[i].localName.length;
        n += (document.body?.textContent ?? '').length;
        return { ms: performance.now() - t, elements: all.length, n };
      });
      walk.push(w.ms);
      elements = w.elements;
      if (r === 0 && p.kind !== 'other') {
        model = await worker
          .evaluate(
            async (id) => (await chrome.tabs.sendMessage(id, { type: 'run-audit' }, { frameId: 0 }))?.model ?? null,
            tabId,
          )
          .catch(() => null);
      }
      await cdp.detach().catch(() => {});
      await page.close();
    }
    const judge = model ? await judgeTimes(context, judgeBundle, model) : null;
    const row = {
      name: p.name,
      kind: p.kind,
      size: p.size ?? null,
      elements,
      audited,
      cpu: { median: median(cpu), samples: cpu },
      walk: { median: median(walk), samples: walk },
      ratio:
        median(cpu) !== null && median(walk) ? /** @type {number} */ (median(cpu)) / /** @type {number} */ (median(walk)) : null,
      judge,
    };
    log(
      `cold ${p.name}: ${elements} el., extension CPU ${row.cpu.median?.toFixed(2)} ms, walk ${row.walk.median?.toFixed(2)} ms` +
        (judge ? `, judge cold ${judge.cold.toFixed(2)} / warm ${judge.warm?.toFixed(2)} ms` : ''),
    );
    out.push(row);
  }
  await context.unroute(/^https?:/);
  return out;
}

/**
 * The worker's code judging one model in a fresh page: the first call, then the median of 20.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} bundle
 * @param {unknown} model
 */
async function judgeTimes(context, bundle, model) {
  const page = await context.newPage();
  try {
    await page.setContent('<!doctype html><title>judge</title>');
    await page.addScriptTag({ path: bundle });
    return await page.evaluate((m) => {
      // @ts-expect-error the bench bundle's global
      const B = window.HowSocialBench;
      const now = Date.now();
      let t = performance.now();
      const first = B.judge(m, now);
      const cold = performance.now() - t;
      const warm = [];
      for (let i = 0; i < 20; i++) {
        t = performance.now();
        B.judge(m, now);
        warm.push(performance.now() - t);
      }
      warm.sort((a, b) => a - b);
      return { cold, warm: warm[10], findings: first?.findings.length ?? null };
    }, model);
  } finally {
    await page.close();
  }
}
