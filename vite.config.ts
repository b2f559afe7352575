import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

/**
 * One manifest.json (Chrome's shape) and a Firefox branch derived from it: Firefox MV3 has no
 * service workers, it runs the same module as a background script (event page), and it needs a
 * gecko id for storage and for `browser.installExtension` in tests. AMO requires new add-ons to
 * declare what they collect (`data_collection_permissions`, since November 2025): nothing, which
 * Firefox understands from 140 on desktop and 142 on Android. `minimum_chrome_version` is
 * Chrome's alone (addons-linter would warn about it).
 */
export const GECKO_ID = 'howsocial@howsocial.dev';

/**
 * The content script's files: what every page loads (`content-scripts/main.ts`, the one the
 * manifest names) and the two adapter families the worker injects where a gate says yes
 * (src/background/handlers.ts names the same files). Each is one self-contained classic script
 * (IIFE): no chunks to import, so nothing needs to be web-accessible and no page can fetch a file
 * of the extension to learn that it is installed.
 */
export const CONTENT_FILES = {
  'content.js': 'content-scripts/main.ts',
  'content-blog.js': 'content-scripts/blog.ts',
  'content-social.js': 'content-scripts/social.ts',
} as const;

/**
 * Modules the entry hands to the families (src/content/families.ts `provideShared`): in a family's
 * build, an import of one of these files is its stand-in under content-scripts/shared/, which reads
 * the entry's own functions. An article page then parses and warms up the gates' page checks once,
 * not once in each file. (The social markers stay copied: handing them over cost the entry more
 * bytes than the social family saved.)
 */
export const SHARED_MODULES: Record<string, string> = {
  'src/adapters/_blog/detect.ts': 'content-scripts/shared/detect.ts',
};

/** The family builds' resolver for SHARED_MODULES. */
function fromEntry(): Plugin {
  const standIns = new Map(Object.entries(SHARED_MODULES).map(([file, standIn]) => [resolve(file), resolve(standIn)]));
  return {
    name: 'howsocial:from-entry',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const path = resolve(dirname(importer), source);
      return standIns.get(path) ?? standIns.get(`${path}.ts`) ?? null;
    },
  };
}

type Manifest = typeof baseManifest;

function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  // crxjs would turn the content script into an ES-module loader plus web-accessible chunks:
  // contentScripts() below builds it instead and puts it back into the written manifest.
  const { content_scripts: _content, ...base } = baseManifest as Manifest;
  if (browser === 'chrome') return base as ManifestV3Export;
  const { background, minimum_chrome_version: _chromeOnly, ...rest } = base;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as unknown as ManifestV3Export;
}

/** Builds CONTENT_FILES into the extension's folder and lists `content.js` in its manifest. */
function contentScripts(outDir: string): Plugin {
  return {
    name: 'howsocial:content-scripts',
    apply: 'build',
    async closeBundle() {
      for (const [file, entry] of Object.entries(CONTENT_FILES)) {
        await build({
          configFile: false,
          logLevel: 'warn',
          plugins: file === 'content.js' ? [] : [fromEntry()],
          build: {
            outDir,
            emptyOutDir: false,
            target: 'es2022',
            // HOWSOCIAL_MINIFY=0: readable names in a profile (bench/cold-profile.ts, `npm run bench:profile`)
            minify: process.env.HOWSOCIAL_MINIFY !== '0',
            copyPublicDir: false,
            lib: { entry: resolve(entry), formats: ['iife'], name: 'howsocial', fileName: () => file },
          },
        });
      }
      const path = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8'));
      manifest.content_scripts = (baseManifest as Manifest).content_scripts.map((cs) => ({ ...cs, js: ['content.js'] }));
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  // HOWSOCIAL_DIST lets parallel builds (a test run beside a dev build) use their own folder.
  const outDir = `${process.env.HOWSOCIAL_DIST ?? 'dist'}/${browser}`;
  return {
    plugins: [preact(), crx({ manifest: manifestFor(browser), browser }), contentScripts(outDir)],
    build: {
      outDir,
      emptyOutDir: true,
      // Readable stack traces from users' bug reports; the bundle budget is measured gzipped.
      sourcemap: false,
      target: 'es2022',
      minify: true,
      // Pages the manifest doesn't name (crxjs finds popup and options itself): the rule explanations,
      // the owner report, the welcome page.
      rollupOptions: { input: { learn: 'popup/learn.html', report: 'popup/report.html', welcome: 'popup/welcome.html' } },
    },
    server: { cors: { origin: [/chrome-extension:\/\//] } },
  };
});
