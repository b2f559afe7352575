import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
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

function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  if (browser === 'chrome') return baseManifest as ManifestV3Export;
  const { background, minimum_chrome_version: _chromeOnly, ...rest } = baseManifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as unknown as ManifestV3Export;
}

/**
 * Vite wraps every dynamic import() in its preload helper, which appends <link rel=modulepreload>
 * for the chunk's dependencies to `document.head` and dispatches `vite:preloadError` on `window`.
 * In the content script that document and window are the audited PAGE's: it would write our
 * chunk URLs into their DOM (DESIGN.md: nothing injected beyond the highlight) and announce the
 * extension. Its imports (src/content/run.ts loading the adapter families and the engine, see
 * there) get a helper that only imports; popup and options keep Vite's.
 */
const PRELOAD_HELPER = '\0vite/preload-helper.js';
const CONTENT_PRELOAD = '\0howsocial/content-preload.js';
function contentWithoutPreload(): Plugin {
  return {
    name: 'howsocial:content-without-preload',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id !== PRELOAD_HELPER || !importer) return null;
      const file = importer.replace(/\\/g, '/');
      return /\/(src\/content|content-scripts)\//.test(file) ? CONTENT_PRELOAD : null;
    },
    load(id) {
      return id === CONTENT_PRELOAD ? 'export const __vitePreload = (load) => load();' : null;
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [contentWithoutPreload(), preact(), crx({ manifest: manifestFor(browser), browser })],
    build: {
      // HOWSOCIAL_DIST lets parallel builds (a test run beside a dev build) use their own folder.
      outDir: `${process.env.HOWSOCIAL_DIST ?? 'dist'}/${browser}`,
      emptyOutDir: true,
      // Readable stack traces from users' bug reports; the bundle budget is measured gzipped.
      sourcemap: false,
      target: 'es2022',
      minify: true,
      // Pages the manifest doesn't name (crxjs finds popup and options itself): the rule explanations, the welcome page.
      rollupOptions: { input: { learn: 'popup/learn.html', welcome: 'popup/welcome.html' } },
    },
    server: { cors: { origin: [/chrome-extension:\/\//] } },
  };
});
