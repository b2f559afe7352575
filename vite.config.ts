import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

/**
 * One manifest.json (Chrome's shape) and a Firefox branch derived from it: Firefox MV3 has no
 * service workers, it runs the same module as a background script (event page), and it needs a
 * gecko id for storage and for `browser.installExtension` in tests.
 */
export const GECKO_ID = 'howsocial@howsocial.dev';

function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  if (browser === 'chrome') return baseManifest as ManifestV3Export;
  const { background, ...rest } = baseManifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } },
  } as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [preact(), crx({ manifest: manifestFor(browser), browser })],
    build: {
      // HOWSOCIAL_DIST lets parallel builds (a test run beside a dev build) use their own folder.
      outDir: `${process.env.HOWSOCIAL_DIST ?? 'dist'}/${browser}`,
      emptyOutDir: true,
      // Readable stack traces from users' bug reports; the bundle budget is measured gzipped.
      sourcemap: false,
      target: 'es2022',
      minify: true,
      // Pages the manifest doesn't name (crxjs finds popup and options itself): the rule explanations.
      rollupOptions: { input: { learn: 'popup/learn.html' } },
    },
    server: { cors: { origin: [/chrome-extension:\/\//] } },
  };
});
