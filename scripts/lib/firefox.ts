// Launch Firefox with the extension's Firefox build, the way the CLI, `npm start` and the e2e tests
// need it where no Chromium-family browser is (or `--browser firefox`): puppeteer-core over
// WebDriver BiDi, a fresh profile per run, the add-on installed with `browser.installExtension`
// (a temporary add-on, as about:debugging loads one), and an extension page open as the place
// where `chrome.*` calls run: the event page itself cannot be driven over BiDi.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DEAD_PROXY, ownedProfile } from './chromium.ts';

export const GECKO_ID = 'howsocial@howsocial.dev';
/** Fixed moz-extension UUID (pref extensions.webextensions.uuids) so extension pages open by URL. */
export const FIREFOX_UUID = '6f2b3c1e-8a4d-4e5f-9b7a-1c2d3e4f5a6b';
export const FIREFOX_ORIGIN = `moz-extension://${FIREFOX_UUID}/`;

/** Prefs of every run: the extension's pages by a known URL, its host permissions granted, no update or telemetry traffic. */
export const FIREFOX_PREFS: Record<string, string | number | boolean> = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
  // MV3 host permissions are opt-in in Firefox; grant what the manifest asks at install,
  // as a user accepting the install prompt would.
  'extensions.originControls.grantByDefault': true,
  'extensions.update.enabled': false,
  'app.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'browser.shell.checkDefaultBrowser': false,
};

/**
 * No packet leaves the machine (the Firefox side of chromium.ts offlineFlags). Request
 * interception over BiDi sees documents, subresources and fetches, not what the network layer
 * opens on its own, so that is shut at the network layer too:
 * - every scheme goes to a proxy that is not there (HTTP, TLS and WebSocket through the HTTP and
 *   SSL proxies, the rest through SOCKS), the loopback included (`allow_hijacking_localhost`:
 *   otherwise Firefox never proxies localhost), no falling back to a direct connection, and host
 *   names resolved by the (dead) proxy, never by DNS here; DNS over HTTPS off;
 * - WebRTC off (`media.peerconnection.enabled`: no STUN over UDP), HTTP/3 off (QUIC is UDP);
 * - no DNS prefetch, no link prefetch, no network predictor, no speculative connections (what
 *   `<link rel=preconnect>` and hovering open);
 * - no push service (a WebSocket of the browser's own), no captive-portal or connectivity checks.
 */
export function firefoxOfflinePrefs(deadProxy: string): Record<string, string | number | boolean> {
  const { hostname, port } = new URL(deadProxy);
  const proxy: Record<string, string | number | boolean> = {};
  for (const scheme of ['http', 'ssl', 'socks']) {
    proxy[`network.proxy.${scheme}`] = hostname;
    proxy[`network.proxy.${scheme}_port`] = Number(port);
  }
  return {
    'network.proxy.type': 1,
    ...proxy,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.socks_version': 5,
    'network.proxy.socks_remote_dns': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.failover_direct': false,
    'network.trr.mode': 5,
    'media.peerconnection.enabled': false,
    'media.navigator.enabled': false,
    'network.http.http3.enable': false,
    'network.dns.disablePrefetch': true,
    'network.dns.disablePrefetchFromHTTPS': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.predictor.enable-prefetch': false,
    'network.http.speculative-parallel-limit': 0,
    'browser.urlbar.speculativeConnect.enabled': false,
    'browser.places.speculativeConnect.enabled': false,
    'dom.push.connection.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
  };
}

export interface FirefoxLaunchOptions {
  headless?: boolean;
  timeout?: number;
  executablePath?: string;
  /** shut every network path (firefoxOfflinePrefs) */
  offline?: boolean;
  /** close the browser and exit on Ctrl+C / kill (default); false when the caller handles them */
  handleSignals?: boolean;
  /** prefs on top of the run's own (the e2e tests) */
  prefs?: Record<string, string | number | boolean>;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** an extension page (options.html, which has no side effect) for chrome.* calls */
  control: Page;
  extensionOrigin: string;
  userDataDir: string;
  close(): Promise<void>;
}

/** Wait for `probe` to say yes, every 50 ms, at most `timeout` ms; false when it never did. */
async function poll(probe: () => Promise<boolean>, timeout: number): Promise<boolean> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await probe().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * Firefox moves a tab into the extension process on navigation to moz-extension://, and
 * puppeteer's BiDi navigation tracking never sees that load finish (goto times out although the
 * page is there). So: start the navigation, then wait on the document itself.
 */
export async function gotoExtensionPage(page: Page, url: string, timeout = 30_000): Promise<void> {
  void page.goto(url, { timeout }).catch(() => null);
  const loaded = await poll(async () => {
    const [href, state] = await page.evaluate(() => [location.href, document.readyState]);
    return href === url && state === 'complete';
  }, timeout);
  if (!loaded) throw new Error(`the extension page ${url} did not load within ${timeout} ms`);
}

/** Firefox with a fresh profile over WebDriver BiDi (no extension yet). */
export function launchFirefox(
  userDataDir: string,
  { headless = true, executablePath = '/usr/bin/firefox-esr', timeout = 30_000, prefs = {} } = {} as FirefoxLaunchOptions,
): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless,
    userDataDir,
    timeout,
    // WebDriver BiDi refuses to navigate to moz-extension:// URLs (not "webdriver-safe") unless
    // the remote agent has system access.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: { ...FIREFOX_PREFS, ...prefs },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** @param distFirefoxDir the unpacked Firefox build (dist/firefox) */
export async function launchFirefoxWithExtension(
  distFirefoxDir: string,
  options: FirefoxLaunchOptions = {},
): Promise<LaunchedFirefox> {
  const { timeout = 30_000, offline = false, handleSignals = true, prefs = {} } = options;
  const extDir = resolve(distFirefoxDir);
  const userDataDir = await mkdtemp(join(tmpdir(), 'howsocial-firefox-'));
  const profile = ownedProfile(userDataDir, handleSignals);
  let browser: Browser;
  try {
    browser = await launchFirefox(userDataDir, {
      ...options,
      prefs: {
        ...(offline ? firefoxOfflinePrefs(DEAD_PROXY) : {}),
        // The event page stays up for the whole run: it holds the clock --as-of sets (a
        // restarted one would start with the real time) and restarting it costs every page.
        'extensions.background.idle.enabled': false,
        ...prefs,
      },
    });
  } catch (err) {
    await profile.close();
    throw err;
  }
  profile.browser(() => browser.close());
  const close = profile.close;
  try {
    await browser.installExtension(extDir);
    const control = await browser.newPage();
    await gotoExtensionPage(control, `${FIREFOX_ORIGIN}popup/options.html`, timeout);
    return { browser, control, extensionOrigin: FIREFOX_ORIGIN, userDataDir, close };
  } catch (err) {
    await close();
    throw new Error(`the extension did not start in Firefox within ${timeout} ms (${extDir}): ${(err as Error).message}`);
  }
}
