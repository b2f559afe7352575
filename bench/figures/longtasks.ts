// The longest content-script task: the built extension loaded, a Chromium trace of each page load,
// the longest renderer main-thread task (RunTask) that runs extension script, plus every
// PerformanceObserver `longtask` entry that overlaps one of those tasks (bench/figures/trace.ts).
import type { BrowserContext, Worker } from 'playwright-core';
import { inPage } from '../lib/in-page.ts';
import { type Log, round, type Stats, stats } from '../lib/stats.ts';
import type { BenchPage } from '../lib/targets.ts';
import { type ContentTasks, contentTasks, type LongTaskEntry, tracer } from './trace.ts';

export type LongTaskFigure = {
  name: string;
  size: number | null;
  /** the badge each run ended with (null: none came) */
  badge: (string | null)[];
  tasks: number[];
} & (Stats | { median: null; p95: null }) & {
    scriptMs: Stats;
    longtasksOverlapping: ContentTasks['longtasksOverlapping'][];
  };

type TraceRun = ContentTasks & { badge: string | null };

type LongTaskWindow = Window & { __benchLongtasks: LongTaskEntry[] };

const TRACER = tracer([
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
]);

/** One traced load of `url` in a fresh tab, until the audit's badge is set (or a grace period). */
async function traceLoad(context: BrowserContext, worker: Worker, url: string, expectAudit: boolean): Promise<TraceRun> {
  const page = await context.newPage();
  await page.addInitScript(
    inPage(() => {
      const w = window as unknown as LongTaskWindow;
      w.__benchLongtasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__benchLongtasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    }),
  );
  const cdp = await context.newCDPSession(page);
  await TRACER.start(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // Done when the background has put the page's score on the badge (the audit arrived).
  // Pages no adapter claims never get a badge: give them only a short grace period.
  const badge = await waitForBadge(worker, url, expectAudit ? 30_000 : 2_000);
  const longtasks = await page.evaluate(inPage(() => (window as unknown as LongTaskWindow).__benchLongtasks));
  const events = await TRACER.stop(cdp);
  await page.close();
  return { badge, ...contentTasks(events, longtasks, url) };
}

/** The badge text of the tab showing `url`, once it has one; null after `timeout` ms. */
async function waitForBadge(worker: Worker, url: string, timeout: number): Promise<string | null> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const text = await worker
      .evaluate(
        inPage(async (u: string) => {
          const tabs = await chrome.tabs.query({});
          const tab = tabs.find((t) => t.url === u);
          return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : null;
        }),
        url,
      )
      .catch(() => null);
    if (text) return text;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return null;
}

export interface LongTaskOptions {
  runs: number;
  /** whether an adapter claims the page (else no badge is waited for) */
  expectAudit: (page: BenchPage) => boolean;
  log: Log;
}

/** The longest content-script task of each page load, `runs` loads per page. */
export async function measureLongTasks(
  context: BrowserContext,
  worker: Worker,
  pages: readonly BenchPage[],
  o: LongTaskOptions,
): Promise<LongTaskFigure[]> {
  const figures: LongTaskFigure[] = [];
  for (const p of pages) {
    const expectAudit = o.expectAudit(p);
    const runs: TraceRun[] = [];
    for (let r = 0; r < o.runs; r++) {
      // A trace that lost the page's events under load (no navigationStart, no script events)
      // is a failed measurement, not a figure: take it again, at most twice.
      let run = await traceLoad(context, worker, p.url, expectAudit);
      for (let retry = 0; retry < 2 && expectAudit && run.longestMs === null; retry++)
        run = await traceLoad(context, worker, p.url, expectAudit);
      runs.push(run);
    }
    const longest = runs.map((r) => r.longestMs).filter((x) => x !== null);
    figures.push({
      name: p.name,
      size: p.size,
      badge: runs.map((r) => r.badge),
      tasks: runs.map((r) => r.tasks),
      ...(longest.length ? stats(longest) : { median: null, p95: null }),
      scriptMs: stats(runs.map((r) => r.scriptMs)),
      longtasksOverlapping: runs.map((r) => r.longtasksOverlapping),
    });
    o.log(
      `${p.name}: longest content-script task ${longest.map((x) => round(x, 1)).join(', ')} ms, badge ${runs.map((r) => r.badge)}`,
    );
  }
  return figures;
}
