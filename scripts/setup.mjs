#!/usr/bin/env node
// @ts-check
// Fresh-machine set-up, run first by `npm start`, `npm test` and `howsocial`: plain JavaScript with
// Node's own modules only, because it runs before any package is installed.
//   node scripts/setup.mjs [--browsers chromium,firefox-esr]
// 1. The packages: `npm ci` when node_modules is missing or out of step with package-lock.json.
// 2. The system browsers (only with --browsers): on Debian/Ubuntu, `apt-get install` what is
//    missing, as .ci/run does, saying what it runs and why; sudo only when not root.
// Everything it prints goes to stderr: a command's standard output is its report.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} line */
const say = (line) => process.stderr.write(`${line}\n`);

/**
 * Why node_modules does not match the lockfile, or null when it does. npm keeps what it installed
 * in node_modules/.package-lock.json: every package the lockfile names must be there in the same
 * version, except optional ones for other platforms (e.g. @esbuild/darwin-arm64 on Linux).
 * @param {string} root
 * @returns {string | null}
 */
export function packagesOutOfStep(root = ROOT) {
  const hiddenFile = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(join(root, 'node_modules'))) return 'node_modules is missing';
  if (!existsSync(hiddenFile)) return 'node_modules was not installed by npm ci';
  /** @type {{ packages: Record<string, { version?: string, optional?: boolean, devOptional?: boolean, link?: boolean }> }} */
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  /** @type {{ packages: Record<string, { version?: string }> }} */
  const hidden = JSON.parse(readFileSync(hiddenFile, 'utf8'));
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.startsWith('node_modules/') || entry.link) continue;
    const got = hidden.packages?.[path];
    if (!got) {
      if (entry.optional || entry.devOptional) continue;
      return `${path.slice('node_modules/'.length)} is not installed`;
    }
    if (got.version !== entry.version)
      return `${path.slice('node_modules/'.length)} is ${got.version}, the lockfile says ${entry.version}`;
  }
  return null;
}

/**
 * `npm ci` when node_modules is missing or out of step. Its output goes to stderr.
 * @returns {boolean} true when the packages are in place
 */
export function ensurePackages(root = ROOT) {
  const why = packagesOutOfStep(root);
  if (!why) return true;
  say(`HowSocial set-up: ${why}: running npm ci (installs the exact versions of package-lock.json) …`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const res = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32',
  });
  if (res.status !== 0) {
    say(`HowSocial set-up: npm ci failed (exit ${res.status ?? res.signal}); see its messages above.`);
    return false;
  }
  return true;
}

/** Debian package → the program it installs. */
const BROWSER_PATHS = { chromium: '/usr/bin/chromium', 'firefox-esr': '/usr/bin/firefox-esr' };

/**
 * @param {string[]} wanted Debian package names (chromium, firefox-esr)
 * @param {{ exists?: (p: string) => boolean, platform?: string, uid?: number | null, run?: (cmd: string, args: string[]) => number | null }} [env]
 * @returns {{ ok: boolean, ran: string[] }}
 */
export function ensureBrowsers(wanted, env = {}) {
  const exists = env.exists ?? existsSync;
  const platform = env.platform ?? process.platform;
  const uid = env.uid !== undefined ? env.uid : typeof process.getuid === 'function' ? process.getuid() : null;
  const run =
    env.run ??
    ((cmd, args) =>
      spawnSync(cmd, args, { stdio: ['inherit', 2, 2], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status);
  const missing = wanted.filter(
    (p) => p in BROWSER_PATHS && !exists(BROWSER_PATHS[/** @type {keyof typeof BROWSER_PATHS} */ (p)]),
  );
  /** @type {string[]} */
  const ran = [];
  if (missing.length === 0) return { ok: true, ran };
  if (platform !== 'linux' || !exists('/usr/bin/apt-get')) {
    say(
      `HowSocial set-up: ${missing.join(' and ')} not at /usr/bin; not a Debian/Ubuntu system, so nothing is installed: the tools look for another browser (see README, "Browsers").`,
    );
    return { ok: false, ran };
  }
  const sudo = uid === 0 ? [] : ['sudo'];
  if (sudo.length && !exists('/usr/bin/sudo')) {
    say(
      `HowSocial set-up: ${missing.join(' and ')} missing and not running as root without sudo: run as root: apt-get install -y ${missing.join(' ')} fonts-liberation`,
    );
    return { ok: false, ran };
  }
  const steps = [
    [...sudo, 'apt-get', 'update'],
    // fonts-liberation: a basic font set so pages lay out (tests measure boxes).
    [...sudo, 'apt-get', 'install', '-y', '--no-install-recommends', ...missing, 'fonts-liberation'],
  ];
  say(
    `HowSocial set-up: ${missing.join(' and ')} missing (the end-to-end tests and the tools drive the system browsers): running`,
  );
  for (const step of steps) {
    say(`  ${step.join(' ')}`);
    ran.push(step.join(' '));
    const status = run(step[0], step.slice(1));
    if (status !== 0) {
      say(`HowSocial set-up: "${step.join(' ')}" failed (exit ${status}).`);
      return { ok: false, ran };
    }
  }
  return { ok: true, ran };
}

// As a command: node scripts/setup.mjs [--browsers a,b]
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--browsers');
  const browsers = i > 0 ? (process.argv[i + 1] ?? '').split(',').filter(Boolean) : [];
  const ok = ensurePackages() && ensureBrowsers(browsers).ok;
  // Browsers: a failed install is said, and the command still tries (it may find another one).
  process.exitCode = ok || packagesOutOfStep() === null ? 0 : 1;
}
