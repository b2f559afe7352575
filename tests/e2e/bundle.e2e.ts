import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

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

interface Chunk {
  code: string;
  /** chunks this one imports statically (and the loader's getURL import: it always runs) */
  statics: string[];
  /** chunks this one imports with import(): loaded only when that code path runs */
  dynamics: string[];
}

const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'`]((?:\.\.?\/|assets\/)[^"'`]+\.js)["'`]/g;
const LOADER_IMPORT = /getURL\(\s*["'`](assets\/[^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]((?:\.\.?\/|assets\/)[^"'`]+\.js)["'`]\s*\)/g;

function readGraph(dir: string): { graph: Map<string, Chunk>; roots: string[] } {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
  const roots = manifest.content_scripts.flatMap((c) => c.js);
  const graph = new Map<string, Chunk>();
  const queue = [...roots];
  const resolve = (from: string, spec: string) => (spec.startsWith('.') ? join(from, '..', spec) : spec);
  while (queue.length) {
    const file = queue.shift() as string;
    if (graph.has(file)) continue;
    const code = readFileSync(join(dir, file), 'utf8');
    const targets = (re: RegExp) => [...new Set([...code.matchAll(re)].map((m) => resolve(file, m[1])))];
    const dynamics = targets(DYNAMIC_IMPORT);
    const statics = [...targets(STATIC_IMPORT), ...targets(LOADER_IMPORT)].filter((t) => !dynamics.includes(t));
    graph.set(file, { code, statics, dynamics });
    queue.push(...statics, ...dynamics);
  }
  return { graph, roots };
}

/** Everything loaded once these chunks are: their static imports, transitively. */
function closure(graph: Map<string, Chunk>, starts: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...(graph.get(file)?.statics ?? []));
  }
  return seen;
}

const gzipOf = (graph: Map<string, Chunk>, files: Iterable<string>) =>
  [...files].reduce((sum, f) => sum + gzipSync(graph.get(f)?.code ?? '', { level: 9 }).length, 0);

/** A dynamically imported chunk by its module's name (rolldown names chunks after their module). */
function dynamicChunk(graph: Map<string, Chunk>, entry: Set<string>, name: string): string {
  const all = [...entry].flatMap((f) => graph.get(f)?.dynamics ?? []);
  const found = all.filter((f) => new RegExp(`(^|/)${name}-[\\w-]+\\.js$`).test(f));
  expect(found, `exactly one dynamic chunk "${name}" among ${all.join(', ')}`).toHaveLength(1);
  return found[0];
}

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
    const { graph, roots } = readGraph(dir);
    const entry = closure(graph, roots);
    const engine = dynamicChunk(graph, entry, 'judge');
    const pages = {
      entry: entry,
      article: closure(graph, [...entry, dynamicChunk(graph, entry, 'blog'), engine]),
      profile: closure(graph, [...entry, dynamicChunk(graph, entry, 'social'), engine]),
      'whole graph': new Set(graph.keys()),
    };
    const sizes = Object.fromEntries(Object.entries(pages).map(([page, files]) => [page, gzipOf(graph, files)]));
    console.log(
      `[bundle ${browser}] gzipped bytes loaded: ${Object.entries(sizes)
        .map(([page, bytes]) => `${page} ${bytes} (${pages[page as keyof typeof pages].size} chunks)`)
        .join(', ')}; budget ${BUDGET_GZIP}`,
    );
    // The split is real: the entry holds no adapter or rule code, only the gates and the run loop.
    expect(sizes.entry).toBeLessThan(sizes.article / 3);
    expect(sizes.entry).toBeLessThan(BUDGET_GZIP);
    expect(sizes.article).toBeLessThan(BUDGET_GZIP);
    expect(sizes.profile).toBeLessThan(BUDGET_GZIP);
  });
});
