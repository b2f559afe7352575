// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findBrowser, installHint, type LookupEnv, noBrowserMessage } from '../../scripts/lib/browsers.ts';

/** A machine with exactly these files, and these `--version` majors. */
function machine(
  platform: NodeJS.Platform,
  files: string[],
  versions: Record<string, number> = {},
  env: Record<string, string> = {},
): LookupEnv {
  const set = new Set(files);
  return {
    platform,
    env,
    home: platform === 'win32' ? 'C:\\Users\\ana' : '/home/ana',
    exists: (p) => set.has(p),
    list: (dir) =>
      [...new Set(files.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0]))]
        .sort()
        .reverse(),
    majorVersion: (p) => versions[p] ?? null,
  };
}

describe('browser lookup', () => {
  it('takes Debian’s /usr/bin/chromium first', () => {
    const { found } = findBrowser(machine('linux', ['/usr/bin/chromium', '/usr/bin/brave-browser']));
    expect(found).toEqual({ family: 'chromium', name: 'Chromium', path: '/usr/bin/chromium' });
  });

  it('finds Chrome for Testing in Puppeteer’s cache when no Chromium is installed', () => {
    const cft = '/home/ana/.cache/puppeteer/chrome/linux-131.0.6778.204/chrome-linux64/chrome';
    expect(findBrowser(machine('linux', [cft])).found).toMatchObject({ family: 'chromium', path: cft });
  });

  it('takes Brave or Edge on macOS, and branded Chrome only below 137', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findBrowser(machine('darwin', [chrome, edge], { [chrome]: 136 })).found?.path).toBe(edge);
    expect(findBrowser(machine('darwin', [chrome], { [chrome]: 136 })).found?.path).toBe(chrome);
    const modern = findBrowser(machine('darwin', [chrome], { [chrome]: 142 }));
    expect(modern.found).toBeNull();
    expect(modern.skipped[0]).toMatch(/Google Chrome 142 .*ignores --load-extension since 137/);
  });

  it('skips branded Chrome whose version cannot be read', () => {
    expect(findBrowser(machine('linux', ['/usr/bin/google-chrome'])).found).toBeNull();
  });

  it('finds Edge on Windows under Program Files (x86)', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const env = { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    expect(findBrowser(machine('win32', [edge], {}, env)).found).toEqual({
      family: 'chromium',
      name: 'Microsoft Edge',
      path: edge,
    });
  });

  it('falls back to Firefox (the extension’s Firefox build) when no Chromium-family browser is there', () => {
    expect(findBrowser(machine('linux', ['/usr/bin/firefox-esr'])).found).toEqual({
      family: 'firefox',
      name: 'Firefox ESR',
      path: '/usr/bin/firefox-esr',
    });
  });

  it('--browser firefox takes Firefox although a Chromium is there; --browser chromium never takes Firefox', () => {
    const both = machine('linux', ['/usr/bin/chromium', '/usr/bin/firefox-esr']);
    expect(findBrowser(both, 'firefox')).toEqual({
      found: { family: 'firefox', name: 'Firefox ESR', path: '/usr/bin/firefox-esr' },
      skipped: [],
    });
    expect(findBrowser(both, 'chromium').found).toMatchObject({ family: 'chromium', path: '/usr/bin/chromium' });
    const onlyFirefox = findBrowser(machine('linux', ['/usr/bin/firefox']), 'chromium');
    expect(onlyFirefox.found).toBeNull();
    expect(noBrowserMessage('linux', onlyFirefox.skipped)).toContain('a Chromium-family browser (not found)');
    expect(findBrowser(machine('linux', ['/usr/bin/chromium']), 'firefox')).toEqual({
      found: null,
      skipped: ['Firefox (not found)'],
    });
  });

  it('finds Firefox on macOS and Windows when no Chromium-family browser is installed', () => {
    const mac = '/Applications/Firefox.app/Contents/MacOS/firefox';
    expect(findBrowser(machine('darwin', [mac])).found).toEqual({ family: 'firefox', name: 'Firefox', path: mac });
    const win = 'C:\\Program Files\\Mozilla Firefox\\firefox.exe';
    expect(findBrowser(machine('win32', [win], {}, { PROGRAMFILES: 'C:\\Program Files' })).found).toEqual({
      family: 'firefox',
      name: 'Firefox',
      path: win,
    });
  });

  it('a named path is Firefox when its file is called so, else a Chromium-family browser', () => {
    const e = machine('linux', ['/opt/firefox/firefox', '/opt/firefox-tools/chrome']);
    expect(findBrowser(e, '/opt/firefox/firefox').found?.family).toBe('firefox');
    // "firefox" in a folder name does not make a Chromium one.
    expect(findBrowser(e, '/opt/firefox-tools/chrome').found?.family).toBe('chromium');
  });

  it('an explicit browser (--browser or $HOWSOCIAL_CHROMIUM) wins, and a missing one is said', () => {
    expect(findBrowser(machine('linux', ['/usr/bin/chromium', '/opt/x/chrome']), '/opt/x/chrome').found?.path).toBe(
      '/opt/x/chrome',
    );
    expect(findBrowser(machine('linux', ['/opt/y/chromium'], {}, { HOWSOCIAL_CHROMIUM: '/opt/y/chromium' })).found?.path).toBe(
      '/opt/y/chromium',
    );
    expect(findBrowser(machine('linux', []), '/nope').skipped).toEqual(['/nope (not found)']);
  });

  it('says in one line exactly what to install', () => {
    expect(findBrowser(machine('linux', [])).found).toBeNull();
    const line = noBrowserMessage('linux', []);
    expect(line).not.toContain('\n');
    expect(line).toContain('sudo apt-get install chromium');
    expect(installHint('darwin')).toContain('brew install --cask chromium');
    expect(installHint('win32')).toContain('winget install');
  });
});
