// CSV export: src/export/stream.ts exportCsv over N seeded findings in a page of the local server
// (its own IndexedDB), ms to the Blob; a 0-ms timer chain beside it gives the longest gap the UI
// would wait (bench/csv-entry.ts, bundled as window.HowSocialCsv).
import type { BrowserContext } from 'playwright-core';
import type * as Csv from '../csv-entry.ts';
import { inPage } from '../lib/in-page.ts';
import { type Log, type Stats, stats } from '../lib/stats.ts';

export type CsvFigure = Stats & { findings: number; rows: number; bytes: number; longestGapMs: number };

type CsvWindow = Window & { HowSocialCsv: typeof Csv };

export async function measureCsv(
  context: BrowserContext,
  { serverUrl, bundle, findings, runs, log }: { serverUrl: string; bundle: string; findings: number; runs: number; log: Log },
): Promise<CsvFigure> {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/package.json`);
  await page.addScriptTag({ path: bundle });
  log(`csv: seeding ${findings} findings`);
  await page.evaluate(
    inPage((n: number) => (window as unknown as CsvWindow).HowSocialCsv.seed(n)),
    findings,
  );
  const samples: Awaited<ReturnType<typeof Csv.run>>[] = [];
  for (let r = 0; r < runs; r++)
    samples.push(await page.evaluate(inPage(() => (window as unknown as CsvWindow).HowSocialCsv.run())));
  await page.close();
  return {
    findings,
    rows: samples[0].rows,
    bytes: samples[0].bytes,
    ...stats(samples.map((r) => r.ms)),
    longestGapMs: Math.max(...samples.map((r) => r.longestGapMs)),
  };
}
