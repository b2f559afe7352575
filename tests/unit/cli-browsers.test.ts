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
