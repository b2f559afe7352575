// Cold figures: what a user's browser pays on a page load, measured from outside the extension.
//
// Warm figures (the same code repeated in one page, bench/figures/audit.ts) cannot show what every
// navigation pays. So, per page and run, a cold load (bench/figures/cold-load.ts: a fresh tab, the
// V8 sampling profiler from before the navigation until the worker has stored the tab's audit):
// - the figure is the self time of the profile's nodes whose script is the extension's own
//   (`chrome-extension://…`): the content script's entry and any family file the worker injected;
// - the bare walk in the same page right after: `querySelectorAll('*')` touching every element and
//   `document.body.textContent` once, timed with performance.now() in the page's main world.
// Median of `runs` fresh loads. The worker's judging of the same page is measured apart (`judge`):
// the page model the content script reads (asked with `run-audit` from the worker), judged by the
// worker's code (schema check, rules, score, facts; bench/engine-entry.ts `judgeTimes`) in a fresh
// page: the first call (cold: first compile of every rule and regex) and the median of 20 more (warm).
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { selfTimeOf } from '../lib/cpu-profile.ts';
import { type EngineWindow, inPage } from '../lib/in-page.ts';
import { type Log, median } from '../lib/stats.ts';
import { type ColdPage, coldLoad, serveOffline } from './cold-load.ts';

export interface ColdFigure {
  name: string;
  kind: string;
  size: number | null;
  elements: number;
  audited: boolean;
  cpu: { median: number | null; samples: number[] };
  walk: { median: number | null; samples: number[] };
  /** cold CPU ÷ bare walk (medians) */
  ratio: number | null;
  judge: JudgeTimes | null;
}

export interface JudgeTimes {
  cold: number;
  warm: number;
  findings: number | null;
}

export interface ColdOptions {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  pages: readonly ColdPage[];
  runs: number;
  judgeBundle: string;
  log?: Log;
}

/**
 * The bare walk: every element touched once, the body's text read once; ms, and the element count.
 * Sent into a page as its source: in the page's main world here, in a fresh isolated world by
 * bench/cold-profile.ts --floor.
 */
export const BARE_WALK = inPage(() => {
  const t = performance.now();
  const all = document.querySelectorAll('*');
  let n = 0;
  for (let i = 0; i < all.length; i++) n += all[i].localName.length;
  n += (document.body?.textContent ?? '').length;
  return { ms: performance.now() - t, elements: all.length, n };
});

/** The bare walk in the page's main world. */
async function bareWalk(page: Page): Promise<{ ms: number; elements: number }> {
  return page.evaluate(BARE_WALK);
}

/** The page model the tab's content script reads, asked for by the worker as the popup does. */
async function modelOf(worker: Worker, tabId: number | null): Promise<unknown> {
  return worker
    .evaluate(
      inPage(async (id: number | null): Promise<unknown> => {
        if (id === null) return null;
        const answer: unknown = await chrome.tabs.sendMessage(id, { type: 'run-audit' }, { frameId: 0 });
        return typeof answer === 'object' && answer !== null && 'model' in answer ? answer.model : null;
      }),
      tabId,
    )
    .catch(() => null);
}

/** The worker's code judging one model in a fresh page: the first call, then the median of 20. */
async function judgeTimes(context: BrowserContext, bundle: string, model: unknown): Promise<JudgeTimes> {
  const page = await context.newPage();
  try {
    await page.setContent('<!doctype html><title>judge</title>');
    await page.addScriptTag({ path: bundle });
    return await page.evaluate(
      inPage((m: unknown) => (window as unknown as EngineWindow).HowSocialBench.judgeTimes(m)),
      model,
    );
  } finally {
    await page.close();
  }
}

/** Loads taken again when the profile holds no sample of the extension's code. */
const MISSED_RETRIES = 2;

/** Every page's cold figures, `runs` fresh loads each. */
export async function measureCold({
  context,
  worker,
  extensionId,
  pages,
  runs,
  judgeBundle,
  log = () => {},
}: ColdOptions): Promise<ColdFigure[]> {
  const prefix = `chrome-extension://${extensionId}/`;
  const unroute = await serveOffline(context, pages);
  const out: ColdFigure[] = [];
  for (const p of pages) {
    const cpu: number[] = [];
    const walk: number[] = [];
    let elements = 0;
    let audited = false;
    let model: unknown = null;
    for (let r = 0; r < runs; r++) {
      let load = await coldLoad(context, worker, p);
      let self = selfTimeOf(load.profile, prefix);
      // Not one sample in the extension's frames: the content script ran, but in a page process the
      // profiler was not attached to (the navigation went to another renderer, e.g. the closing
      // tab's of the same site). A lost measurement, not a free page load: taken again, twice at most.
      for (let retry = 0; retry < MISSED_RETRIES && self === 0; retry++) {
        await load.close();
        load = await coldLoad(context, worker, p);
        self = selfTimeOf(load.profile, prefix);
      }
      if (self === 0) log(`cold ${p.name}: run ${r + 1} has no sample of the extension's code after ${MISSED_RETRIES} retries`);
      audited = load.audited;
      cpu.push(self);
      const w = await bareWalk(load.page);
      walk.push(w.ms);
      elements = w.elements;
      if (r === 0 && p.kind !== 'other') model = await modelOf(worker, load.tabId);
      await load.close();
    }
    const judge = model ? await judgeTimes(context, judgeBundle, model) : null;
    const row = coldFigure(p, elements, audited, cpu, walk, judge);
    log(
      `cold ${p.name}: ${elements} el., extension CPU ${row.cpu.median?.toFixed(2)} ms, walk ${row.walk.median?.toFixed(2)} ms` +
        (judge ? `, judge cold ${judge.cold.toFixed(2)} / warm ${judge.warm.toFixed(2)} ms` : ''),
    );
    out.push(row);
  }
  await unroute();
  return out;
}

function coldFigure(
  p: ColdPage,
  elements: number,
  audited: boolean,
  cpu: number[],
  walk: number[],
  judge: JudgeTimes | null,
): ColdFigure {
  const cpuMedian = median(cpu);
  const walkMedian = median(walk);
  return {
    name: p.name,
    kind: p.kind,
    size: p.size ?? null,
    elements,
    audited,
    cpu: { median: cpuMedian, samples: cpu },
    walk: { median: walkMedian, samples: walk },
    ratio: cpuMedian !== null && walkMedian ? cpuMedian / walkMedian : null,
    judge,
  };
}
