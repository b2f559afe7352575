// What the content script costs each kind of page, read from a built extension. One reader for the
// budget test (tests/e2e/bundle.e2e.ts) and the benchmark (bench/run.ts).
//
// The content script is three self-contained classic scripts (vite.config.ts CONTENT_FILES): the
// entry the manifest names, which every page loads, and one file per adapter family, which the
// worker injects only where a gate says the page may be that family's (src/content/families.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const FAMILY_FILE = /^content-([a-z]+)\.js$/;

export interface ContentFiles {
  /** the manifest's `content_scripts` files, by path, with their code */
  entry: Map<string, string>;
  /** `content-<family>.js` by family name */
  families: Map<string, { file: string; code: string }>;
}

/** What one kind of page loads: gzipped bytes (each file on its own, summed) and the file count. */
export interface PageLoad {
  gzip: number;
  files: number;
}

export type PageLoads = Record<'entry' | 'article' | 'profile', PageLoad>;

/** The manifest's content script files; a manifest without any reads as none (the caller says what is missing). */
function contentScriptFiles(dir: string): string[] {
  const manifest: unknown = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const scripts = manifest && typeof manifest === 'object' && 'content_scripts' in manifest ? manifest.content_scripts : [];
  if (!Array.isArray(scripts)) return [];
  return scripts.flatMap((c: unknown) =>
    c && typeof c === 'object' && 'js' in c && Array.isArray(c.js) ? c.js.filter((f): f is string => typeof f === 'string') : [],
  );
}

/**
 * The entry files (manifest `content_scripts`) and the family files (`content-<family>.js`) with
 * their code.
 * @param dir a built extension (dist/chrome or dist/firefox)
 */
export function readContent(dir: string): ContentFiles {
  const entry = new Map(contentScriptFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const families = new Map<string, { file: string; code: string }>();
  for (const file of readdirSync(dir)) {
    const m = FAMILY_FILE.exec(file);
    if (m) families.set(m[1], { file, code: readFileSync(join(dir, file), 'utf8') });
  }
  return { entry, families };
}

const gz = (code: string) => gzipSync(code, { level: 9 }).length;

/**
 * What each kind of page loads, gzipped (-9), each file on its own as it sits in the package: the
 * entry alone (a page that is neither article nor profile), entry + blog family (an article),
 * entry + social family (a profile). Throws when a family file is missing.
 */
export function pageLoads(dir: string): ContentFiles & { pages: PageLoads } {
  const { entry, families } = readContent(dir);
  const family = (name: string) => {
    const f = families.get(name);
    if (!f) throw new Error(`no content-${name}.js in ${dir}`);
    return f;
  };
  const entryGzip = [...entry.values()].reduce((s, c) => s + gz(c), 0);
  const load = (code: string): PageLoad => ({ gzip: entryGzip + gz(code), files: entry.size + 1 });
  const pages: PageLoads = {
    entry: { gzip: entryGzip, files: entry.size },
    article: load(family('blog').code),
    profile: load(family('social').code),
  };
  return { entry, families, pages };
}

/** The benchmark's figure: what each page kind loads, and the largest of them (the budget's). */
export interface ContentBundle {
  pages: PageLoads;
  gzip: number;
}

export function contentBundle(distChrome: string): ContentBundle {
  const { pages } = pageLoads(distChrome);
  return { pages, gzip: Math.max(pages.entry.gzip, pages.article.gzip, pages.profile.gzip) };
}
