import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AuditRow } from '../../src/storage/db';
import { browsers, FIREFOX_UUID, firefoxPrivileged, GECKO_ID, gotoExtensionPage, launchFirefoxBrowser, waitFor } from './harness';
import { type FixtureServer, serveFixtures } from './server';

/**
 * Private browsing (issue 14): with the extension allowed in private windows, a private tab gets
 * its badge and its popup copy (storage.session, memory only), and nothing of it reaches the
 * history — no row, no write-ahead entry. Firefox only: the add-on is allowed in private windows
 * and a private window opened from the browser's privileged scope, as about:addons and the user
 * would; Chromium has no way to allow an unpacked extension in incognito from outside.
 */
const closed = readFileSync(join(import.meta.dirname, 'fixtures', 'wp-comments-closed.html'), 'utf8');

describe.runIf(browsers.includes('firefox'))('private windows (firefox)', () => {
  let browser: Browser;
  let server: FixtureServer;
  let profile: string;
  let helper: Page;
  const ext = <R, A>(fn: (arg: A) => Promise<R>, arg: A) => helper.evaluate(fn as never, arg as never) as Promise<R>;
  const rows = () =>
    ext(
      () =>
        new Promise<AuditRow[]>((resolve) => {
          const open = indexedDB.open('howsocial');
          open.onupgradeneeded = () => open.transaction?.abort();
          open.onerror = () => resolve([]);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('audits')) return resolve([]);
            const req = db.transaction('audits').objectStore('audits').getAll();
            req.onsuccess = () => {
              db.close();
              resolve(req.result);
            };
          };
        }),
      undefined,
    );

  beforeAll(async () => {
    server = await serveFixtures();
    profile = mkdtempSync(join(tmpdir(), 'howsocial-ff-private-'));
    browser = await launchFirefoxBrowser(profile);
    await browser.installExtension(join(inject('distDir'), 'firefox'));
    // "Run in Private Windows: Allow" in about:addons
    const allowed = await firefoxPrivileged(
      browser,
      `(async () => {
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        const policy = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)});
        await ExtensionPermissions.add(${JSON.stringify(GECKO_ID)}, { permissions: ['internal:privateBrowsingAllowed'], origins: [] }, policy.extension);
        return WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).privateBrowsingAllowed;
      })()`,
    );
    expect(allowed).toBe(true);
    helper = await browser.newPage();
    await gotoExtensionPage(helper, `moz-extension://${FIREFOX_UUID}/popup/options.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('a private tab gets its badge and popup copy, and nothing goes into the history', async () => {
    const privateUrl = server.page('/private.html', closed);
    const isPrivate = await firefoxPrivileged(
      browser,
      `(async () => {
        const win = OpenBrowserWindow({ private: true });
        await new Promise((r) => win.addEventListener('load', r, { once: true }));
        await win.delayedStartupPromise;
        win.gBrowser.selectedBrowser.loadURI(Services.io.newURI(${JSON.stringify(privateUrl)}), {
          triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
        });
        return PrivateBrowsingUtils.isWindowPrivate(win);
      })()`,
    );
    expect(isPrivate).toBe(true);
    const tab = await waitFor(
      () => ext(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u) ?? null, privateUrl),
      (t) => t !== null,
      { what: 'the private tab' },
    );
    expect(tab!.incognito).toBe(true);
    const session = await waitFor(
      () => ext(async (id) => (await chrome.storage.session.get(`audit:tab:${id}`))[`audit:tab:${id}`] ?? null, tab!.id!),
      (a) => a !== null,
      { what: 'the private tab’s audit in storage.session' },
    );
    expect((session as { url: string }).url).toBe(privateUrl);
    expect(await ext((id) => chrome.action.getBadgeText({ tabId: id }), tab!.id!)).toMatch(/^\d+$/);

    // An ordinary tab audited after it is stored: the pipeline has run past the private audit.
    // (Opened in the ordinary window from the privileged scope: a new page would open in the
    // private window, which has the focus now.)
    const normalUrl = server.page('/normal.html', closed);
    await firefoxPrivileged(
      browser,
      `(() => {
        const win = [...Services.wm.getEnumerator('navigator:browser')].find((w) => !PrivateBrowsingUtils.isWindowPrivate(w));
        win.gBrowser.addTab(${JSON.stringify(normalUrl)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
      })()`,
    );
    const stored = await waitFor(rows, (r) => r.some((a) => a.url === normalUrl), { what: 'the ordinary tab’s audit' });
    expect(stored.filter((a) => a.url === privateUrl)).toEqual([]);
    const keys = await ext(async () => Object.keys(await chrome.storage.session.get(null)), undefined);
    expect(keys.filter((k) => k.startsWith('pending:'))).toEqual([]);
    expect(keys).not.toContain(`row:tab:${tab!.id}`);
  });
});
