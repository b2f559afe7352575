import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Builds the extension once per e2e run into a fresh temp folder (HOWSOCIAL_DIST), so the tests
 * always exercise the current source and never race a developer's `dist/`. Set
 * HOWSOCIAL_E2E_DIST to an existing build folder (holding chrome/ and firefox/) to skip the build.
 */
export default function setup(project: TestProject): void {
  let dist = process.env.HOWSOCIAL_E2E_DIST;
  if (!dist) {
    dist = mkdtempSync(join(tmpdir(), 'howsocial-e2e-dist-'));
    execFileSync(process.execPath, ['scripts/build.mjs'], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, HOWSOCIAL_DIST: dist },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  for (const b of ['chrome', 'firefox']) {
    if (!existsSync(join(dist, b, 'manifest.json'))) throw new Error(`no extension build in ${join(dist, b)}`);
  }
  project.provide('distDir', dist);
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}
