// One cold page load, measured from outside the extension: shared by the cold figures
// (bench/figures/cold.ts) and the cold profile tool (bench/cold-profile.ts).
//
// Every navigation is a cold start for a content script: its file is parsed and compiled anew, each
// first selector look-up walks the page, and no regex has been compiled yet. So, per load:
// - a fresh tab of the built extension in headless Chromium (the same profile and worker for all);
// - the V8 sampling profiler of that tab (CDP `Profiler`, 50 µs) from before the navigation until
//   the worker has set the badge (the tab's `audit:tab:<id>` in storage.session), or for a page that
//   is neither article nor profile, until the page has been idle twice after `load`.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { originalUrlOf } from '../../scripts/lib/original-url.ts';
import type { CpuProfile } from '../lib/cpu-profile.ts';
import { inPage } from '../lib/in-page.ts';

const SAMPLING_US = 50;

/** A page to load cold: its markup is served at `url`, offline. */
export interface ColdPage {
  name: string;
  url: string;
  /** 'other' (neither article nor profile): no audit is waited for */
  kind: string;
  html: string | Buffer;
  /** a generated page's target element count */
  size?: number | null;
}

/** What one cold load gives; the tab stays open until `close`. */
export interface ColdLoad {
  page: Page;
  /** the extension's id of the tab (null: the worker did not see it) */
  tabId: number | null;
  /** the worker stored an audit for the tab */
  audited: boolean;
  /** the tab's CPU profile from before the navigation until the audit (or idle) */
  profile: CpuProfile;
  close(): Promise<void>;
}

/** The labels' entries the bench reads: the original URL (else the page says it) and the kind. */
function labelOf(value: unknown): { url: string | null; kind: string } | null {
  if (typeof value !== 'object' || value === null || !('kind' in value) || typeof value.kind !== 'string') return null;
  const url = 'url' in value && typeof value.url === 'string' ? value.url : null;
  return { url, kind: value.kind };
}

/**
 * The saved real pages with their original URLs and labelled kinds (`dir`/labels.json); none when
 * there is no labels file. A label without a kind is left out.
 */
export function realPages(dir: string): ColdPage[] {
  let labels: unknown;
  try {
    labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
  } catch {
    return [];
  }
  if (typeof labels !== 'object' || labels === null) return [];
  return Object.entries(labels).flatMap(([file, value]) => {
    const label = labelOf(value);
    if (!label) return [];
    const html = readFileSync(join(dir, file));
    // as `npm run eval` serves it: the label's URL, else the page's canonical / og:url
    const url = label.url ?? originalUrlOf(html.toString('utf8'), { url: null, fileName: file }).url;
    return [{ name: basename(file, '.html'), url, kind: label.kind, html }];
  });
}

const withoutFragment = (url: string) => url.replace(/#.*$/, '');

/**
 * Offline, as the CLI audits saved pages: each page's own document, nothing else it asks for.
 * Returns the function that takes the route away again.
 */
export async function serveOffline(context: BrowserContext, pages: readonly ColdPage[]): Promise<() => Promise<void>> {
  const bodies = new Map(pages.map((p) => [withoutFragment(p.url), p.html]));
  await context.route(/^https?:/, (route) => {
    const body = bodies.get(withoutFragment(route.request().url()));
    if (body === undefined || !route.request().isNavigationRequest()) return route.abort('blockedbyclient');
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  return () => context.unroute(/^https?:/);
}

/** Until the worker has judged and stored the tab's audit (at most 30 s); false when it never came. */
async function waitForAudit(worker: Worker, tabId: number | null): Promise<boolean> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const audited = await worker.evaluate(
      inPage(async (id: number | null) => {
        const key = `audit:tab:${id}`;
        return Boolean((await chrome.storage.session.get(key))[key]);
      }),
      tabId,
    );
    if (audited) return true;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  return false;
}

/** What is recorded from before a cold load's navigation until its audit: a CPU profile, a trace. */
export interface Recorder<T> {
  start(cdp: CDPSession): Promise<void>;
  stop(cdp: CDPSession): Promise<T>;
}

/** The V8 sampling profiler at SAMPLING_US. */
export const PROFILER: Recorder<CpuProfile> = {
  async start(cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await cdp.send('Profiler.start');
  },
  async stop(cdp) {
    return (await cdp.send('Profiler.stop')).profile;
  },
};

/** One fresh tab loading `p` under the profiler, until the audit is stored (or, for 'other', idle). */
export async function coldLoad(context: BrowserContext, worker: Worker, p: ColdPage): Promise<ColdLoad> {
  const { record, ...load } = await recordedLoad(context, worker, p, PROFILER);
  return { ...load, profile: record };
}

/** One fresh tab loading `p` while `recorder` records, until the audit is stored (or idle). */
export async function recordedLoad<T>(
  context: BrowserContext,
  worker: Worker,
  p: ColdPage,
  recorder: Recorder<T>,
): Promise<Omit<ColdLoad, 'profile'> & { record: T }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await recorder.start(cdp);
  await page.goto(p.url, { waitUntil: 'load', timeout: 60_000 });
  const tabId = await worker.evaluate(
    inPage(async (u: string) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t) => (t.url ?? '').split('#')[0] === u.split('#')[0])?.id ?? null;
    }),
    page.url(),
  );
  // Pages that are not ours get no audit: idle twice is the end of their load.
  const audited = p.kind !== 'other' && (await waitForAudit(worker, tabId));
  await page.evaluate(
    inPage(async () => {
      for (let i = 0; i < 2; i++) await new Promise((ok) => requestIdleCallback(() => ok(undefined), { timeout: 2000 }));
    }),
  );
  const record = await recorder.stop(cdp);
  const close = async () => {
    await cdp.detach().catch(() => {});
    await page.close();
  };
  return { page, tabId, audited, record, close };
}
