// Popup first render: N audits seeded into the extension's IndexedDB, then popup/index.html opened
// fresh; "first meaningful paint" = the first animation frame whose DOM shows the popup's content
// (body text rendered and no element left with aria-busy="true"), in ms since the page's time
// origin; the largest contentful paint beside it.
import type { BrowserContext, Page } from 'playwright-core';
import { inPage } from '../lib/in-page.ts';
import { type Log, type Stats, stats } from '../lib/stats.ts';

export type PopupFigure =
  | { error: string; audits: number }
  | (Stats & { audits: number; lcp: Stats | null; domContentLoaded: Stats | null });

type PopupWindow = Window & { __benchLcp: number | null; __benchReady?: number };

type Seeded = { error: string } | { audits: number; findings: number };

/** Seeds the extension's own database from one of its pages (raw IndexedDB, same origin). */
async function seedPopupDb(page: Page, audits: number): Promise<Seeded> {
  return page.evaluate(
    inPage(async (n: number): Promise<Seeded> => {
      const names = (await indexedDB.databases()).map((d) => d.name);
      if (!names.includes('howsocial')) return { error: 'the popup did not create the howsocial database' };
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('howsocial');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const stores = [...db.objectStoreNames];
      if (!stores.includes('audits') || !stores.includes('auditFindings')) return { error: `unexpected stores ${stores}` };
      const rules = [
        'comments-closed',
        'comment-form-friction',
        'author-replies',
        'critical-unanswered',
        'one-way-links',
        'stale',
      ];
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
    }),
    audits,
  );
}

/** Before the popup's first frame: LCP entries, and the first frame that shows its content. */
const watchFirstRender = inPage(() => {
  const w = window as unknown as PopupWindow;
  w.__benchLcp = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__benchLcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  // Checked right after each animation frame callback, before that frame is painted.
  void (async () => {
    for (;;) {
      await new Promise((ok) => requestAnimationFrame(ok));
      const body = document.body;
      if (body && (body.textContent ?? '').trim().length > 0 && !document.querySelector('[aria-busy="true"]')) {
        w.__benchReady = performance.now();
        return;
      }
    }
  })();
});

/** One fresh popup: ms to its first content frame, and its LCP (null without an entry). */
async function firstRender(context: BrowserContext, url: string): Promise<{ ready: number; lcp: number | null }> {
  const page = await context.newPage();
  await page.addInitScript(watchFirstRender);
  await page.goto(url);
  await page.waitForFunction(
    inPage(() => typeof (window as unknown as PopupWindow).__benchReady === 'number'),
    null,
    {
      timeout: 30_000,
    },
  );
  const got = await page.evaluate(
    inPage(() => {
      const w = window as unknown as PopupWindow;
      return { ready: w.__benchReady ?? Number.NaN, lcp: w.__benchLcp };
    }),
  );
  await page.close();
  return got;
}

/** The popup figure: `audits` seeded, then `runs` fresh opens of the popup. */
export async function popupFirstRender(
  context: BrowserContext,
  extensionId: string,
  { audits, runs, log }: { audits: number; runs: number; log: Log },
): Promise<PopupFigure> {
  log(`popup: seeding ${audits} audits`);
  const url = `chrome-extension://${extensionId}/popup/index.html`;
  const first = await context.newPage();
  await first.goto(url);
  // Dexie opens the database when the popup first reads it; wait for that before seeding.
  await first
    .waitForFunction(
      inPage(async () => (await indexedDB.databases()).some((d) => d.name === 'howsocial')),
      null,
      {
        timeout: 15_000,
      },
    )
    .catch(() => {});
  const seeded = await seedPopupDb(first, audits);
  await first.close();
  if ('error' in seeded) return { error: seeded.error, audits };
  const samples: number[] = [];
  const lcp: number[] = [];
  for (let r = 0; r < runs; r++) {
    const got = await firstRender(context, url);
    samples.push(got.ready);
    if (got.lcp !== null) lcp.push(got.lcp);
  }
  // domContentLoaded: never sampled so far (kept null in the results' shape).
  return { audits, ...stats(samples), lcp: lcp.length ? stats(lcp) : null, domContentLoaded: null };
}
