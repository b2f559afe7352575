// Runs the built extension over pages in one headless Chromium and reads back what it stored.
// Offline and deterministic: every request is intercepted; only the page itself and the
// extension's own files get through (see route handler below).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { launchWithExtension } from './chromium.mjs';
import { ROOT } from './messages.mjs';
import { htmlContentType, originalUrlOf } from './original-url.mjs';

/** The unpacked Chrome build the CLI loads: --dist, else $HOWSOCIAL_DIST/chrome, else dist/chrome. */
export function distChromeDir(dist = null) {
  return resolve(ROOT, dist ?? join(process.env.HOWSOCIAL_DIST ?? 'dist', 'chrome'));
}

/** Build when the unpacked extension is missing (a fresh clone runs `npm run audit` first). */
export function ensureBuilt(dir, log = () => {}) {
  if (existsSync(join(dir, 'manifest.json'))) return;
  log(`no build at ${dir}: building (node scripts/build.mjs chrome) …`);
  const out = dir.replace(/[\\/]chrome[\\/]?$/, '');
  const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'chrome'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, HOWSOCIAL_DIST: out },
  });
  if (res.status !== 0 || !existsSync(join(dir, 'manifest.json'))) throw new Error(`build failed (exit ${res.status})`);
}

function withoutHash(url) {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/**
 * Resolve one CLI input to what the browser loads.
 * @returns {Promise<{ input: string, url: string, source: string, body: Buffer | null }>}
 */
export async function resolveInput({ input, isUrl, url }) {
  if (isUrl) return { input, url: new URL(input).href, source: 'url', body: null };
  const body = await readFile(input);
  const orig = originalUrlOf(body.toString('utf8'), { url, fileName: basename(input) });
  return { input, url: orig.url, source: orig.source, body };
}

/**
 * @param {{ dist: string, timeout?: number, log?: (line: string) => void }} options
 */
export async function createAuditor({ dist, timeout = 15_000, log = () => {} }) {
  const browser = await launchWithExtension(dist, { headless: true });
  const { context, extensionId } = browser;
  /** the page being audited now: inputs run one after another, so one slot is enough */
  let current = null;

  await context.route('**/*', async (route, request) => {
    const url = request.url();
    // The crxjs loader imports the content script from chrome-extension://…: blocking it would
    // leave every page silently unaudited.
    if (url.startsWith('chrome-extension://')) return route.continue();
    const isMainDoc = current && request.isNavigationRequest() && request.frame() === current.page?.mainFrame();
    if (isMainDoc && withoutHash(url) === withoutHash(current.url)) {
      if (current.body) {
        return route.fulfill({ status: 200, body: current.body, headers: { 'content-type': htmlContentType(current.body) } });
      }
      return route.continue();
    }
    // A live URL may redirect (http → https, trailing slash): its own main-frame hops go through.
    if (isMainDoc && !current.body) return route.continue();
    return route.abort('blockedbyclient');
  });

  /**
   * An extension page of the loaded extension, opened once: the CLI asks the worker for an audit
   * the way the popup does (`audit-tab`), so the worker reads the tab's page model and judges it.
   */
  let extPage = null;
  async function extensionPage() {
    if (extPage && !extPage.isClosed()) return extPage;
    extPage = await context.newPage();
    await extPage.goto(`chrome-extension://${extensionId}/popup/learn.html`, { waitUntil: 'domcontentloaded', timeout });
    return extPage;
  }

  /**
   * What the extension has for this page. The stored audit (`audit:tab:<id>`, written by the
   * worker on the content script's passive read) wins; until it is there, the worker is asked with
   * `audit-tab`, the popup's "audit this page" message: it has the content script read the page
   * and judges the model — kind 'other' where no adapter claims the page, which the content script
   * never sends passively and the CLI used to wait out to its full timeout. `answered` is false
   * while the tab or its content script is not ready yet.
   */
  async function askTab(pageUrl) {
    const ext = await extensionPage();
    return ext.evaluate(async (u) => {
      const strip = (s) => (s ?? '').split('#')[0];
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => strip(t.url) === strip(u)) ?? tabs.find((t) => strip(t.pendingUrl) === strip(u));
      if (!tab?.id) return { answered: false, audit: null };
      const key = `audit:tab:${tab.id}`;
      const got = await chrome.storage.session.get(key);
      if (got[key]) return { answered: true, audit: got[key] };
      const res = await chrome.runtime.sendMessage({ type: 'audit-tab', tabId: tab.id });
      // no-access / failed: not ready yet (or the adapter threw); keep waiting for a passive audit
      if (res?.audit) return { answered: true, audit: res.audit };
      if (res?.error === 'not-audited') return { answered: true, audit: null };
      return { answered: false, audit: null };
    }, pageUrl);
  }

  /**
   * Audit one resolved input. `audit` is null for a page that is neither an article nor a
   * profile; `timedOut` says the extension gave no answer at all within the timeout.
   * @returns {Promise<{ url: string, audit: object | null, error: string | null, ms: number, timedOut: boolean }>}
   */
  async function audit(target) {
    const started = Date.now();
    const page = await context.newPage();
    current = { ...target, page };
    const done = (url, audit, error = null, timedOut = false) => ({ url, audit, error, ms: Date.now() - started, timedOut });
    try {
      let response;
      try {
        response = await page.goto(target.url, { waitUntil: 'domcontentloaded', timeout });
      } catch (err) {
        return done(target.url, null, `could not load: ${firstLine(err.message)}`);
      }
      if (response && !target.body && response.status() >= 400) return done(target.url, null, `HTTP ${response.status()}`);
      const deadline = started + timeout;
      // Ask only once the page has loaded: an adapter asked earlier could miss late markup. Every
      // outside request is blocked, so "load" follows the document within moments.
      await page.waitForLoadState('load', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => {});
      const pageUrl = page.url();
      let lastError = null;
      // Wait on the condition (a stored audit or the content script's answer), polling the worker.
      while (Date.now() < deadline) {
        try {
          const got = await askTab(pageUrl);
          if (got.answered) return done(pageUrl, !got.audit || got.audit.kind === 'other' ? null : got.audit);
          lastError = null;
        } catch (err) {
          // The MV3 worker may be restarting between polls; ask for the new one next round.
          lastError = err;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      if (lastError) log(`  (reading the extension's storage failed: ${firstLine(lastError.message)})`);
      return done(pageUrl, null, null, true);
    } finally {
      current = null;
      await page.close().catch(() => {});
    }
  }

  return { audit, context, extensionId, close: browser.close };
}

function firstLine(s) {
  return String(s).split('\n')[0];
}
