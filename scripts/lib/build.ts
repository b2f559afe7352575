// The unpacked Chrome build the CLI loads, built on first use (a fresh clone has none).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ROOT } from './messages.ts';

/**
 * --dist DIR names either the unpacked Chrome build itself (it has a manifest.json, or its name is
 * "chrome") or the folder holding chrome/ and firefox/ (what `npm run build` writes). Default:
 * $HOWSOCIAL_DIST, else dist/. Returns where the Chrome build is and the folder to build into.
 */
export function distLocation(
  dist: string | null = null,
  env: Record<string, string | undefined> = process.env,
): { chrome: string; root: string } {
  const given = resolve(dist ?? env.HOWSOCIAL_DIST ?? join(ROOT, 'dist'));
  if (existsSync(join(given, 'manifest.json')) || basename(given) === 'chrome') return { chrome: given, root: dirname(given) };
  return { chrome: join(given, 'chrome'), root: given };
}

export class BuildError extends Error {
  override name = 'BuildError';
}

/**
 * Build the Chrome extension into `root` when `chrome` has none. Vite's output goes to stderr:
 * standard output is the report's.
 */
export function ensureBuilt({ chrome, root }: { chrome: string; root: string }, log: (line: string) => void = () => {}): void {
  if (existsSync(join(chrome, 'manifest.json'))) return;
  log(`no extension build at ${chrome}: building it (node scripts/build.mjs chrome) …`);
  const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'chrome'], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
    env: { ...process.env, HOWSOCIAL_DIST: root },
  });
  if (res.status !== 0)
    throw new BuildError(`the extension build failed (exit ${res.status ?? res.signal}); its messages are above`);
  if (!existsSync(join(chrome, 'manifest.json'))) {
    throw new BuildError(
      `the build finished but wrote no ${join(chrome, 'manifest.json')}: --dist names a folder holding chrome/, or chrome/ itself`,
    );
  }
}
