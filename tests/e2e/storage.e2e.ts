import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AuditRow } from '../../src/storage/db';
import {
  browsers,
  CHROMIUM_PATH,
  type Ext,
  FIREFOX_UUID,
  GECKO_ID,
  firefoxPrivileged,
  gotoExtensionPage,
  launchFirefoxBrowser,
  launch,
  waitFor,
} from './harness';
import { type FixtureServer, serveFixtures } from './server';

/**
 * Storage under concurrency and worker restarts (issue 6): tabs auditing at the same moment all
 * get stored, and a service worker stopped while audits are on their way loses none of them.
 */
const closed = readFileSync(join(import.meta.dirname, 'fixtures', 'wp-comments-closed.html'), 'utf8');

describe.each(browsers)('storage (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it('five tabs auditing at once are all stored, each once', async () => {
    const urls = [1, 2, 3, 4, 5].map((i) => ext.server.page(`/parallel-${i}.html`, closed));
    const pages = await Promise.all(urls.map((u) => ext.openPage(u)));
    for (const p of pages) {
      await waitFor(
        () => ext.sessionAudit(p.tabId),
        (a) => a !== null,
        { what: `the audit of ${p.url}` },
      );
    }
    const stored = await waitFor(
      () => ext.dbAudits(),
      (rows) => urls.every((u) => rows.some((r) => r.url === u)),
      { what: 'all five audits in IndexedDB' },
    );
    for (const u of urls) expect(stored.filter((r) => r.url === u)).toHaveLength(1);
    // …with their findings linked to them
    const findings = await ext.dbFindings();
    for (const u of urls) {
      const id = stored.find((r) => r.url === u)!.id;
      expect(findings.some((f) => f.auditId === id)).toBe(true);
    }
  });
});

/**
 * The MV3 worker stopped while audits are on their way (Chromium: Firefox's event page can't be
 * stopped from outside). Playwright attaches DevTools to every service worker, and Chromium keeps
 * a worker with DevTools attached alive (ServiceWorker.stopWorker, Target.closeTarget and the
 * serviceworker-internals Stop button are all ignored then, tried), so this test drives Chromium
 * with puppeteer told not to attach to service workers, and stops the worker with the page-level
 * CDP ServiceWorker domain, as Chrome does to an idle worker.
 */
describe.runIf(browsers.includes('chromium'))('storage across worker stops (chromium)', () => {
  let browser: Browser;
  let server: FixtureServer;
  let profile: string;
  let origin: string;
  let helper: Page;
  let cdp: CDPSession;
  const running = new Map<string, string>();
  // Counted from the events, not read from `running`: a woken worker can be running again
  // before a poll would see it stopped.
  let stops = 0;

  /** IndexedDB rows and chrome.* answers, read from an extension page (same origin as the worker). */
  const audits = () => auditsIn(helper);
  const badgeOf = (url: string) =>
    helper.evaluate(async (u) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
      return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
    }, url);

  async function stopWorker(): Promise<boolean> {
    const versionId = [...running].find(([, status]) => status === 'running')?.[0];
    if (!versionId) return false;
    const before = stops;
    await cdp.send('ServiceWorker.stopWorker', { versionId });
    await waitFor(
      () => stops,
      (n) => n > before,
      { what: 'the worker to stop', timeout: 10_000, interval: 10 },
    );
    return true;
  }

  beforeAll(async () => {
    server = await serveFixtures();
    profile = mkdtempSync(join(tmpdir(), 'howsocial-sw-stop-'));
    const ext = join(inject('distDir'), 'chrome');
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      userDataDir: profile,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-sync',
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
      ],
      // Never attach DevTools to the worker: an attached worker is never stopped.
      targetFilter: (t) => t.type() !== 'service_worker',
    });
    const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
      timeout: 30_000,
    });
    origin = new URL('/', sw.url()).href;
    helper = await browser.newPage();
    await helper.goto(`${origin}popup/options.html`);
    cdp = await helper.createCDPSession();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(origin)) continue;
        if (v.runningStatus === 'stopped' && running.get(v.versionId) !== 'stopped') stops++;
        running.set(v.versionId, v.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('stopping the worker (the control): it really stops, and the next page wakes it', async () => {
    await waitFor(
      () => [...running.values()],
      (s) => s.includes('running'),
      { what: 'a running worker' },
    );
    expect(await stopWorker()).toBe(true);
    const url = server.page('/wake.html', closed);
    const tab = await browser.newPage();
    await tab.goto(url);
    await waitFor(
      () => badgeOf(url),
      (b) => b !== '',
      { what: 'the badge after the worker woke' },
    );
    // the badge is set as the audit arrives; its IndexedDB write commits a moment later
    await waitFor(
      () => audits(),
      (rows) => rows.some((a) => a.url === url),
      { what: 'the woken worker to store the audit' },
    );
  });

  it('a worker stopped between the write-ahead and the database write stores the audit at its next start', () =>
    stoppedBetweenWriteAheadAndDb({ helper, browser, server, stop: stopWorker, audits }));

  it('a worker stopped while audits are on their way loses none of them, nor anything stored before', async () => {
    const before = await audits();
    expect(before.length).toBeGreaterThan(0);
    const urls: string[] = [];
    for (let i = 0; i < 3; i++) {
      const url = server.page(`/mid-audit-${i}.html`, closed);
      urls.push(url);
      const tab = await browser.newPage();
      // The content script runs at document_idle and messages the worker; stop it meanwhile.
      const loading = tab.goto(url);
      await waitFor(
        () => [...running.values()],
        (s) => s.includes('running'),
        { what: 'a running worker to stop', interval: 10 },
      );
      await stopWorker();
      await loading;
      await waitFor(
        () => badgeOf(url),
        (b) => b !== '',
        { what: `the badge of ${url} after the worker was stopped` },
      );
    }
    const after = await waitFor(
      () => audits(),
      (rows) => urls.every((u) => rows.some((r) => r.url === u)),
      { what: 'every audit stored across worker stops' },
    );
    for (const row of before) expect(after).toContainEqual(row);
    for (const u of urls) expect(after.filter((r) => r.url === u)).toHaveLength(1);
  });
});

/**
 * Deterministic: an extension page holds a readwrite transaction on `audits`, so the worker's
 * database write (IndexedDB runs overlapping readwrite transactions one after the other) waits
 * behind it — after the write-ahead entry is in storage.session. The worker is stopped right
 * there; only the start-up flush of the next worker can store the audit. Removing that flush
 * (src/background/index.ts flushPending) fails this test, in both browsers.
 */
async function stoppedBetweenWriteAheadAndDb(t: {
  helper: Page;
  browser: Browser;
  server: FixtureServer;
  stop: () => Promise<boolean>;
  audits: () => Promise<AuditRow[]>;
}): Promise<void> {
  const { helper, server } = t;
  await helper.evaluate(() => {
    const w = window as unknown as { releaseHold?: () => void };
    return new Promise<void>((held, failed) => {
      const open = indexedDB.open('howsocial');
      open.onerror = () => failed(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('audits', 'readwrite');
        const store = tx.objectStore('audits');
        let release = false;
        w.releaseHold = () => {
          release = true;
        };
        // A chain of requests keeps the transaction active until released.
        const spin = () => {
          if (!release) store.count().onsuccess = spin;
        };
        spin();
        tx.oncomplete = () => db.close();
        held();
      };
    });
  });
  const url = server.page(`/between-${Date.now()}.html`, closed);
  const tab = await t.browser.newPage();
  await tab.goto(url);
  const pendingOf = () =>
    helper.evaluate(async (u) => {
      const all = await chrome.storage.session.get(null);
      return Object.keys(all).filter((k) => k.startsWith('pending:') && k.endsWith(u));
    }, url);
  await waitFor(pendingOf, (keys) => keys.length === 1, { what: 'the write-ahead entry of the audit' });
  expect(await t.stop()).toBe(true);
  await helper.evaluate(() => (window as unknown as { releaseHold: () => void }).releaseHold());
  // The worker is gone and its transaction with it: the audit is only in the write-ahead entry.
  expect((await t.audits()).some((a) => a.url === url)).toBe(false);
  expect(await pendingOf()).toHaveLength(1);
  // Wake the worker with a message of the popup's: its start-up flush stores the audit.
  await helper.evaluate(() => chrome.runtime.sendMessage({ type: 'audit-tab', tabId: 999_999 }).catch(() => null));
  const after = await waitFor(
    () => t.audits(),
    (rows) => rows.some((r) => r.url === url),
    { what: 'the woken worker to store the written-ahead audit' },
  );
  expect(after.filter((r) => r.url === url)).toHaveLength(1);
  await waitFor(pendingOf, (keys) => keys.length === 0, { what: 'the write-ahead entry to be removed' });
  await tab.close();
}

/** Every audit row of the `howsocial` database, read in an extension page (same origin as the background). */
function auditsIn(page: Page): Promise<AuditRow[]> {
  return page.evaluate(
    () =>
      new Promise<AuditRow[]>((resolve, reject) => {
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
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/**
 * Firefox's event page, stopped as about:debugging's "Terminate background script" does
 * (ExtensionParent.DebugUtils → extension.terminateBackground), from the browser's privileged
 * scope, which WebDriver BiDi reaches with -remote-allow-system-access. `disableResetIdleForTest`:
 * a listener still waiting (our onMessage answer) would otherwise postpone the stop.
 */
describe.runIf(browsers.includes('firefox'))('storage across event-page stops (firefox)', () => {
  let browser: Browser;
  let server: FixtureServer;
  let profile: string;
  let helper: Page;
  const privileged = (expression: string) => firefoxPrivileged(browser, expression);
  const backgroundState = () =>
    privileged(`WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.backgroundState`) as Promise<string>;

  async function stopEventPage(): Promise<boolean> {
    await waitFor(backgroundState, (s) => s === 'running', { what: 'a running event page' });
    await privileged(
      `WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true })`,
    );
    await waitFor(backgroundState, (s) => s === 'stopped', { what: 'the event page to stop', interval: 10 });
    return true;
  }

  beforeAll(async () => {
    server = await serveFixtures();
    profile = mkdtempSync(join(tmpdir(), 'howsocial-ff-stop-'));
    browser = await launchFirefoxBrowser(profile);
    await browser.installExtension(join(inject('distDir'), 'firefox'));
    helper = await browser.newPage();
    await gotoExtensionPage(helper, `moz-extension://${FIREFOX_UUID}/popup/options.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('terminating the event page (the control): it really stops, and a message wakes it', async () => {
    expect(await stopEventPage()).toBe(true);
    await helper.evaluate(() => chrome.runtime.sendMessage({ type: 'audit-tab', tabId: 999_999 }).catch(() => null));
    await waitFor(backgroundState, (s) => s === 'running', { what: 'the woken event page' });
  });

  it('an event page stopped between the write-ahead and the database write stores the audit at its next start', () =>
    stoppedBetweenWriteAheadAndDb({ helper, browser, server, stop: stopEventPage, audits: () => auditsIn(helper) }));
});
