/**
 * End-to-end harness: the BUILT extension in real Chromium (playwright-core) and real Firefox ESR
 * (puppeteer-core over WebDriver BiDi) behind one interface, so every test runs in both:
 *
 *   import { browsers, launch, waitFor } from './harness';
 *   describe.each(browsers)('%s', (name) => {
 *     let ext: Ext;
 *     beforeAll(async () => { ext = await launch(name); });
 *     afterAll(() => ext?.close());
 *     it('…', async () => {
 *       const page = await ext.openPage(ext.server.page('/x.html', '<html>…</html>'));
 *       const badge = await waitFor(() => ext.badge(page.tabId), (b) => b.text !== '');
 *     });
 *   });
 *
 * API (all async):
 * - launch(name) → Ext; `browsers` is ['chromium', 'firefox'] (HOWSOCIAL_BROWSERS=chromium to narrow)
 * - ext.server: the fixture server (127.0.0.1, random port): url(path) for tests/e2e/fixtures/*,
 *   page(path, html) to define a page inline (returns its URL)
 * - ext.openPage(url) → TabPage { tabId, url, evaluate(fn, arg?), reload(), close() }: a web page tab
 * - ext.evalInPage(page, fn, arg?): run fn in the page's main world (e.g. read
 *   `[data-howsocial-highlight]`); same as page.evaluate
 * - ext.badge(tabId) → { text, color: [r,g,b,a], title }
 * - ext.sessionAudit(tabId) → the Audit stored under `audit:tab:<tabId>` in storage.session, or null
 * - ext.dbAudits() / ext.dbFindings() → rows of IndexedDB `howsocial` (extension origin)
 * - ext.setSettings(patch) / ext.storageLocal(key): settings and storage.local of the extension
 * - ext.evalInExtension(fn, arg?): run fn in an extension context (chrome.* available) — for what
 *   the helpers above don't cover. fn is serialised: no closures, pass data via arg.
 * - ext.openPopup(tabId) → PopupPage: `popup/index.html?tab=<tabId>` opened in a tab (the popup
 *   shows that tab's audit). PopupPage { click(sel), text(sel), waitFor(sel), count(sel),
 *   evaluate(fn, arg?), close() }. For the CSV export, have the popup expose the exported text
 *   (e.g. a `data-csv` attribute or a window property in test builds) and read it with evaluate;
 *   browser downloads are not captured.
 * - ext.openExtensionPage(path) → PopupPage of any extension page (`popup/report.html?id=1`)
 * - ext.server.route(path, fn) answers a path from a function (APIs, feeds); ext.server.requests logs every request
 * - ext.extensionOrigin: chrome-extension://<id>/ or moz-extension://<uuid>/ (trailing slash)
 * - ext.close(): browser, profile and server are gone
 * - waitFor(probe, until, {timeout}) polls a condition (never a fixed sleep) and on timeout throws
 *   with the last value seen.
 *
 * The extension is built once per run by tests/e2e/global-setup.ts into a temp folder
 * (or HOWSOCIAL_E2E_DIST=<folder with chrome/ and firefox/>).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import type { Browser as PpBrowser } from 'puppeteer-core';
import { inject } from 'vitest';
import { CHROMIUM_FLAGS } from '../../scripts/lib/chromium.ts';
import { FIREFOX_UUID, gotoExtensionPage, launchFirefox as launchFirefoxProfile } from '../../scripts/lib/firefox.ts';
import type { Audit } from '../../src/contract';
import type { Settings } from '../../src/settings';
import type { AuditFindingsRow, AuditRow, FindingRow } from '../../src/storage/db';
import { type FixtureServer, serveFixtures } from './server';

export type BrowserName = 'chromium' | 'firefox';

/**
 * Networks' own hosts the tests serve from the fixture server, for adapters that know a page by
 * its host (mobile Facebook, LinkedIn): `ext.hostedPage(host, path, html)` gives
 * `http://<host>:<port><path>`. Chromium routes those requests to the server (its HSTS preload
 * list turns them into https first), Firefox resolves the hosts to 127.0.0.1
 * (`network.dns.localDomains`, with the preload list and HTTPS-First off). Nothing leaves localhost.
 */
export const MAPPED_HOSTS = ['m.facebook.com', 'mbasic.facebook.com', 'www.linkedin.com'];

export const browsers: BrowserName[] = (process.env.HOWSOCIAL_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is BrowserName => s === 'chromium' || s === 'firefox');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
// The add-on id and the fixed moz-extension UUID (so tests open extension pages by URL) are the CLI's.
export { FIREFOX_UUID, GECKO_ID, gotoExtensionPage } from '../../scripts/lib/firefox.ts';

export interface Badge {
  text: string;
  color: [number, number, number, number];
  title: string;
}

type Fn<A, R> = (arg: A) => R | Promise<R>;

/** What Playwright's and Puppeteer's pages have in common, as far as a TabPage needs. */
interface DriverPage {
  url(): string;
  evaluate(fn: never, arg: never): Promise<unknown>;
  reload(): Promise<unknown>;
  close(): Promise<void>;
}

/** A Playwright or a Puppeteer page as a TabPage (without its tab id, which needs the extension). */
function tabPage(page: DriverPage): Omit<TabPage, 'tabId'> {
  return {
    url: page.url(),
    evaluate: <R, A>(fn: Fn<A, R>, arg?: A) => page.evaluate(fn as never, arg as never) as Promise<R>,
    reload: async () => {
      await page.reload();
    },
    close: () => page.close(),
  };
}

export interface TabPage {
  tabId: number;
  url: string;
  evaluate<R, A = undefined>(fn: Fn<A, R>, arg?: A): Promise<R>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface PopupPage {
  url: string;
  click(selector: string): Promise<void>;
  text(selector: string): Promise<string>;
  waitFor(selector: string, timeout?: number): Promise<void>;
  count(selector: string): Promise<number>;
  evaluate<R, A = undefined>(fn: Fn<A, R>, arg?: A): Promise<R>;
  close(): Promise<void>;
}

export interface Ext {
  name: BrowserName;
  server: FixtureServer;
  extensionOrigin: string;
  openPage(url: string): Promise<TabPage>;
  /** serve `html` at `path` as a page of `host` (one of MAPPED_HOSTS): its URL to open */
  hostedPage(host: string, path: string, html: string): string;
  evalInPage<R, A = undefined>(page: TabPage, fn: Fn<A, R>, arg?: A): Promise<R>;
  evalInExtension<R, A = undefined>(fn: Fn<A, R>, arg?: A): Promise<R>;
  badge(tabId: number): Promise<Badge>;
  sessionAudit(tabId: number): Promise<Audit | null>;
  dbAudits(): Promise<AuditRow[]>;
  dbFindings(): Promise<FindingRow[]>;
  setSettings(patch: Partial<Settings>): Promise<void>;
  storageLocal(key: string): Promise<unknown>;
  openPopup(tabId: number): Promise<PopupPage>;
  /** an extension page by its path in the build (`popup/report.html?id=1`) */
  openExtensionPage(path: string): Promise<PopupPage>;
  close(): Promise<void>;
}

/** Poll `probe` until `until(value)` holds; on timeout throw with the last value seen. */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  until: (value: T) => boolean,
  { timeout = 15_000, interval = 100, what = 'condition' } = {},
): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (until(last)) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > end) {
      const seen = lastError && last === undefined ? String(lastError) : JSON.stringify(last)?.slice(0, 2000);
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Extension-side reads, written once and evaluated in the worker (Chromium) or an extension page (Firefox). */
const probes = {
  badge: async (tabId: number) => ({
    text: await chrome.action.getBadgeText({ tabId }),
    color: await chrome.action.getBadgeBackgroundColor({ tabId }),
    title: await chrome.action.getTitle({ tabId }),
  }),
  session: async (key: string) => (await chrome.storage.session.get(key))[key] ?? null,
  local: async (key: string) => (await chrome.storage.local.get(key))[key] ?? null,
  setSettings: async (patch: Record<string, unknown>) => {
    const got = (await chrome.storage.local.get('settings')).settings ?? {};
    await chrome.storage.local.set({ settings: { ...got, ...patch } });
  },
  tabs: async () => (await chrome.tabs.query({})).map((t) => ({ id: t.id, url: t.url })),
  dbRows: (store: string) =>
    new Promise<unknown[]>((resolve, reject) => {
      const open = indexedDB.open('howsocial');
      open.onerror = () => reject(open.error);
      open.onupgradeneeded = () => {
        // The database doesn't exist yet: don't create it with a wrong schema under Dexie's feet.
        open.transaction?.abort();
      };
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains(store)) {
          db.close();
          resolve([]);
          return;
        }
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => {
          db.close();
          resolve(req.result);
        };
        req.onerror = () => reject(req.error);
      };
    }).catch((err: unknown) => (String(err).includes('Abort') ? [] : Promise.reject(err))),
};

interface Driver {
  extensionOrigin: string;
  evalExt<R, A>(fn: Fn<A, R>, arg: A): Promise<R>;
  openTab(url: string): Promise<Omit<TabPage, 'tabId'>>;
  openExtPage(url: string): Promise<PopupPage>;
  close(): Promise<void>;
}

export async function launch(name: BrowserName): Promise<Ext> {
  const dist = inject('distDir');
  const server = await serveFixtures();
  const profile = mkdtempSync(join(tmpdir(), `howsocial-${name}-profile-`));
  let driver: Driver;
  try {
    driver =
      name === 'chromium'
        ? await launchChromium(join(dist, 'chrome'), profile, server.origin)
        : await launchFirefox(join(dist, 'firefox'), profile);
  } catch (err) {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  const claimed = new Set<number>();

  const ext: Ext = {
    name,
    server,
    extensionOrigin: driver.extensionOrigin,
    async openPage(url) {
      const tab = await driver.openTab(url);
      // The tab id as the extension sees it: the newest tab at this URL not handed out yet.
      const tabs = await waitFor(
        () => driver.evalExt(probes.tabs, undefined),
        (list) => list.some((t) => t.url === tab.url && t.id !== undefined && !claimed.has(t.id)),
        { what: `a tab at ${tab.url}` },
      );
      const tabId = Math.max(...tabs.filter((t) => t.url === tab.url && !claimed.has(t.id!)).map((t) => t.id!));
      claimed.add(tabId);
      return { ...tab, tabId };
    },
    hostedPage(host, path, html) {
      if (!MAPPED_HOSTS.includes(host)) throw new Error(`${host} is not in MAPPED_HOSTS`);
      server.page(path, html);
      return `http://${host}:${new URL(server.origin).port}${path}`;
    },
    evalInPage: (page, fn, arg) => page.evaluate(fn, arg),
    evalInExtension: (fn, arg) => driver.evalExt(fn, arg as never),
    badge: (tabId) => driver.evalExt(probes.badge, tabId) as Promise<Badge>,
    sessionAudit: (tabId) => driver.evalExt(probes.session, `audit:tab:${tabId}`) as Promise<Audit | null>,
    dbAudits: () => driver.evalExt(probes.dbRows, 'audits') as Promise<AuditRow[]>,
    // Schema v2 stores one row per audit; handed on as one row per finding with its auditId.
    dbFindings: async () =>
      ((await driver.evalExt(probes.dbRows, 'auditFindings')) as AuditFindingsRow[]).flatMap((r) =>
        r.findings.map((f): FindingRow => ({ ...f, auditId: r.auditId })),
      ),
    setSettings: (patch) => driver.evalExt(probes.setSettings, patch as Record<string, unknown>),
    storageLocal: (key) => driver.evalExt(probes.local, key),
    openPopup: (tabId) => driver.openExtPage(`${driver.extensionOrigin}popup/index.html?tab=${tabId}`),
    openExtensionPage: (path) => driver.openExtPage(`${driver.extensionOrigin}${path}`),
    async close() {
      await driver.close().catch(() => {});
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return ext;
}

async function launchChromium(extDir: string, profile: string, origin: string): Promise<Driver> {
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
  });
  try {
    await context.route(
      (url) => MAPPED_HOSTS.includes(url.hostname),
      async (route) => {
        const url = new URL(route.request().url());
        route.fulfill({ response: await route.fetch({ url: `${origin}${url.pathname}${url.search}` }) });
      },
    );
    const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionOrigin = new URL('/', worker.url()).href;
    // The worker may be stopped and restarted (MV3): always evaluate in the live one, and when
    // none is running, wait for the next event (a content-script message) to start it.
    const currentWorker = async (): Promise<Worker> =>
      context.serviceWorkers().find((w) => w.url().startsWith(extensionOrigin)) ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    return {
      extensionOrigin,
      evalExt: async (fn, arg) => (await currentWorker()).evaluate(fn as never, arg) as never,
      async openTab(url) {
        const page = await context.newPage();
        await page.goto(url);
        return tabPage(page);
      },
      async openExtPage(url) {
        const page = await context.newPage();
        await page.goto(url);
        return {
          ...tabPage(page),
          click: (sel) => page.locator(sel).first().click(),
          text: async (sel) => (await page.locator(sel).first().textContent()) ?? '',
          waitFor: (sel, timeout = 15_000) => page.locator(sel).first().waitFor({ state: 'attached', timeout }),
          count: (sel) => page.locator(sel).count(),
        };
      },
      close: () => context.close(),
    };
  } catch (err) {
    await context.close();
    throw err;
  }
}

/**
 * The e2e's own prefs on top of the CLI's (scripts/lib/firefox.ts FIREFOX_PREFS): MAPPED_HOSTS
 * resolve to the fixture server, over http as it serves them.
 */
const E2E_FIREFOX_PREFS = {
  'network.dns.localDomains': MAPPED_HOSTS.join(','),
  'network.stricttransportsecurity.preloadlist': false,
  'dom.security.https_first': false,
  'dom.security.https_first_schemeless': false,
};

/** Firefox ESR over WebDriver BiDi with a fresh profile (the extension is installed after); the CLI's launcher. */
export function launchFirefoxBrowser(profile: string): Promise<PpBrowser> {
  return launchFirefoxProfile(profile, { executablePath: FIREFOX_PATH, prefs: E2E_FIREFOX_PREFS });
}

/**
 * Evaluate `expression` in Firefox's privileged (chrome) scope — what about:debugging and
 * about:addons do, e.g. terminate the event page or allow the add-on in private windows.
 * WebDriver BiDi reaches that scope with -remote-allow-system-access ("moz:scope": "chrome").
 */
export async function firefoxPrivileged(browser: PpBrowser, expression: string): Promise<unknown> {
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } })
    .connection;
  const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string }[];
  };
  const res = (
    await bidi.send('script.evaluate', { expression, target: { context: tree.contexts[0].context }, awaitPromise: true })
  ).result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
  if (res.type !== 'success') throw new Error(res.exceptionDetails?.text ?? 'privileged evaluation failed');
  return res.result?.value;
}

async function launchFirefox(extDir: string, profile: string): Promise<Driver> {
  const browser = await launchFirefoxBrowser(profile);
  try {
    await browser.installExtension(extDir);
    const extensionOrigin = `moz-extension://${FIREFOX_UUID}/`;
    // An extension page as the context for chrome.* calls: the event page itself can't be
    // driven over BiDi. options.html is inert (it only reads and writes settings).
    const helper = await browser.newPage();
    await gotoExtensionPage(helper, `${extensionOrigin}popup/options.html`);
    return {
      extensionOrigin,
      evalExt: (fn, arg) => helper.evaluate(fn as never, arg) as never,
      async openTab(url) {
        const page = await browser.newPage();
        await page.goto(url);
        return tabPage(page);
      },
      async openExtPage(url) {
        const page = await browser.newPage();
        await gotoExtensionPage(page, url);
        return {
          ...tabPage(page),
          click: async (sel) => {
            await page.locator(sel).click();
          },
          text: (sel) => page.$eval(sel, (el) => el.textContent ?? ''),
          waitFor: async (sel, timeout = 15_000) => {
            await page.waitForSelector(sel, { timeout });
          },
          count: (sel) => page.$$eval(sel, (els) => els.length),
        };
      },
      close: () => browser.close(),
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}
