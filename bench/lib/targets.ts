// The pages the benchmark measures: generated pages of each size (bench/pages.ts), served by route
// at the URLs their platforms use, and the repository's fixtures and demo pages from a local server.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Route } from 'playwright-core';
import { GENERATED_KINDS, GENERATED_URLS, GENERATORS, type GeneratedKind } from '../pages.ts';

export interface BenchPage {
  name: string;
  kind: GeneratedKind | 'fixture';
  /** the generated page's target element count; null for a fixture */
  size: number | null;
  url: string;
}

/** The hosts of the generated pages (and fixtures.example), answered by `serveGenerated`. */
export const GENERATED_HOSTS = /^https:\/\/(blog|shop|fixtures)\.example\/|^https:\/\/x\.com\//;

/** One generated page of about `size` elements, at its platform's URL. */
export function generatedPage(kind: GeneratedKind, size: number): BenchPage & { kind: GeneratedKind; html: string } {
  return { name: `${kind}-${size}`, kind, size, url: `${GENERATED_URLS[kind]}?elements=${size}`, html: GENERATORS[kind](size) };
}

/**
 * Every generated page kind at every size, in size order; `html` holds each page's markup by URL.
 * Adapters that look at the host (x.com) take the same path as on the real site.
 */
export function generatedPages(sizes: readonly number[]): { pages: BenchPage[]; html: Map<string, string> } {
  const html = new Map<string, string>();
  const pages: BenchPage[] = [];
  for (const size of sizes) {
    for (const kind of GENERATED_KINDS) {
      const { html: markup, ...page } = generatedPage(kind, size);
      html.set(page.url, markup);
      pages.push(page);
    }
  }
  return { pages, html };
}

/** The route handler that serves generated pages; anything else under their hosts is a 404. */
export function serveGenerated(html: ReadonlyMap<string, string>): (route: Route) => Promise<void> {
  return (route) => {
    const body = html.get(route.request().url());
    if (body === undefined) return route.fulfill({ status: 404, body: 'not generated' });
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs, which the
    // sub-millisecond early-exit figure needs.
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
      body,
    });
  };
}

/** The fixtures and demo pages (the hostile ones left out), as served from `serverUrl` at `root`. */
export function fixturePages(root: string, serverUrl: string, limit: number): BenchPage[] {
  return [...htmlFilesUnder(join(root, 'tests/fixtures')), ...htmlFilesUnder(join(root, 'demo'))]
    .filter((f) => !f.includes('/hostile/'))
    .slice(0, limit)
    .map((f) => ({ name: relative(root, f), kind: 'fixture', size: null, url: `${serverUrl}/${relative(root, f)}` }));
}

/** Every .html file below `dir` (none when it does not exist). */
function htmlFilesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFilesUnder(path);
    return name.endsWith('.html') ? [path] : [];
  });
}
