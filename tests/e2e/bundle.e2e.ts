import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

/**
 * The content script runs on every page: its bundle must hold neither Dexie (IndexedDB belongs
 * to the extension origin, never the page's) nor Preact, and stay under DESIGN.md's 30 KB gzipped.
 * Checked on the build under test, following the crxjs loader's import graph.
 */
const BUDGET_GZIP = 30 * 1024;

function contentGraph(dir: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
  const seen = new Map<string, string>();
  const queue = manifest.content_scripts.flatMap((c) => c.js);
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const code = readFileSync(join(dir, file), 'utf8');
    seen.set(file, code);
    // static imports between chunks, and the loader's getURL("assets/…") dynamic import
    for (const m of code.matchAll(/(?:from\s*|import\s*\(?\s*|getURL\(\s*)["']((?:\.\/|assets\/)[^"']+\.js)["']/g)) {
      const target = m[1].startsWith('./') ? join(file, '..', m[1]) : m[1];
      queue.push(target);
    }
  }
  return seen;
}

describe.each(['chrome', 'firefox'])('content-script bundle (%s)', (browser) => {
  it('holds neither Dexie nor Preact and stays under 30 KB gzipped', () => {
    const graph = contentGraph(join(inject('distDir'), browser));
    expect(graph.size).toBeGreaterThan(1);
    const code = [...graph.values()].join('\n');
    expect(code).not.toMatch(/Dexie|indexedDB/);
    expect(code).not.toMatch(/__PREACT_DEVTOOLS__|preact/i);
    const gzip = [...graph.values()].reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0);
    expect(gzip).toBeLessThan(BUDGET_GZIP);
  });
});
