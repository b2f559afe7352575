// The content script's chunk graph in a built extension, and what each kind of page loads.
// One reader for the budget test (tests/e2e/bundle.e2e.ts) and the benchmark (bench/run.mjs).
//
// The content script is code-split (src/content/run.ts): an entry every page loads, and chunks
// imported with import() only where needed — the blog adapters, the social adapters, the engine
// ("judge"). crxjs' loader imports the entry with import(chrome.runtime.getURL("assets/…")): that
// one always runs, so it counts as static.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Chunk {
  code: string;
  /** chunks this one imports statically (and the loader's getURL import: it always runs) */
  statics: string[];
  /** chunks this one imports with import(): loaded only when that code path runs */
  dynamics: string[];
}
export type Graph = Map<string, Chunk>;
export type PageKindLoad = 'entry' | 'article' | 'profile' | 'whole';

const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'`]((?:\.\.?\/|assets\/)[^"'`]+\.js)["'`]/g;
const LOADER_IMPORT = /getURL\(\s*["'`](assets\/[^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]((?:\.\.?\/|assets\/)[^"'`]+\.js)["'`]\s*\)/g;

/** Every chunk reachable from the manifest's content scripts, with its static and dynamic imports. */
export function readGraph(dir: string): { graph: Graph; roots: string[] } {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const roots = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const graph: Graph = new Map();
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
export function closure(graph: Graph, starts: Iterable<string>): Set<string> {
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

/** Sum of each chunk's gzip (-9): how the files sit in the package. */
export function gzipOf(graph: Graph, files: Iterable<string>): number {
  return [...files].reduce((sum, f) => sum + gzipSync(graph.get(f)?.code ?? '', { level: 9 }).length, 0);
}

/** The dynamically imported chunks named `name` (rolldown names chunks after their module). */
export function dynamicChunks(graph: Graph, entry: Set<string>, name: string): string[] {
  const all = [...entry].flatMap((f) => graph.get(f)?.dynamics ?? []);
  return all.filter((f) => new RegExp(`(^|/)${name}-[\\w-]+\\.js$`).test(f));
}

/**
 * What each kind of page loads, gzipped: the entry alone (a page that is neither article nor
 * profile), entry + blog adapters + engine (an article), entry + social adapters + engine (a
 * profile), and the whole graph. Throws when a family chunk is missing or ambiguous.
 */
export function pageLoads(dir: string): { graph: Graph; pages: Record<PageKindLoad, { gzip: number; chunks: number }> } {
  const { graph, roots } = readGraph(dir);
  const entry = closure(graph, roots);
  const one = (name: string) => {
    const found = dynamicChunks(graph, entry, name);
    if (found.length !== 1) throw new Error(`expected one dynamic chunk "${name}", found: ${found.join(', ') || 'none'}`);
    return found[0];
  };
  const engine = one('judge');
  const sets: Record<PageKindLoad, Set<string>> = {
    entry,
    article: closure(graph, [...entry, one('blog'), engine]),
    profile: closure(graph, [...entry, one('social'), engine]),
    whole: new Set(graph.keys()),
  };
  const pages = Object.fromEntries(
    Object.entries(sets).map(([page, files]) => [page, { gzip: gzipOf(graph, files), chunks: files.size }]),
  );
  return { graph, pages: pages as Record<PageKindLoad, { gzip: number; chunks: number }> };
}
