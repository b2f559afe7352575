// @ts-check
// What the content script costs each kind of page, read from a built extension. One reader for the
// budget test (tests/e2e/bundle.e2e.ts) and the benchmark (bench/run.mjs).
//
// The content script is three self-contained classic scripts (vite.config.ts CONTENT_FILES): the
// entry the manifest names, which every page loads, and one file per adapter family, which the
// worker injects only where a gate says the page may be that family's (src/content/families.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const FAMILY_FILE = /^content-([a-z]+)\.js$/;

/**
 * The entry files (manifest `content_scripts`) and the family files (`content-<family>.js`) with
 * their code.
 * @param {string} dir a built extension (dist/chrome or dist/firefox)
 * @returns {{ entry: Map<string, string>, families: Map<string, { file: string, code: string }> }}
 */
export function readContent(dir) {
  /** @type {{ content_scripts?: { js?: string[] }[] }} */
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const files = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  /** @type {Map<string, string>} */
  const entry = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  /** @type {Map<string, { file: string, code: string }>} */
  const families = new Map();
  for (const file of readdirSync(dir)) {
    const m = FAMILY_FILE.exec(file);
    if (m) families.set(m[1], { file, code: readFileSync(join(dir, file), 'utf8') });
  }
  return { entry, families };
}

/** @param {string} code */
const gz = (code) => gzipSync(code, { level: 9 }).length;

/**
 * What each kind of page loads, gzipped (-9), each file on its own as it sits in the package: the
 * entry alone (a page that is neither article nor profile), entry + blog family (an article),
 * entry + social family (a profile). Throws when a family file is missing.
 * @param {string} dir
 */
export function pageLoads(dir) {
  const { entry, families } = readContent(dir);
  /** @param {string} name */
  const family = (name) => {
    const f = families.get(name);
    if (!f) throw new Error(`no content-${name}.js in ${dir}`);
    return f;
  };
  const entryGzip = [...entry.values()].reduce((s, c) => s + gz(c), 0);
  /** @param {[string, string][]} files */
  const load = (files) => ({ gzip: files.reduce((s, [, code]) => s + gz(code), entryGzip), files: entry.size + files.length });
  const blog = family('blog');
  const social = family('social');
  const pages = {
    entry: { gzip: entryGzip, files: entry.size },
    article: load([[blog.file, blog.code]]),
    profile: load([[social.file, social.code]]),
  };
  return { entry, families, pages };
}
