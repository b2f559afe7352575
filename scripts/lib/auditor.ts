// Runs the built extension over pages in one headless browser and gets each page's audit the way
// the popup does: from an extension page, chrome.runtime.sendMessage({ type: 'audit-tab', tabId }),
// which the background answers with { audit } (src/background/handlers.ts onAuditTab).
//
// Offline (saved files, no --live): the saved page is fulfilled by request interception and every
// other request is refused; beneath that, the browser has no way out at all (chromium.ts
// offlineFlags: a dead proxy for every scheme, no DNS, no WebRTC UDP). Online (URLs, or --live):
// without --live only the document itself is fetched; with --live the page loads everything and
// the audit waits for it to settle.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Page, Request } from 'playwright-core';
import type { Audit } from '../../src/contract';
import { extensionWorker, type LaunchedBrowser, launchWithExtension } from './chromium.ts';
import { htmlContentType, originalUrlOf, saveCommentOf, type UrlSource } from './original-url.ts';
import type { AsOf } from './shape.ts';

export interface Target {
  input: string;
  url: string;
  source: UrlSource | 'url';
  /** the saved file's bytes; null for a URL */
  body: Buffer | null;
  asOf: AsOf;
  /** epoch ms the worker's and the page's clocks are set to; null = the real clock */
  clock: number | null;
}

export interface PageResult {
  url: string;
  audit: Audit | null;
  error: string | null;
  ms: number;
  timedOut: boolean;
}

const DAY_MS = 86_400_000;

/** A day's date as the report writes it (2024-05-31), or the full ISO time when it is not midnight UTC. */
export function asOfText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}

/**
 * Is this file a web page? Binary data (NUL bytes, as in images, PDFs, archives) or text without a
 * single HTML tag is refused with a sentence saying so, before any browser starts.
 */
export function notHtmlReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'the file is empty';
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    const magic = Buffer.from(head.subarray(0, 8)).toString('latin1');
    const kind = magic.startsWith('%PDF')
      ? 'a PDF'
      : magic.startsWith('\x89PNG')
        ? 'a PNG image'
        : magic.startsWith('PK')
          ? 'a ZIP archive'
          : magic.startsWith('\xff\xd8')
            ? 'a JPEG image'
            : 'binary data';
    return `not an HTML file (${kind})`;
  }
  const text = Buffer.from(head).toString('utf8');
  if (/^\s*%PDF/.test(text)) return 'not an HTML file (a PDF)';
  if (!/<(!doctype\s+html|html|head|body|article|main|div|p|a|section|header|title|meta)[\s>/]/i.test(text)) {
    return /^\s*[[{]/.test(text) ? 'not an HTML file (looks like JSON)' : 'not an HTML file (no HTML tags in it)';
  }
  return null;
}

/** Resolve one input to what the browser loads, with the date its time-dependent rules are judged at. */
export async function resolveInput(
  { input, isUrl, url }: { input: string; isUrl: boolean; url: string | null },
  { asOf = null, now = Date.now() }: { asOf?: number | null; now?: number } = {},
): Promise<Target> {
  const given = asOf === null ? null : ({ date: asOfText(asOf), source: 'option' } as const);
  if (isUrl) {
    return {
      input,
      url: new URL(input).href,
      source: 'url',
      body: null,
      asOf: given ?? { date: asOfText(now), source: 'now' },
      clock: asOf,
    };
  }
  const body = await readFile(input);
  const why = notHtmlReason(body);
  if (why) throw new Error(why);
  const html = body.toString('utf8');
  const orig = originalUrlOf(html, { url, fileName: basename(input) });
  if (given) return { input, url: orig.url, source: orig.source, body, asOf: given, clock: asOf };
  // The day the page was saved (UTC): pages saved the same day share one clock, so they can be
  // audited side by side (the worker has one clock), and the stale rule counts in days anyway.
  const saved = saveCommentOf(html)?.saved ?? null;
  if (saved !== null) {
    const day = saved - (saved % DAY_MS);
    return { input, url: orig.url, source: orig.source, body, asOf: { date: asOfText(day), source: 'saved' }, clock: day };
  }
  return { input, url: orig.url, source: orig.source, body, asOf: { date: asOfText(now), source: 'now' }, clock: null };
}

/** Browser network errors in words: the names Chromium reports are not for users. */
const NET_ERRORS: Record<string, string> = {
  ERR_NAME_NOT_RESOLVED: 'the host name does not exist (DNS lookup failed)',
  ERR_NAME_RESOLUTION_FAILED: 'the host name could not be looked up',
  ERR_CONNECTION_REFUSED: 'the server refused the connection (nothing listens there)',
  ERR_CONNECTION_RESET: 'the server closed the connection',
  ERR_CONNECTION_CLOSED: 'the server closed the connection without an answer',
  ERR_CONNECTION_TIMED_OUT: 'the server did not answer (connection timed out)',
  ERR_TIMED_OUT: 'the page took too long to load',
  ERR_ADDRESS_UNREACHABLE: 'the server is unreachable',
  ERR_INTERNET_DISCONNECTED: 'this machine is offline',
  ERR_TOO_MANY_REDIRECTS: 'the page redirects in a loop',
  ERR_SSL_PROTOCOL_ERROR: 'the secure connection failed (TLS error)',
  ERR_EMPTY_RESPONSE: 'the server sent an empty answer',
  ERR_INVALID_RESPONSE: 'the server sent an invalid answer',
  ERR_BLOCKED_BY_CLIENT: 'the request was blocked (offline audit)',
  ERR_PROXY_CONNECTION_FAILED: 'the page needs the network, but this audit is offline',
  ERR_ABORTED: 'the browser did not open it as a page (a download or a file it cannot show)',
};

/** "net::ERR_UNSAFE_PORT at http://localhost:1/" → "port 1 is blocked by the browser (an unsafe port)". */
export function explainLoadError(message: string, url: string): string {
  const code = /net::(ERR_[A-Z_]+)/.exec(message)?.[1];
  if (!code) {
    if (/Timeout \d+ms exceeded/.test(message)) return 'the page took too long to load';
    return firstLine(message);
  }
  if (code === 'ERR_UNSAFE_PORT') {
    let port = '';
    try {
      port = new URL(url).port;
    } catch {}
    return `port ${port || '?'} is blocked by the browser (an unsafe port: browsers refuse it for every page)`;
  }
  if (code.startsWith('ERR_CERT_'))
    return `the site's certificate is not valid (${code.slice(4).toLowerCase().replace(/_/g, ' ')})`;
  return NET_ERRORS[code] ?? `the page could not be loaded (${code})`;
}

function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

function firstLine(s: unknown): string {
  return String(s).split('\n')[0];
}

export interface AuditorOptions {
  dist: string;
  /** fully offline: only for saved files without --live */
  offline: boolean;
  /** let pages load everything and wait for them to settle */
  live: boolean;
  timeout?: number;
  settle?: number;
  executablePath?: string;
  noSandbox?: boolean;
  handleSignals?: boolean;
  log?: (line: string) => void;
}

export interface Auditor {
  audit(target: Target): Promise<PageResult>;
  /** set the worker's clock (epoch ms) or back to real time (null); call with no page in flight */
  setClock(ms: number | null): Promise<void>;
  /** resident memory of the browser's processes, for the benchmark (bytes; Linux only, else null) */
  browser: LaunchedBrowser;
  close(): Promise<void>;
}

/**
 * A Date whose "now" is `asOf` plus the time since it was set, installed as the global Date of
 * one JavaScript world (the extension's worker, or its isolated world in a tab, where content
 * scripts run). It still moves (the handlers wait in loops on Date.now) and starts at `asOf` to
 * the millisecond. Kept as source text: it runs in the browser, and a transpiler's helpers
 * (esbuild's __name) must not end up inside it.
 */
const INSTALL_CLOCK = `(asOf) => {
  const g = globalThis;
  const Real = g.__howsocialRealDate ?? g.Date;
  g.__howsocialRealDate = Real;
  g.__howsocialAsOf = asOf;
  if (asOf === null) { g.Date = Real; return; }
  const offset = asOf - Real.now();
  const Shifted = function (...args) {
    if (!new.target) return new Real(Real.now() + offset).toString();
    return args.length === 0 ? new Real(Real.now() + offset) : new Real(...args);
  };
  Object.setPrototypeOf(Shifted, Real);
  Object.defineProperty(Shifted, 'prototype', { value: Real.prototype });
  Object.defineProperty(Shifted, 'now', { value: () => Real.now() + offset });
  g.Date = Shifted;
}`;

// Code that runs in the browser is kept as source text: tsx compiles this file with esbuild's
// keepNames, whose __name helper does not exist in the page.

/** In an extension page: the id of the tab showing `url` (fragment ignored). */
const TAB_ID_OF = `async (u) => {
  const strip = (s) => (s || '').split('#')[0];
  const tabs = await chrome.tabs.query({});
  const tab = tabs.find((t) => strip(t.url) === strip(u)) || tabs.find((t) => strip(t.pendingUrl) === strip(u));
  return tab && tab.id !== undefined ? tab.id : null;
}`;

/** In a page: how much there is, as a string that changes when elements or loaded resources are added. */
const PAGE_SIGNATURE = `document.getElementsByTagName('*').length + '/' + performance.getEntriesByType('resource').length`;
/** Quiet this long counts as settled: longer than the gaps between an embed's script, its frame and its comments. */
const SETTLE_QUIET_MS = 750;

export async function createAuditor(options: AuditorOptions): Promise<Auditor> {
  const {
    dist,
    offline,
    live,
    timeout = 30_000,
    settle = 10_000,
    executablePath,
    noSandbox = false,
    handleSignals = true,
    log = () => {},
  } = options;
  const browser = await launchWithExtension(dist, { headless: true, executablePath, noSandbox, offline, timeout, handleSignals });
  const { context, extensionId } = browser;
  /** what each open tab is auditing, for the route handler */
  const targets = new WeakMap<Page, Target>();
  let clock: number | null = null;

  /**
   * The tab a request belongs to; null for a service worker's own request (a saved page may
   * register one), which has no frame: asking it for one throws and took the whole run down.
   */
  const pageOfRequest = (request: Request): Page | null => (request.serviceWorker() ? null : request.frame().page());

  if (!live) {
    await context.route('**/*', async (route, request) => {
      const url = request.url();
      // The extension's own files (its pages, the worker's imports) always load.
      if (url.startsWith('chrome-extension://')) return route.continue();
      const page = pageOfRequest(request);
      if (!page) return route.abort('blockedbyclient');
      const target = targets.get(page);
      const isMainDoc = target && request.isNavigationRequest() && request.frame() === page.mainFrame();
      if (isMainDoc && withoutHash(url) === withoutHash(target.url) && target.body) {
        return route.fulfill({ status: 200, body: target.body, headers: { 'content-type': htmlContentType(target.body) } });
      }
      // A URL input's own document, and its redirects (http → https, trailing slash), go through.
      if (isMainDoc && !target.body) return route.continue();
      return route.abort('blockedbyclient');
    });
  } else {
    // Live saved files: the document is ours, everything else comes from the network.
    await context.route('**/*', async (route, request) => {
      const page = pageOfRequest(request);
      if (!page) return route.fallback();
      const target = targets.get(page);
      if (
        target?.body &&
        request.isNavigationRequest() &&
        request.frame() === page.mainFrame() &&
        withoutHash(request.url()) === withoutHash(target.url)
      ) {
        return route.fulfill({ status: 200, body: target.body, headers: { 'content-type': htmlContentType(target.body) } });
      }
      return route.fallback();
    });
  }

  // One extension page for the whole run: it asks the background the way the popup does. The
  // options page is used because it has no side effect (the popup would audit its active tab).
  const control = await context.newPage();
  await control.goto(`chrome-extension://${extensionId}/popup/options.html`, { timeout });

  async function setClock(ms: number | null): Promise<void> {
    clock = ms;
    const worker = await extensionWorker(context, extensionId, timeout);
    await worker.evaluate(`(${INSTALL_CLOCK})(${JSON.stringify(ms)})`);
  }

  /** Re-install the clock when the worker was restarted since (a new worker starts with real time). */
  async function ensureClock(): Promise<void> {
    if (clock === null) return;
    const worker = await extensionWorker(context, extensionId, timeout);
    const set = await worker.evaluate(() => (globalThis as { __howsocialAsOf?: number | null }).__howsocialAsOf ?? null);
    if (set !== clock) await worker.evaluate(`(${INSTALL_CLOCK})(${JSON.stringify(clock)})`);
  }

  /** The tab id of a page: the one open tab on its URL (the caller never runs one URL twice at once). */
  async function tabIdOf(url: string): Promise<number | null> {
    return control.evaluate(`(${TAB_ID_OF})(${JSON.stringify(url)})`) as Promise<number | null>;
  }

  /** The page's own clock, in the extension's isolated world of that tab (where content scripts run). */
  async function setTabClock(tabId: number, ms: number): Promise<void> {
    // An expression, not a function: the clock's source is text (see INSTALL_CLOCK).
    await control.evaluate(`chrome.scripting.executeScript({
      target: { tabId: ${tabId}, frameIds: [0] },
      world: 'ISOLATED',
      injectImmediately: true,
      func: ${INSTALL_CLOCK},
      args: [${JSON.stringify(ms)}],
    })`);
  }

  /**
   * Let a live page finish: no request in flight, and no new elements or loaded resources, for
   * SETTLE_QUIET_MS; at most `settle` ms (a page that never stops, e.g. a ticker, is audited then).
   */
  async function settleLive(page: Page, until: number, net: { inFlight: number }): Promise<void> {
    const end = Math.min(Date.now() + settle, until);
    let last = '';
    let stableSince = Date.now();
    while (Date.now() < end) {
      const sig = `${net.inFlight}:${await page.evaluate(PAGE_SIGNATURE).catch(() => '')}`;
      if (sig !== last || net.inFlight > 0) {
        last = sig;
        stableSince = Date.now();
      } else if (Date.now() - stableSince >= SETTLE_QUIET_MS) {
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function audit(target: Target): Promise<PageResult> {
    const started = Date.now();
    const deadline = started + timeout;
    const page = await context.newPage();
    targets.set(page, target);
    // Requests in flight, counted from the first one (settleLive waits for none).
    const net = { inFlight: 0 };
    if (live) {
      page.on('request', () => net.inFlight++);
      page.on('requestfinished', () => net.inFlight--);
      page.on('requestfailed', () => net.inFlight--);
    }
    const done = (url: string, audit: Audit | null, error: string | null = null, timedOut = false): PageResult => ({
      url,
      audit,
      error,
      ms: Date.now() - started,
      timedOut,
    });
    try {
      let response: Awaited<ReturnType<Page['goto']>>;
      try {
        response = await page.goto(target.url, { waitUntil: 'domcontentloaded', timeout });
      } catch (err) {
        return done(target.url, null, explainLoadError((err as Error).message, target.url));
      }
      if (response && !target.body) {
        if (response.status() >= 400)
          return done(target.url, null, `the server answered HTTP ${response.status()} ${response.statusText()}`.trim());
        const type = (response.headers()['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (type && type !== 'text/html' && type !== 'application/xhtml+xml')
          return done(target.url, null, `not an HTML page (${type})`);
      }
      // Ask only once the page has loaded: an adapter asked earlier could miss late markup.
      await page.waitForLoadState('load', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => {});
      if (live) await settleLive(page, deadline, net);
      const pageUrl = page.url();
      let lastError: string | null = null;
      while (Date.now() < deadline) {
        try {
          const tabId = await tabIdOf(pageUrl);
          if (tabId !== null) {
            if (target.clock !== null) {
              await ensureClock();
              await setTabClock(tabId, target.clock);
            }
            const res = (await control.evaluate(`chrome.runtime.sendMessage({ type: 'audit-tab', tabId: ${tabId} })`)) as
              | { audit: Audit | null; error?: string }
              | undefined;
            if (res?.audit) return done(pageUrl, res.audit.kind === 'other' ? null : res.audit);
            lastError = res?.error ?? 'no answer';
          }
        } catch (err) {
          // The MV3 worker may be restarting between asks; ask the new one next round.
          lastError = firstLine((err as Error).message);
        }
        await new Promise((r) => setTimeout(r, 150));
      }
      if (lastError) log(`  (${target.input}: the extension gave no audit: ${lastError})`);
      return done(pageUrl, null, null, true);
    } finally {
      targets.delete(page);
      await page.close().catch(() => {});
    }
  }

  return {
    audit,
    setClock,
    browser,
    close: browser.close,
  };
}
