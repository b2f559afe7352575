import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { pageLoads, readGraph } from '../../scripts/lib/bundle.ts';

/**
 * The content script runs on every page: its code must hold neither Dexie (IndexedDB belongs to
 * the extension origin, never the page's) nor Preact, and what a page loads must stay under
 * DESIGN.md's 30 KB gzipped. It is code-split (src/content/run.ts): an entry every page loads,
 * and chunks imported only where needed — the blog adapters, the social adapters, the engine.
 * So the budget is checked for what each kind of page really loads: the entry alone (most of the
 * web), and entry + one family + engine (an article, a profile). Measured on the build under
 * test, following the crxjs loader's import graph, as the sum of each chunk's gzip.
 */
const BUDGET_GZIP = 30 * 1024;

describe.each(['chrome', 'firefox'])('content-script bundle (%s)', (browser) => {
  const dir = join(inject('distDir'), browser);

  it('holds neither Dexie nor Preact anywhere in its graph', () => {
    const { graph } = readGraph(dir);
    expect(graph.size).toBeGreaterThan(1);
    const code = [...graph.values()].map((c) => c.code).join('\n');
    expect(code).not.toMatch(/Dexie|indexedDB/);
    expect(code).not.toMatch(/__PREACT_DEVTOOLS__|preact/i);
    // Vite's preload helper would write <link rel=modulepreload> into the audited page (vite.config.ts)
    expect(code).not.toMatch(/modulepreload|vite:preloadError/);
  });

  it('loads under 30 KB gzipped on every page, and on an article or a profile with its family and the engine', () => {
    const { pages } = pageLoads(dir);
    console.log(
      `[bundle ${browser}] gzipped bytes loaded: ${Object.entries(pages)
        .map(([page, p]) => `${page} ${p.gzip} (${p.chunks} chunks)`)
        .join(', ')}; budget ${BUDGET_GZIP}`,
    );
    // The split is real: the entry holds no adapter or rule code, only the gates and the run loop.
    expect(pages.entry.gzip).toBeLessThan(pages.article.gzip / 3);
    expect(pages.entry.gzip).toBeLessThan(BUDGET_GZIP);
    expect(pages.article.gzip).toBeLessThan(BUDGET_GZIP);
    expect(pages.profile.gzip).toBeLessThan(BUDGET_GZIP);
  });
});
