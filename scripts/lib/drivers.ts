// The two browsers the batch audit drives, behind one small interface (Driver): Chromium-family
// browsers over their DevTools pipe for saved files offline (chromiumPipeDriver) and through
// playwright-core for URLs and --live (the Chrome build, its service worker), and Firefox through
// puppeteer-core over WebDriver BiDi (the Firefox build, its event page). The auditor
// (./auditor.ts) does the rest the same way in both: navigate, ask the extension from one of its
// own pages with `audit-tab`, as the popup does.
import type { Page as PwPage, Request as PwRequest } from 'playwright-core';
import type { HTTPRequest, Page as PpPage } from 'puppeteer-core';
import type { CdpConnection } from './cdp.ts';
import { extensionWorker, launchWithExtension } from './chromium.ts';
import { launchOverPipe, VIEWPORT } from './chromium-pipe.ts';
import { FIREFOX_ORIGIN, launchFirefoxWithExtension } from './firefox.ts';
import { htmlContentType } from './original-url.ts';

/** What a tab is auditing: the URL it is served as and, for a saved file, its bytes. */
export interface Served {
  url: string;
  /** the saved file's bytes; null for a URL */
  body: Buffer | null;
}

/** The main document's answer, as far as the auditor judges it. */
export interface MainResponse {
  status: number;
  statusText: string;
  contentType: string;
}

export interface DriverTab {
  /** navigate; resolves at DOMContentLoaded with the main document's answer; throws the browser's load error */
  goto(url: string, timeout: number): Promise<MainResponse | null>;
  /** evaluate an expression in the page's own world */
  evaluate(expression: string): Promise<unknown>;
  url(): string;
  /** this tab's requests in flight (counted when the driver was made with `live`) */
  inFlight(): number;
  close(): Promise<void>;
}

export interface Driver {
  /** a new tab whose requests are answered for what `served()` says at the time of each request */
  openTab(served: () => Served | null): Promise<DriverTab>;
  /** evaluate an expression in the extension's control page, where chrome.* runs */
  control(expression: string): Promise<unknown>;
  /** set the clock of the extension's background (worker or event page): epoch ms, or null for real time */
  setBackgroundClock(ms: number | null): Promise<void>;
  /** what the background's clock is set to (null: real time, also after a restart) */
  backgroundClock(): Promise<number | null>;
  close(): Promise<void>;
}

export interface DriverOptions {
  /** the unpacked build for this browser (dist/chrome or dist/firefox) */
  dist: string;
  executablePath?: string;
  offline: boolean;
  live: boolean;
  timeout: number;
  noSandbox: boolean;
  handleSignals: boolean;
  /** pages audited at once (offline batches reuse page processes: chromium.ts offlineFlags) */
  pagesAtOnce: number | null;
}

/**
 * A Date whose "now" is `asOf` plus the time since it was set, installed as the global Date of
 * one JavaScript world `g` (the extension's background, or its isolated world in a tab, where
 * content scripts run). It still moves (the handlers wait in loops on Date.now) and starts at
 * `asOf` to the millisecond. Kept as source text: it runs in the browser, and a transpiler's
 * helpers (esbuild's __name, which tsx adds to named functions) must not end up inside it.
 */
export const INSTALL_CLOCK = `(asOf, g = globalThis) => {
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

export function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

export type RouteDecision = 'fulfill' | 'continue' | 'abort';

/**
 * What becomes of one request, in both browsers. Offline (saved files, no --live): the extension's
 * own files load, a saved page's document is answered from its bytes, a URL input's own document
 * (and its redirects) goes through; everything else is refused, also a service worker's own
 * requests (they belong to no tab). Live: a saved page's document is answered from its bytes,
 * everything else comes from the network.
 */
export function routeFor(
  served: Served | null | undefined,
  request: { url: string; mainDocument: boolean; extension: boolean; inTab: boolean },
  live: boolean,
): RouteDecision {
  if (request.extension) return 'continue';
  const ownDocument =
    request.inTab && request.mainDocument && served?.body != null && withoutHash(request.url) === withoutHash(served.url);
  if (ownDocument) return 'fulfill';
  if (live) return 'continue';
  if (request.inTab && request.mainDocument && served && served.body === null) return 'continue';
  return 'abort';
}

/** Requests in flight, counted from a page's request events (settling a live page waits for none). */
function counter(): { count: () => number; start(): void; end(): void } {
  let n = 0;
  return {
    count: () => n,
    start: () => {
      n++;
    },
    end: () => {
      n = Math.max(0, n - 1);
    },
  };
}

/** What Playwright's and Puppeteer's pages have in common, as far as a DriverTab needs. */
interface AnyPage {
  goto(
    url: string,
    options: { waitUntil: 'domcontentloaded'; timeout: number },
  ): Promise<{ status(): number; statusText(): string; headers(): Record<string, string> } | null>;
  evaluate(expression: string): Promise<unknown>;
  url(): string;
  close(): Promise<void>;
}

function tabOf(page: AnyPage, inFlight: () => number): DriverTab {
  return {
    async goto(url, timeout) {
      const r = await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
      return r && { status: r.status(), statusText: r.statusText(), contentType: r.headers()['content-type'] ?? '' };
    },
    evaluate: (expression) => page.evaluate(expression),
    url: () => page.url(),
    inFlight,
    close: () => page.close(),
  };
}

/**
 * Offline, the saved page may run its own inline scripts and styles, and nothing else: its
 * images, scripts, styles, fonts, frames, fetches and sockets are refused by the page itself,
 * before a request exists (they would fail at the dead proxy anyway). Each of those requests
 * cost the browser process, and in Firefox a WebDriver BiDi round trip (60–120 on a typical
 * page). Content scripts are not bound by a page's policy. Links (preconnect, prefetch) are not
 * covered by CSP: the network layer shuts them.
 */
export const OFFLINE_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "form-action 'none'",
].join('; ');

/** The headers a saved page is served with (offline: with OFFLINE_CSP). */
export function savedPageHeaders(body: Buffer, offline: boolean): Record<string, string> {
  return { 'content-type': htmlContentType(body), ...(offline ? { 'content-security-policy': OFFLINE_CSP } : {}) };
}

export async function chromiumDriver(o: DriverOptions): Promise<Driver> {
  const browser = await launchWithExtension(o.dist, {
    headless: true,
    executablePath: o.executablePath,
    noSandbox: o.noSandbox,
    offline: o.offline,
    timeout: o.timeout,
    handleSignals: o.handleSignals,
  });
  const { context, extensionId } = browser;
  const tabs = new WeakMap<PwPage, () => Served | null>();
  /** A service worker's own request has no frame: asking it for one throws (and took a whole run down). */
  const pageOf = (request: PwRequest): PwPage | null => (request.serviceWorker() ? null : request.frame().page());
  // URLs and --live (offline saved files go over the pipe: chromiumPipeDriver): every request is
  // looked at, since the network is there.
  await context.route('**/*', async (route, request) => {
    const url = request.url();
    const extension = url.startsWith('chrome-extension://');
    const page = extension ? null : pageOf(request);
    const served = page ? tabs.get(page)?.() : null;
    const mainDocument = page !== null && request.isNavigationRequest() && request.frame() === page.mainFrame();
    const decision = routeFor(served, { url, mainDocument, extension, inTab: page !== null }, o.live);
    if (decision === 'fulfill' && served?.body)
      return route.fulfill({ status: 200, body: served.body, headers: savedPageHeaders(served.body, o.offline) });
    if (decision === 'continue') return route.continue();
    return route.abort('blockedbyclient');
  });
  // One extension page for the whole run: it asks the background the way the popup does. The
  // options page is used because it has no side effect (the popup would audit its active tab).
  const control = await context.newPage();
  await control.goto(`chrome-extension://${extensionId}/popup/options.html`, { timeout: o.timeout });
  const worker = () => extensionWorker(context, extensionId, o.timeout);
  return {
    async openTab(served) {
      const page = await context.newPage();
      tabs.set(page, served);
      const net = counter();
      if (o.live) {
        page.on('request', net.start);
        page.on('requestfinished', net.end);
        page.on('requestfailed', net.end);
      }
      return tabOf(page, net.count);
    },
    control: (expression) => control.evaluate(expression),
    setBackgroundClock: async (ms) => {
      await (await worker()).evaluate(`(${INSTALL_CLOCK})(${JSON.stringify(ms)})`);
    },
    backgroundClock: async () => (await (await worker()).evaluate('globalThis.__howsocialAsOf ?? null')) as number | null,
    close: browser.close,
  };
}

/** One tab's events over the pipe (the connection carries every tab's), and taking its listeners off at once. */
interface PipeTab {
  // biome-ignore lint/suspicious/noExplicitAny: an event's shape is the protocol's, per method
  on(method: string, listener: (params: any) => void): void;
  off(): void;
}

function pipeTab(cdp: CdpConnection, sessionId: string): PipeTab {
  const added: [string, (params: unknown, from: string) => void][] = [];
  return {
    on(method, listener) {
      const mine = (params: unknown, from: string) => {
        if (from === sessionId) listener(params);
      };
      added.push([method, mine]);
      cdp.on(method, mine);
    },
    off() {
      for (const [method, l] of added.splice(0)) cdp.off(method, l);
    },
  };
}

/**
 * Offline: only documents are stopped on their way out (the Fetch domain, for this tab), the
 * tab's own one answered from the saved bytes and any other (a frame's) refused. Everything else
 * a saved page asks for (its images, scripts, styles, fetches: 60–120 on a typical page) fails in
 * the browser at the dead proxy without a round trip to this process, which Playwright's route
 * makes for every request (measured: 25 % of a page's time).
 */
async function answerDocumentsOverPipe(
  tab: PipeTab,
  cdp: CdpConnection,
  sessionId: string,
  targetId: string,
  served: () => Served | null,
): Promise<void> {
  tab.on('Fetch.requestPaused', (e) => {
    const s = served();
    const mainDocument = e.frameId === targetId;
    const decision = routeFor(s, { url: e.request.url, mainDocument, extension: false, inTab: true }, false);
    const reply =
      decision === 'fulfill' && s?.body
        ? cdp.send(
            'Fetch.fulfillRequest',
            {
              requestId: e.requestId,
              responseCode: 200,
              responseHeaders: Object.entries(savedPageHeaders(s.body, true)).map(([name, value]) => ({ name, value })),
              body: s.body.toString('base64'),
            },
            sessionId,
          )
        : cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'BlockedByClient' }, sessionId);
    reply.catch(() => {}); // the tab navigated on or closed meanwhile: the request is gone
  });
  await cdp.send(
    'Fetch.enable',
    { patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }] },
    sessionId,
  );
}

/**
 * Offline batches in Chromium: the browser over its DevTools pipe (./chromium-pipe.ts), each tab
 * attached for its documents (Fetch), its navigation and its DOMContentLoaded (Page lifecycle
 * events), and nothing else — no Network, Runtime or Log events from the page, no isolated world
 * of a driver's in it. The viewport and focus are set as Playwright set them.
 */
export async function chromiumPipeDriver(o: DriverOptions): Promise<Driver> {
  const b = await launchOverPipe(o.dist, {
    executablePath: o.executablePath,
    timeout: o.timeout,
    noSandbox: o.noSandbox,
    handleSignals: o.handleSignals,
    pagesAtOnce: o.pagesAtOnce,
  });
  const { cdp } = b;
  let controlSession: string;
  try {
    // One extension page for the whole run, as chromiumDriver has (its options page: no side effect).
    controlSession = (await b.openTarget(`chrome-extension://${b.extensionId}/popup/options.html`)).sessionId;
    const until = Date.now() + o.timeout;
    while (
      (await b.evaluate(controlSession, `location.protocol === 'chrome-extension:' && document.readyState === 'complete'`)) !==
      true
    ) {
      if (Date.now() > until) throw new Error(`the extension's page did not load within ${o.timeout} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  } catch (err) {
    await b.close();
    throw err;
  }
  const control = (expression: string) => b.evaluate(controlSession, expression);
  // Any message wakes a stopped worker; this one is refused by it (not a message type).
  const worker = () => b.workerSession(() => control(`chrome.runtime.sendMessage({ type: 'wake' }).catch(() => {})`));
  return {
    async openTab(served) {
      const { sessionId, targetId } = await b.openTarget('about:blank');
      const events = pipeTab(cdp, sessionId);
      // The tab's URL as the browser has it (what chrome.tabs reports), as Playwright's page.url().
      let url = 'about:blank';
      events.on('Page.frameNavigated', (e) => {
        if (!e.frame.parentId) url = e.frame.url;
      });
      events.on('Page.navigatedWithinDocument', (e) => {
        if (e.frameId === targetId) url = e.url;
      });
      await Promise.all([
        answerDocumentsOverPipe(events, cdp, sessionId, targetId, served),
        cdp.send('Page.enable', {}, sessionId),
        cdp.send('Page.setLifecycleEventsEnabled', { enabled: true }, sessionId),
        cdp.send(
          'Emulation.setDeviceMetricsOverride',
          { ...VIEWPORT, deviceScaleFactor: 1, mobile: false, screenWidth: VIEWPORT.width, screenHeight: VIEWPORT.height },
          sessionId,
        ),
        cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true }, sessionId),
      ]);
      return {
        async goto(to, timeout) {
          // The DOMContentLoaded of this navigation's document (its loader), however early it comes.
          const seen = new Set<string>();
          let wake: ((loaderId: string) => void) | null = null;
          const listener = (e: { name: string; loaderId: string }, from: string) => {
            if (from !== sessionId || e.name !== 'DOMContentLoaded') return;
            seen.add(e.loaderId);
            wake?.(e.loaderId);
          };
          cdp.on('Page.lifecycleEvent', listener);
          let timer: NodeJS.Timeout | undefined;
          try {
            const nav = await cdp.send('Page.navigate', { url: to }, sessionId);
            if (nav.errorText) throw new Error(`${nav.errorText} at ${to}`);
            // No loader: a same-document navigation (only the fragment changed); the document is there.
            if (nav.loaderId && !seen.has(nav.loaderId))
              await new Promise<void>((ok, fail) => {
                wake = (id) => id === nav.loaderId && ok();
                timer = setTimeout(() => fail(new Error(`Timeout ${timeout}ms exceeded`)), timeout);
              });
            return null;
          } finally {
            clearTimeout(timer);
            cdp.off('Page.lifecycleEvent', listener);
          }
        },
        evaluate: (expression) => b.evaluate(sessionId, expression),
        url: () => url,
        inFlight: () => 0,
        close: async () => {
          events.off();
          await cdp.send('Target.closeTarget', { targetId }).catch(() => {});
        },
      };
    },
    control,
    setBackgroundClock: async (ms) => {
      await b.evaluate(await worker(), `(${INSTALL_CLOCK})(${JSON.stringify(ms)})`);
    },
    backgroundClock: async () => (await b.evaluate(await worker(), 'globalThis.__howsocialAsOf ?? null')) as number | null,
    close: b.close,
  };
}

export async function firefoxDriver(o: DriverOptions): Promise<Driver> {
  const ff = await launchFirefoxWithExtension(o.dist, {
    headless: true,
    executablePath: o.executablePath,
    offline: o.offline,
    timeout: o.timeout,
    handleSignals: o.handleSignals,
  });
  const control = (expression: string) => ff.control.evaluate(expression);
  // The event page is reached from the control page (same extension origin): getBackgroundPage
  // hands over its window, whose Date the clock replaces.
  const background = (then: string) => control(`browser.runtime.getBackgroundPage().then(${then})`);
  return {
    async openTab(served) {
      const page: PpPage = await ff.browser.newPage();
      const net = counter();
      await page.setRequestInterception(true);
      page.on('request', (request: HTTPRequest) => {
        if (request.isInterceptResolutionHandled()) return;
        const url = request.url();
        const s = served();
        const mainDocument = request.isNavigationRequest() && request.frame() === page.mainFrame();
        const decision = routeFor(s, { url, mainDocument, extension: url.startsWith(FIREFOX_ORIGIN), inTab: true }, o.live);
        if (o.live) net.start();
        const reply =
          decision === 'fulfill' && s?.body
            ? request.respond({ status: 200, body: s.body, headers: savedPageHeaders(s.body, o.offline) })
            : decision === 'continue'
              ? request.continue()
              : request.abort('blockedbyclient');
        reply.catch(() => {}); // the tab navigated on or closed meanwhile: the request is gone
      });
      if (o.live) {
        page.on('requestfinished', net.end);
        page.on('requestfailed', net.end);
      }
      return tabOf(page, net.count);
    },
    control,
    setBackgroundClock: async (ms) => {
      await background(`(bg) => (${INSTALL_CLOCK})(${JSON.stringify(ms)}, bg)`);
    },
    backgroundClock: async () => (await background('(bg) => bg.__howsocialAsOf ?? null')) as number | null,
    close: ff.close,
  };
}
