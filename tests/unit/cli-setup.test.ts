// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBrowsers, packagesOutOfStep } from '../../scripts/setup.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A checkout with this lockfile and (unless null) this node_modules/.package-lock.json. */
function checkout(lock: object, installed: object | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'howsocial-setup-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock));
  if (installed) {
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', '.package-lock.json'), JSON.stringify(installed));
  }
  return dir;
}

const lock = {
  packages: {
    '': { name: 'howsocial' },
    'node_modules/dexie': { version: '4.4.7' },
    'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', optional: true },
    'node_modules/fsevents': { version: '2.3.3', dev: true, optional: true },
  },
};

describe('fresh-machine set-up: are the packages in step with the lockfile?', () => {
  it('is when every package is installed in the lockfile’s version (optional ones for other platforms may be missing)', () => {
    expect(packagesOutOfStep(checkout(lock, { packages: { 'node_modules/dexie': { version: '4.4.7' } } }))).toBeNull();
  });

  it('is not without node_modules, or when a version differs or a package is missing', () => {
    expect(packagesOutOfStep(checkout(lock, null))).toBe('node_modules is missing');
    expect(packagesOutOfStep(checkout(lock, { packages: { 'node_modules/dexie': { version: '4.4.6' } } }))).toBe(
      'dexie is 4.4.6, the lockfile says 4.4.7',
    );
    expect(packagesOutOfStep(checkout(lock, { packages: {} }))).toBe('dexie is not installed');
  });
});

describe('fresh-machine set-up: system browsers', () => {
  const debian = (files: string[], uid: number) => {
    const ran: string[][] = [];
    const env = {
      exists: (p: string) => files.includes(p),
      platform: 'linux',
      uid,
      run: (cmd: string, args: string[]) => {
        ran.push([cmd, ...args]);
        return 0;
      },
    };
    return { env, ran };
  };

  it('installs only what is missing with apt-get, as root without sudo', () => {
    const { env, ran } = debian(['/usr/bin/apt-get', '/usr/bin/chromium'], 0);
    expect(ensureBrowsers(['chromium', 'firefox-esr'], env)).toEqual({
      ok: true,
      ran: ['apt-get update', 'apt-get install -y --no-install-recommends firefox-esr fonts-liberation'],
    });
    expect(ran[0]).toEqual(['apt-get', 'update']);
  });

  it('uses sudo when not root', () => {
    const { env, ran } = debian(['/usr/bin/apt-get', '/usr/bin/sudo'], 1000);
    expect(ensureBrowsers(['chromium'], env).ok).toBe(true);
    expect(ran.map((r) => r.join(' '))).toEqual([
      'sudo apt-get update',
      'sudo apt-get install -y --no-install-recommends chromium fonts-liberation',
    ]);
  });

  it('runs nothing when the browsers are there, or off Debian', () => {
    expect(ensureBrowsers(['chromium'], debian(['/usr/bin/apt-get', '/usr/bin/chromium'], 0).env)).toEqual({ ok: true, ran: [] });
    const mac = { exists: () => false, platform: 'darwin', uid: 501, run: () => 0 };
    expect(ensureBrowsers(['chromium'], mac)).toEqual({ ok: false, ran: [] });
  });
});
