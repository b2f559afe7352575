import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pageLoads, readContent } from '../../bench/figures/bundle.ts';
import { RULES } from '../../src/rules';
import { CRITICAL_PATTERNS } from '../../src/rules/text/critical';
import { JARGON_PATTERNS } from '../../src/rules/text/jargon';
import { browsers, type Ext, launch } from './harness';

/**
 * The page pays only for reading its DOM (DESIGN.md): the content script — the entry every page
 * loads and the adapter families the worker injects — holds no rule, lexicon, score or schema code,
 * neither Dexie (IndexedDB belongs to the extension origin, never the page's) nor Preact. And it
 * needs no web-accessible file: no page can fetch any file of the extension to learn that
 * HowSocial, and which build, is installed. Sizes are the benchmark's (`npm run bench`).
 */

/** Every file of a built extension, as paths relative to its folder. */
function filesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

describe.each(['chrome', 'firefox'])('content script (%s build)', (browser) => {
  const dir = join(inject('distDir'), browser);
  const { entry, families } = readContent(dir);
  const all = [...entry.values(), ...[...families.values()].map((f) => f.code)].join('\n');

  it('is one entry the manifest names and one file per adapter family, with no web-accessible file', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect([...entry.keys()]).toEqual(['content.js']);
    expect([...families.keys()].sort()).toEqual(['blog', 'social']);
    expect(manifest.web_accessible_resources).toBeUndefined();
    // classic scripts: nothing imported at run time, so nothing has to be reachable by URL
    expect(/\bimport\s*\(|^\s*import\s|getURL\(/m.test(all)).toBe(false);
  });

  // Bytes, not time: the same build gives the same sizes. 15 KB gzipped per page kind (DESIGN.md):
  // every page's entry and a profile page's entry + family are within it; an article page's is not
  // (README, "Cold"), and is held where it stands so that it cannot grow unnoticed.
  it('costs every page and a profile page at most 15 KB gzipped, an article page at most 19.5 KB', () => {
    const { pages } = pageLoads(dir);
    expect(pages.entry.gzip).toBeLessThanOrEqual(15 * 1024);
    expect(pages.profile.gzip).toBeLessThanOrEqual(15 * 1024);
    expect(pages.article.gzip).toBeLessThanOrEqual(19.5 * 1024);
  });

  // src/content/families.ts `Shared`: an article page parses the gates' page checks once. These are
  // patterns of src/adapters/_blog/detect.ts alone (its JSON-LD types, wiki generators, error titles).
  it("has the blog family use the entry's page checks instead of a copy of its own", () => {
    const checks = ['SatiricalArticle', 'MediaWiki', 'seite nicht gefunden', 'page-template-default'];
    const inEntry = [...entry.values()].join('\n');
    expect(checks.filter((c) => inEntry.includes(c))).toEqual(checks);
    expect(checks.filter((c) => families.get('blog')?.code.includes(c))).toEqual([]);
  });

  /** What is in the files, named, without printing a whole bundle on failure. */
  const found = (needles: string[]) => needles.filter((n) => all.includes(n));

  it('holds no rule: no rule definition, no lexicon entry, no verdict or score', () => {
    expect(RULES.length).toBeGreaterThan(15);
    // a rule is an object with its id (an adapter may share a CSS class name with a rule id, never this)
    expect(found(RULES.flatMap((r) => [`id:\`${r.id}\``, `id:"${r.id}"`, `id:'${r.id}'`]))).toEqual([]);
    const lexicon = [...CRITICAL_PATTERNS, ...JARGON_PATTERNS].filter((w) => w.length >= 6);
    expect(lexicon.length).toBeGreaterThan(20);
    expect(found(lexicon)).toEqual([]);
    expect(found(['verdict', 'appliesTo', 'MIN_APPLICABLE_WEIGHT', 'rulesVersion'])).toEqual([]);
  });

  it('holds no schema library, no Dexie, no Preact, and writes nothing of ours into the page', () => {
    expect(found(['valibot', '~standard', 'safeParse'])).toEqual([]);
    expect(found(['Dexie', 'indexedDB'])).toEqual([]);
    expect(found(['__PREACT_DEVTOOLS__', 'preact', 'Preact'])).toEqual([]);
    // Vite's preload helper would write <link rel=modulepreload> into the audited page
    expect(found(['modulepreload', 'vite:preloadError'])).toEqual([]);
  });
});

describe.each(browsers)('no page can fetch a file of the extension (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it('every built file fails to load from a web page, even with the extension’s own origin in hand', async () => {
    const files = filesOf(join(inject('distDir'), name === 'chromium' ? 'chrome' : 'firefox'));
    expect(files).toContain('content.js');
    expect(files).toContain('manifest.json');
    const page = await ext.openPage(ext.server.page('/probe.html', '<!doctype html><title>probe</title><p>probe</p>'));
    const results = await ext.evalInPage(
      page,
      async ({ origin, files }) =>
        Promise.all(
          files.map(async (file) => {
            try {
              const res = await fetch(origin + file);
              return `${file}: HTTP ${res.status}`;
            } catch {
              return null;
            }
          }),
        ),
      { origin: ext.extensionOrigin, files },
    );
    expect(results.filter((r) => r !== null)).toEqual([]);
    // the page itself is fine: the same fetch of its own URL works
    expect(await ext.evalInPage(page, async () => (await fetch(location.href)).status)).toBe(200);
  });
});
