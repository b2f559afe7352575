// Which installed browser the CLI and `npm start` drive. Debian's /usr/bin/chromium first (what
// the tests use); elsewhere (macOS, Windows, other distributions) any browser that still loads an
// unpacked extension from the command line: Chromium, Chrome for Testing, Brave, Edge. Branded
// Google Chrome ignores --load-extension since version 137 (Chrome release notes, 2025-05: "the
// --load-extension switch is disabled in Chrome-branded builds"), so it only counts below 137.
// Where none is, Firefox loads the extension's Firefox build over WebDriver BiDi instead
// (firefox.ts); `--browser firefox` asks for it where a Chromium is there too.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export type Family = 'chromium' | 'firefox';

export interface FoundBrowser {
  family: Family;
  name: string;
  path: string;
}

interface Candidate {
  name: string;
  path: string;
  /** branded Google Chrome: usable only below version 137 */
  branded?: boolean;
}

export interface LookupEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  exists(path: string): boolean;
  /** subfolders of a folder ([] when missing) */
  list(dir: string): string[];
  /** the browser's major version, or null when it cannot be read */
  majorVersion(path: string): number | null;
}

export const CHROME_LOAD_EXTENSION_LAST = 136;

/** Paths as the looked-up machine writes them (the lookup is tested for every platform on one). */
const joinFor = (e: LookupEnv) => (e.platform === 'win32' ? win32.join : posix.join);

function versionOf(path: string): number | null {
  try {
    const out = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
    const m = /(\d+)\.\d+\.\d+/.exec(out);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export const realLookupEnv = (): LookupEnv => ({
  platform: process.platform,
  env: process.env,
  home: homedir(),
  exists: existsSync,
  list: (dir) => {
    try {
      return readdirSync(dir).sort().reverse(); // newest version folder first
    } catch {
      return [];
    }
  },
  majorVersion: versionOf,
});

/** Chrome for Testing and Chromium downloads that Puppeteer and Playwright keep in the user's cache. */
function cachedBuilds(e: LookupEnv): Candidate[] {
  const join = joinFor(e);
  const out: Candidate[] = [];
  const puppeteer = join(e.home, '.cache', 'puppeteer', 'chrome');
  const playwright =
    e.platform === 'darwin'
      ? join(e.home, 'Library', 'Caches', 'ms-playwright')
      : e.platform === 'win32'
        ? join(e.env.LOCALAPPDATA ?? join(e.home, 'AppData', 'Local'), 'ms-playwright')
        : join(e.home, '.cache', 'ms-playwright');
  for (const v of e.list(puppeteer)) {
    const inner =
      e.platform === 'darwin'
        ? ['chrome-mac-arm64', 'chrome-mac-x64'].map((d) =>
            join(d, 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
          )
        : e.platform === 'win32'
          ? [join('chrome-win64', 'chrome.exe')]
          : [join('chrome-linux64', 'chrome')];
    for (const p of inner) out.push({ name: `Chrome for Testing (${v})`, path: join(puppeteer, v, p) });
  }
  for (const v of e.list(playwright).filter((d) => /^chromium-\d+$/.test(d))) {
    const inner =
      e.platform === 'darwin'
        ? ['chrome-mac', 'chrome-mac-arm64'].map((d) => join(d, 'Chromium.app', 'Contents', 'MacOS', 'Chromium'))
        : e.platform === 'win32'
          ? [join('chrome-win', 'chrome.exe')]
          : [join('chrome-linux', 'chrome'), join('chrome-linux64', 'chrome')];
    for (const p of inner) out.push({ name: `Chromium (Playwright, ${v})`, path: join(playwright, v, p) });
  }
  return out;
}

function chromiumCandidates(e: LookupEnv): Candidate[] {
  const join = joinFor(e);
  if (e.platform === 'darwin') {
    const apps = ['/Applications', join(e.home, 'Applications')];
    return [
      ...apps.map((a) => ({ name: 'Chromium', path: join(a, 'Chromium.app/Contents/MacOS/Chromium') })),
      ...apps.map((a) => ({
        name: 'Chrome for Testing',
        path: join(a, 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'),
      })),
      ...cachedBuilds(e),
      ...apps.map((a) => ({ name: 'Brave', path: join(a, 'Brave Browser.app/Contents/MacOS/Brave Browser') })),
      ...apps.map((a) => ({ name: 'Microsoft Edge', path: join(a, 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge') })),
      ...apps.map((a) => ({
        name: 'Google Chrome',
        path: join(a, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
        branded: true,
      })),
    ];
  }
  if (e.platform === 'win32') {
    const roots = [e.env.LOCALAPPDATA, e.env.PROGRAMFILES, e.env['PROGRAMFILES(X86)']].filter((r): r is string => Boolean(r));
    return [
      ...roots.map((r) => ({ name: 'Chromium', path: join(r, 'Chromium', 'Application', 'chrome.exe') })),
      ...cachedBuilds(e),
      ...roots.map((r) => ({ name: 'Brave', path: join(r, 'BraveSoftware', 'Brave-Browser', 'Application', 'brave.exe') })),
      ...roots.map((r) => ({ name: 'Microsoft Edge', path: join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe') })),
      ...roots.map((r) => ({
        name: 'Google Chrome',
        path: join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        branded: true,
      })),
    ];
  }
  return [
    { name: 'Chromium', path: '/usr/bin/chromium' },
    { name: 'Chromium', path: '/usr/bin/chromium-browser' },
    { name: 'Chromium', path: '/snap/bin/chromium' },
    { name: 'Chromium', path: '/usr/lib64/chromium-browser/chromium-browser' },
    ...cachedBuilds(e),
    { name: 'Brave', path: '/usr/bin/brave-browser' },
    { name: 'Brave', path: '/opt/brave.com/brave/brave' },
    { name: 'Microsoft Edge', path: '/usr/bin/microsoft-edge' },
    { name: 'Microsoft Edge', path: '/opt/microsoft/msedge/msedge' },
    { name: 'Google Chrome', path: '/usr/bin/google-chrome', branded: true },
    { name: 'Google Chrome', path: '/opt/google/chrome/chrome', branded: true },
  ];
}

function firefoxCandidates(e: LookupEnv): Candidate[] {
  const join = joinFor(e);
  if (e.platform === 'darwin') return [{ name: 'Firefox', path: '/Applications/Firefox.app/Contents/MacOS/firefox' }];
  if (e.platform === 'win32') {
    const roots = [e.env.PROGRAMFILES, e.env['PROGRAMFILES(X86)']].filter((r): r is string => Boolean(r));
    return roots.map((r) => ({ name: 'Firefox', path: join(r, 'Mozilla Firefox', 'firefox.exe') }));
  }
  return [
    { name: 'Firefox ESR', path: '/usr/bin/firefox-esr' },
    { name: 'Firefox', path: '/usr/bin/firefox' },
  ];
}

/** The first installed Chromium-family browser that can load an unpacked extension; `skipped` what could not. */
function findChromium(e: LookupEnv, skipped: string[]): FoundBrowser | null {
  for (const c of chromiumCandidates(e)) {
    if (!e.exists(c.path)) continue;
    if (c.branded) {
      const major = e.majorVersion(c.path);
      if (major === null || major > CHROME_LOAD_EXTENSION_LAST) {
        skipped.push(`${c.name} ${major ?? '(version unknown)'} at ${c.path}: branded Chrome ignores --load-extension since 137`);
        continue;
      }
    }
    return { family: 'chromium', name: c.name, path: c.path };
  }
  return null;
}

function findFirefox(e: LookupEnv): FoundBrowser | null {
  const c = firefoxCandidates(e).find((f) => e.exists(f.path));
  return c ? { family: 'firefox', name: c.name, path: c.path } : null;
}

/**
 * The browser to drive. `explicit` (--browser) is a family, "chromium" or "firefox" (the first
 * of it found here), or a path; without it $HOWSOCIAL_CHROMIUM names one; else the first
 * installed Chromium-family browser that can load an unpacked extension, else Firefox (with the
 * extension's Firefox build). A path is Firefox when its file name says so. `skipped` lists what
 * was found but cannot be used (branded Chrome ≥ 137), for the message.
 */
export function findBrowser(
  e: LookupEnv = realLookupEnv(),
  explicit: string | null = null,
): { found: FoundBrowser | null; skipped: string[] } {
  const skipped: string[] = [];
  if (explicit === 'firefox') {
    const found = findFirefox(e);
    return { found, skipped: found ? [] : ['Firefox (not found)'] };
  }
  if (explicit === 'chromium') {
    const found = findChromium(e, skipped);
    return { found, skipped: found ? skipped : [...skipped, 'a Chromium-family browser (not found)'] };
  }
  const given = explicit ?? e.env.HOWSOCIAL_CHROMIUM ?? null;
  if (given) {
    if (!e.exists(given)) return { found: null, skipped: [`${given} (not found)`] };
    const family: Family = /firefox[^/\\]*$/i.test(given) ? 'firefox' : 'chromium';
    return { found: { family, name: given, path: given }, skipped };
  }
  const found = findChromium(e, skipped) ?? findFirefox(e);
  return { found, skipped };
}

/** One line saying exactly what to install on this platform. */
export function installHint(platform: NodeJS.Platform): string {
  if (platform === 'darwin')
    return 'install Chromium (brew install --cask chromium) or Brave, Edge or Firefox, or pass --browser PATH';
  if (platform === 'win32')
    return 'install Chromium (winget install Hibbiki.Chromium), Brave, Edge or Firefox, or pass --browser PATH';
  return 'install Chromium (Debian: sudo apt-get install chromium; Fedora: sudo dnf install chromium; Ubuntu: sudo snap install chromium), or pass --browser PATH';
}

export function noBrowserMessage(platform: NodeJS.Platform, skipped: readonly string[]): string {
  const why = skipped.length ? ` (found but unusable: ${skipped.join('; ')})` : '';
  return `no browser that can load the extension was found${why}: ${installHint(platform)}`;
}
