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
import { BATCH_KEY } from '../../src/background/session';
import type { Audit } from '../../src/contract';
import { SETTINGS_KEY } from '../../src/settings';
import type { FoundBrowser } from './browsers.ts';
import {
  chromiumDriver,
  chromiumPipeDriver,
  type DriverTab,
  firefoxDriver,
  INSTALL_CLOCK,
  type MainResponse,
} from './drivers.ts';
import { originalUrlOf, saveCommentOf, type UrlSource } from './original-url.ts';
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
  /** where the page's time went, in ms per phase (open, navigate, load, ask, close, …): the benchmark's profile */
  phases: Record<string, number>;
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

function firstLine(s: unknown): string {
  return String(s).split('\n')[0];
}

export interface AuditorOptions {
  /** the unpacked build for `browser`'s family (dist/chrome or dist/firefox) */
  dist: string;
  /** the browser to drive (browsers.ts findBrowser) */
  browser: FoundBrowser;
  /** fully offline: only for saved files without --live */
  offline: boolean;
  /** let pages load everything and wait for them to settle */
  live: boolean;
  timeout?: number;
  settle?: number;
  noSandbox?: boolean;
  handleSignals?: boolean;
  /** pages audited at once (a batch's concurrency); null: not a batch */
  pagesAtOnce?: number | null;
  log?: (line: string) => void;
}

export interface Auditor {
  audit(target: Target): Promise<PageResult>;
  /** set the background's clock (epoch ms) or back to real time (null); call with no page in flight */
  setClock(ms: number | null): Promise<void>;
  close(): Promise<void>;
}

// Code that runs in the browser is kept as source text: tsx compiles this file with esbuild's
// keepNames, whose __name helper does not exist in the page.

/** In an extension page: the id of the tab showing `url` (fragment ignored). */
const TAB_ID_OF = `async (u) => {
  const strip = (s) => (s || '').split('#')[0];
  const tabs = await chrome.tabs.query({});
  const tab = tabs.find((t) => strip(t.url) === strip(u)) || tabs.find((t) => strip(t.pendingUrl) === strip(u));
  return tab && tab.id !== undefined ? tab.id : null;
}`;

/**
 * In a page: how much there is, as a string that changes while the document loads and when
 * elements or loaded resources are added.
 */
const PAGE_SIGNATURE = `document.readyState + '/' + document.getElementsByTagName('*').length + '/' + performance.getEntriesByType('resource').length`;
/** Quiet this long counts as settled: longer than the gaps between an embed's script, its frame and its comments. */
const SETTLE_QUIET_MS = 750;
/** How often a live page is looked at while it settles. */
const SETTLE_POLL_MS = 100;
/** Before asking again when the extension had no answer yet (its worker restarting, the tab still committing). */
const RETRY_MS = 50;

/**
 * The extension asked on the CLI's behalf only: the passive read of every page would extract and
 * judge it a second time. And the browser runs a batch (src/background/session.ts BATCH_KEY): an
 * audit is answered and not kept — no badge, popup copy or history row, each a handful of calls
 * to the browser and an IndexedDB transaction per page that nobody reads.
 */
const BATCH_PROFILE = `Promise.all([
  chrome.storage.local.get(${JSON.stringify(SETTINGS_KEY)}).then((got) =>
    chrome.storage.local.set({ [${JSON.stringify(SETTINGS_KEY)}]: { ...(got[${JSON.stringify(SETTINGS_KEY)}] || {}), passive: false } })),
  chrome.storage.session.set({ [${JSON.stringify(BATCH_KEY)}]: true }),
])`;

/** A browser tab the auditor keeps for the next page (offline): what it serves now, and its tab id once known. */
interface Slot {
  tab: DriverTab | null;
  served: Target | null;
  tabId: number | null;
}

export async function createAuditor(options: AuditorOptions): Promise<Auditor> {
  const {
    dist,
    browser,
    offline,
    live,
    timeout = 30_000,
    settle = 10_000,
    noSandbox = false,
    handleSignals = true,
    pagesAtOnce = null,
    log = () => {},
  } = options;
  // Offline Chromium goes over the DevTools pipe with nothing attached to its tabs but what an
  // audit needs (drivers.ts chromiumPipeDriver); URLs and --live need Playwright's routing.
  const launch = browser.family === 'firefox' ? firefoxDriver : offline && !live ? chromiumPipeDriver : chromiumDriver;
  const driver = await launch({
    dist,
    executablePath: browser.path,
    offline,
    live,
    timeout,
    noSandbox,
    handleSignals,
    pagesAtOnce,
  });
  try {
    await driver.control(BATCH_PROFILE);
  } catch (err) {
    await driver.close();
    throw err;
  }
  let clock: number | null = null;
  /**
   * Tabs between pages. Offline a tab is used again for the next page: opening and closing one
   * cost as much as navigating it (measured: 22 % and 9 % of a page's time), and its tab id is
   * known. A live page keeps loading and running after its audit, so it gets a fresh tab.
   */
  const idle: Slot[] = [];

  async function setClock(ms: number | null): Promise<void> {
    clock = ms;
    await driver.setBackgroundClock(ms);
  }

  /** Re-install the clock when the background was restarted since (a new one starts with real time). */
  async function ensureClock(): Promise<void> {
    if (clock !== null && (await driver.backgroundClock()) !== clock) await driver.setBackgroundClock(clock);
  }

  /** The tab id of a page: the one open tab on its URL (the caller never runs one URL twice at once). */
  async function tabIdOf(url: string): Promise<number | null> {
    return driver.control(`(${TAB_ID_OF})(${JSON.stringify(url)})`) as Promise<number | null>;
  }

  /** The page's own clock, in the extension's isolated world of that tab (where content scripts run). */
  async function setTabClock(tabId: number, ms: number): Promise<void> {
    // An expression, not a function: the clock's source is text (see INSTALL_CLOCK).
    await driver.control(`chrome.scripting.executeScript({
      target: { tabId: ${tabId}, frameIds: [0] },
      world: 'ISOLATED',
      injectImmediately: true,
      func: ${INSTALL_CLOCK},
      args: [${JSON.stringify(ms)}],
    })`);
  }

  /**
   * Let a live page finish: loaded, no request in flight, and no new elements or loaded resources,
   * for SETTLE_QUIET_MS; at most `settle` ms (a page that never stops, e.g. a ticker, is audited then).
   */
  async function settleLive(tab: DriverTab, until: number): Promise<void> {
    const end = Math.min(Date.now() + settle, until);
    let last = '';
    let stableSince = Date.now();
    while (Date.now() < end) {
      const sig = `${tab.inFlight()}:${await tab.evaluate(PAGE_SIGNATURE).catch(() => '')}`;
      if (sig !== last || tab.inFlight() > 0 || !sig.includes(':complete/')) {
        last = sig;
        stableSince = Date.now();
      } else if (Date.now() - stableSince >= SETTLE_QUIET_MS) {
        return;
      }
      await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
    }
  }

  async function audit(target: Target): Promise<PageResult> {
    const started = Date.now();
    const deadline = started + timeout;
    const phases: Record<string, number> = {};
    let lap = performance.now();
    /** the time since the last mark, added to `phase` */
    const mark = (phase: string) => {
      const now = performance.now();
      phases[phase] = (phases[phase] ?? 0) + (now - lap);
      lap = now;
    };
    const slot: Slot = (!live && idle.pop()) || { tab: null, served: null, tabId: null };
    slot.served = target;
    slot.tab ??= await driver.openTab(() => slot.served);
    const tab = slot.tab;
    mark('open');
    let reusable = false;
    const done = (url: string, audit: Audit | null, error: string | null = null, timedOut = false): PageResult => {
      reusable = !timedOut;
      return { url, audit, error, ms: Date.now() - started, timedOut, phases };
    };
    try {
      let response: MainResponse | null;
      try {
        response = await tab.goto(target.url, timeout);
        mark('navigate');
      } catch (err) {
        return done(target.url, null, explainLoadError((err as Error).message, target.url));
      }
      if (response && !target.body) {
        if (response.status >= 400)
          return done(target.url, null, `the server answered HTTP ${response.status} ${response.statusText}`.trim());
        const type = response.contentType.split(';')[0].trim().toLowerCase();
        if (type && type !== 'text/html' && type !== 'application/xhtml+xml')
          return done(target.url, null, `not an HTML page (${type})`);
      }
      // Offline the document is all there is once it has been parsed (DOMContentLoaded): every
      // other request is refused, so waiting for `load` only waits for the refusals. A live page
      // loads and renders on: it is asked once it has settled.
      if (live) {
        await settleLive(tab, deadline);
        mark('settle');
      }
      const pageUrl = tab.url();
      let lastError: string | null = null;
      while (Date.now() < deadline) {
        try {
          slot.tabId ??= await tabIdOf(pageUrl);
          mark('tab id');
          if (slot.tabId !== null) {
            if (target.clock !== null) {
              await ensureClock();
              await setTabClock(slot.tabId, target.clock);
              mark('clock');
            }
            // As JSON text: WebDriver BiDi hands deep objects over only to a depth, the audit's evidence lies deeper.
            const json = await driver.control(
              `chrome.runtime.sendMessage({ type: 'audit-tab', tabId: ${slot.tabId} }).then((r) => JSON.stringify(r ?? null))`,
            );
            const res = JSON.parse(String(json)) as { audit: Audit | null; error?: string } | null;
            mark('audit-tab');
            if (res?.audit) return done(pageUrl, res.audit.kind === 'other' ? null : res.audit);
            lastError = res?.error ?? 'no answer';
          }
        } catch (err) {
          // The MV3 worker may be restarting between asks; ask the new one next round.
          lastError = firstLine((err as Error).message);
        }
        await new Promise((r) => setTimeout(r, RETRY_MS));
        mark('retry wait');
      }
      if (lastError) log(`  (${target.input}: the extension gave no audit: ${lastError})`);
      return done(pageUrl, null, null, true);
    } finally {
      slot.served = null;
      if (reusable && !live) idle.push(slot);
      else {
        await tab.close().catch(() => {});
        mark('close');
      }
    }
  }

  return {
    audit,
    setClock,
    close: async () => {
      await driver.close();
    },
  };
}
