// The unpacked Chrome build the CLI loads, built on first use (a fresh clone has none).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Family } from './browsers.ts';
import { ROOT } from './messages.ts';

/** Is `dir` an unpacked build itself (it has a manifest, or is named for its browser)? */
function isBuild(dir: string): boolean {
  return existsSync(join(dir, 'manifest.json')) || basename(dir) === 'chrome' || basename(dir) === 'firefox';
}

/** A Firefox build: named so, or its manifest names the Gecko add-on id. */
function isFirefoxBuild(dir: string): boolean {
  if (basename(dir) === 'firefox') return true;
  try {
    return Boolean(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).browser_specific_settings?.gecko);
  } catch {
    return false;
  }
}

export interface DistLocation {
  chrome: string;
  firefox: string;
  /** the folder the builds are written into */
  root: string;
}

/**
 * --dist DIR names either an unpacked build itself (it has a manifest.json, or its name is
 * "chrome" or "firefox"; its sibling is the other browser's) or the folder holding chrome/ and
 * firefox/ (what `npm run build` writes). Default: $HOWSOCIAL_DIST, else dist/.
 */
export function distLocation(dist: string | null = null, env: Record<string, string | undefined> = process.env): DistLocation {
  const given = resolve(dist ?? env.HOWSOCIAL_DIST ?? join(ROOT, 'dist'));
  if (!isBuild(given)) return { chrome: join(given, 'chrome'), firefox: join(given, 'firefox'), root: given };
  const root = dirname(given);
  const firefox = isFirefoxBuild(given);
  return { chrome: firefox ? join(root, 'chrome') : given, firefox: firefox ? given : join(root, 'firefox'), root };
}

/** The build a browser family loads. */
export function buildFor(dist: DistLocation, family: Family): string {
  return family === 'firefox' ? dist.firefox : dist.chrome;
}

export class BuildError extends Error {
  override name = 'BuildError';
}

/**
 * Build the extension for `family` into `root` when it has none there. Vite's output goes to
 * stderr: standard output is the report's.
 */
export function ensureBuilt(dist: DistLocation, log: (line: string) => void = () => {}, family: Family = 'chromium'): void {
  const dir = buildFor(dist, family);
  const mode = family === 'firefox' ? 'firefox' : 'chrome';
  if (existsSync(join(dir, 'manifest.json'))) return;
  log(`no extension build at ${dir}: building it (node scripts/build.mjs ${mode}) …`);
  const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), mode], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
    env: { ...process.env, HOWSOCIAL_DIST: dist.root },
  });
  if (res.status !== 0)
    throw new BuildError(`the extension build failed (exit ${res.status ?? res.signal}); its messages are above`);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new BuildError(
      `the build finished but wrote no ${join(dir, 'manifest.json')}: --dist names a folder holding chrome/ and firefox/, or one of them`,
    );
  }
}
