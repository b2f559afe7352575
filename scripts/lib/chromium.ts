// Launch a Chromium-family browser with the built extension loaded, the way the CLI, `npm start`
// and the e2e tests need it: a fresh profile per run (parallel runs never share state), and the
// extension's service worker handed back so callers can read chrome.storage from inside it.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { findBrowser } from './browsers.ts';

/** The browser the tools use when none is named: $HOWSOCIAL_CHROMIUM, else the lookup, else Debian's. */
export const CHROMIUM_PATH: string = process.env.HOWSOCIAL_CHROMIUM ?? chromiumOnThisMachine() ?? '/usr/bin/chromium';

function chromiumOnThisMachine(): string | null {
  const { found } = findBrowser();
  return found?.family === 'chromium' ? found.path : null;
}

/** Running as root, Chromium refuses to start with its sandbox; anyone else keeps it. */
export function needsNoSandbox(uid: number | null = typeof process.getuid === 'function' ? process.getuid() : null): boolean {
  return uid === 0;
}

/** Flags that keep runs quiet (no first-run UI, no background traffic of the browser itself). */
export const CHROMIUM_BASE_FLAGS: readonly string[] = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The base flags, plus --no-sandbox only where it is needed (root). */
export const CHROMIUM_FLAGS: readonly string[] = [...CHROMIUM_BASE_FLAGS, ...(needsNoSandbox() ? ['--no-sandbox'] : [])];

/**
 * No packet leaves the machine: request interception (Playwright's route) never sees WebRTC,
 * preconnects, DNS prefetch or WebSockets, so they are shut at the network layer instead.
 * - every scheme (http, https, ws, wss, ftp) goes to a proxy that is not there; `<-loopback>`
 *   removes Chromium's implicit bypass for localhost, so 127.0.0.1 is not reachable either;
 * - every host name resolves to "not found" without asking DNS;
 * - WebRTC may not use UDP outside the proxy (there is none), so no STUN packet;
 * - no DNS prefetch, no network prediction;
 * - no automatic HTTPS upgrade: Chromium turns an http:// navigation into https:// when it cannot
 *   rule HTTPS out (with every host "not found" it never can), so a saved http:// page (a Blogger
 *   post, say) would be asked for under another URL than the one it is served as, and refused.
 * The saved page itself and the extension's files still load: they are fulfilled by
 * interception and chrome-extension:// before any of this.
 */
export function offlineFlags(deadProxy: string, pagesAtOnce: number | null = null): string[] {
  return [
    `--proxy-server=${deadProxy}`,
    '--proxy-bypass-list=<-loopback>',
    '--host-resolver-rules=MAP * ~NOTFOUND',
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
    '--webrtc-ip-handling-policy=disable_non_proxied_udp',
    '--dns-prefetch-disable',
    `--disable-features=NetworkPrediction,NetworkServiceInProcess2,HttpsUpgrades,${PAGE_WORK_OFF}${pagesAtOnce ? ',IsolateOrigins,site-per-process' : ''}`,
    // the phishing classifier's and the reliability reports' work per page: offline, nothing to send
    '--disable-client-side-phishing-detection',
    '--disable-domain-reliability',
    ...(pagesAtOnce ? sharedRenderers(pagesAtOnce) : []),
  ];
}

/**
 * The browser's own work on every page that an audit never uses: Translate reads each page's
 * text and detects its language (in the page's renderer), the optimization hints and autofill
 * ask servers about it. Measured on the 200-page batch: about 4 % of its CPU (README).
 */
const PAGE_WORK_OFF = 'Translate,TranslateUI,OptimizationHints,AutofillServerCommunication';

/**
 * Offline batches: page processes are used again instead of one new process per page. Site
 * isolation starts a renderer for every site, and a batch of saved pages is a new site each
 * time: 189 renderer processes for 200 pages. Without it, and with at most one process per
 * page at once (plus the extension's and the browser UI's), the processes are reused: 12–16 % less CPU for the whole
 * run (measured on the 200-page benchmark, README). What site isolation guards against — a page
 * reading another site's data in its process, and sending it out — has nothing to work with
 * here: the pages are the user's own saved files, side by side, with no way out of the machine.
 * The sandbox stays on.
 */
function sharedRenderers(pagesAtOnce: number): string[] {
  // The limit counts every renderer: the pages', the extension's and the browser's own UI one.
  return ['--disable-site-isolation-trials', `--renderer-process-limit=${pagesAtOnce + 2}`];
}

/** A proxy address nobody listens on: the discard port of the loopback, closed on every sane machine. */
export const DEAD_PROXY = 'http://127.0.0.1:9';

export interface LaunchOptions {
  headless?: boolean;
  timeout?: number;
  executablePath?: string;
  /** run without the sandbox even when not root (--no-sandbox) */
  noSandbox?: boolean;
  /** shut every network path (offlineFlags) */
  offline?: boolean;
  /** close the browser and exit on Ctrl+C / kill (default); false when the caller handles them */
  handleSignals?: boolean;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * A browser's temporary profile, removed with it. Ctrl+C or kill: close the browser first (it
 * writes to the profile until it is gone), then remove the profile, then exit with the signal's
 * conventional code; at a plain exit the profile is removed too. `browser(fn)` names how to close
 * the browser once it runs.
 */
export function ownedProfile(
  userDataDir: string,
  handleSignals: boolean,
): { browser(close: () => Promise<unknown>): void; close(): Promise<void> } {
  let closeBrowser: () => Promise<unknown> = async () => {};
  const removeProfile = () => rmSync(userDataDir, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  const signals: NodeJS.Signals[] = handleSignals ? ['SIGINT', 'SIGTERM', 'SIGHUP'] : [];
  for (const sig of signals) process.once(sig, onSignal);
  process.once('exit', removeProfile);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      for (const sig of signals) process.off(sig, onSignal);
      process.off('exit', removeProfile);
      await closeBrowser().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    })();
    return closing;
  };
  return {
    browser: (fn) => {
      closeBrowser = fn;
    },
    close,
  };
}

/** The flags of a browser with the extension loaded: ours, the offline ones where asked, headless. */
export function extensionFlags(
  extDir: string,
  o: { headless: boolean; noSandbox: boolean; offline: boolean; pagesAtOnce: number | null },
): string[] {
  return [
    ...CHROMIUM_BASE_FLAGS,
    ...(o.noSandbox || needsNoSandbox() ? ['--no-sandbox'] : []),
    ...(o.offline ? offlineFlags(DEAD_PROXY, o.pagesAtOnce) : []),
    // Old headless cannot run extensions; the new headless mode is full Chromium without a window.
    ...(o.headless ? ['--headless=new'] : []),
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
  ];
}

/**
 * @param distChromeDir the unpacked build (dist/chrome)
 */
export async function launchWithExtension(distChromeDir: string, options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const {
    headless = true,
    timeout = 15_000,
    executablePath = CHROMIUM_PATH,
    noSandbox = false,
    offline = false,
    handleSignals = true,
  } = options;
  const extDir = resolve(distChromeDir);
  const userDataDir = await mkdtemp(join(tmpdir(), 'howsocial-chromium-'));
  const args = extensionFlags(extDir, { headless, noSandbox, offline, pagesAtOnce: null });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      // We pass --headless=new ourselves; Playwright's own flag would pick its default mode.
      headless: false,
      args,
      // Playwright disables extensions by default, which would silently drop ours; and it adds
      // --no-sandbox itself unless chromiumSandbox is set: the sandbox is ours to decide.
      ignoreDefaultArgs: ['--disable-extensions'],
      chromiumSandbox: !(noSandbox || needsNoSandbox()),
      viewport: headless ? { width: 1280, height: 900 } : null,
      timeout,
      // We close the browser and remove the temp profile ourselves on Ctrl+C (see onSignal).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  const profile = ownedProfile(userDataDir, handleSignals);
  profile.browser(() => context.close());
  const close = profile.close;
  try {
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout,
      }));
    const extensionId = new URL(worker.url()).host;
    return { context, worker, extensionId, userDataDir, close };
  } catch (err) {
    await close();
    throw new Error(`the extension's service worker did not start within ${timeout} ms (${extDir}): ${(err as Error).message}`);
  }
}

/**
 * The current service worker of the extension. MV3 workers are stopped when idle and a restarted
 * worker is a new Worker object, so long runs ask again instead of holding on to the first one.
 */
export async function extensionWorker(context: BrowserContext, extensionId: string, timeout = 15_000): Promise<Worker> {
  const prefix = `chrome-extension://${extensionId}/`;
  return (
    context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout }))
  );
}
