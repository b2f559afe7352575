// Builds the bench needs: the extension (as `npm run build` makes it) and the IIFE bundles it
// injects into pages (the engine, the CSV export).
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { log } from './stats.ts';

/** The repository. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The Chrome build of the extension into `dist`/chrome. `minify: false` keeps the content files'
 * function names readable in a profile (vite.config.ts HOWSOCIAL_MINIFY).
 */
export function buildExtension(dist: string, { minify = true } = {}): void {
  log(`building the extension into ${dist}${minify ? '' : ' (not minified)'}`);
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), 'chrome'], {
    cwd: ROOT,
    env: { ...process.env, HOWSOCIAL_DIST: dist, ...(minify ? {} : { HOWSOCIAL_MINIFY: '0' }) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const BUNDLES = {
  engine: { entry: 'bench/engine-entry.ts', name: 'HowSocialBench' },
  csv: { entry: 'bench/csv-entry.ts', name: 'HowSocialCsv' },
} as const;

export type BundleName = keyof typeof BUNDLES;

/**
 * One entry as an IIFE (the engine; the CSV export with Dexie), with the project's own Vite, into
 * `outDir`/<name>.js; returns its path. `minify: false` keeps real function names (profiles).
 */
export async function buildBundle(outDir: string, bundle: BundleName, { minify = true } = {}): Promise<string> {
  const { entry, name } = BUNDLES[bundle];
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify,
      lib: { entry: join(ROOT, entry), formats: ['iife'], name, fileName: () => `${bundle}.js` },
    },
  });
  return join(outDir, `${bundle}.js`);
}
