// Warm engine figures, page by page: early exit (detect), full audit, the bare walk beside it and,
// on a timeline, the re-audit per 20 appended posts. The engine (src/adapters + src/judge) runs
// bundled as an IIFE in the page's main world with no extension loaded (nothing else runs in the
// page meanwhile); the loops are bench/engine-entry.ts `measure` and `measureIncremental`.
import type { BrowserContext, Page } from 'playwright-core';
import type { AuditSummary } from '../engine-entry.ts';
import { type EngineWindow, inPage } from '../lib/in-page.ts';
import { type Log, type Stats, stats } from '../lib/stats.ts';
import type { BenchPage } from '../lib/targets.ts';
import { tweet } from '../pages.ts';

export interface PageFigures {
  name: string;
  kind: BenchPage['kind'];
  size: number | null;
  url: string;
  elements: number;
  adapter: string | null;
  result: AuditSummary | null;
  error: string | null;
  detect: Stats & { cold: number };
  timerIsolated: boolean;
  audit?: Stats;
  bare: Stats;
  /** audit median ÷ bare walk median */
  ratio?: number;
  incremental?: (Stats & { postsAfter: number | undefined }) | { supported: false };
}

export interface AuditOptions {
  engine: string;
  runsFor: (elements: number) => number;
  /** appended batches of 20 posts on a timeline */
  batches: number;
  log: Log;
}

/** The warm figures of every page, one fresh tab each. */
export async function measureAudits(
  context: BrowserContext,
  pages: readonly BenchPage[],
  o: AuditOptions,
): Promise<PageFigures[]> {
  const rows: PageFigures[] = [];
  for (const p of pages) {
    const page = await context.newPage();
    await page.goto(p.url, { waitUntil: 'load', timeout: 120_000 });
    await page.addScriptTag({ path: o.engine });
    const runs = o.runsFor(p.size ?? 1000);
    o.log(`${p.name}: ${runs} runs`);
    const m = await page.evaluate(
      inPage(({ href, runs }: { href: string; runs: number }) =>
        (window as unknown as EngineWindow).HowSocialBench.measure(href, runs),
      ),
      { href: p.url, runs },
    );
    const audit = m.audit.length ? stats(m.audit) : undefined;
    const bare = stats(m.bare);
    const row: PageFigures = {
      name: p.name,
      kind: p.kind,
      size: p.size,
      url: p.url,
      elements: m.elements,
      adapter: m.adapter,
      result: m.result,
      error: m.error,
      detect: { ...stats(m.detect), cold: m.detectCold },
      timerIsolated: m.isolated,
      ...(audit && { audit }),
      bare,
      ...(audit && { ratio: audit.median / bare.median }),
    };
    if (p.kind === 'timeline') row.incremental = await incremental(page, p.url, o.batches);
    rows.push(row);
    await page.close();
  }
  return rows;
}

/** Re-audit cost per 20 posts appended, as the content script re-reads a timeline on scroll. */
async function incremental(page: Page, href: string, count: number): Promise<PageFigures['incremental']> {
  const batches: string[] = [];
  for (let b = 0; b < count; b++) {
    batches.push(Array.from({ length: 20 }, (_, k) => tweet(100_000 + b * 20 + k)).join('\n'));
  }
  const inc = await page.evaluate(
    inPage(({ href, batches }: { href: string; batches: string[] }) =>
      (window as unknown as EngineWindow).HowSocialBench.measureIncremental(href, batches),
    ),
    { href, batches },
  );
  return inc.supported ? { ...stats(inc.ms), postsAfter: inc.posts.at(-1) } : { supported: false as const };
}
