// Launch Debian's Chromium with the built extension loaded, the way the CLI and the e2e tests need
// it: a fresh profile per run (parallel runs never share state), and the extension's service
// worker handed back so callers can read chrome.storage and chrome.tabs from inside it.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.HOWSOCIAL_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that work in this container (root, no GPU, no network) and keep runs quiet and offline. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * @param {string} distChromeDir the unpacked build (dist/chrome)
 * @param {{ headless?: boolean, timeout?: number }} [options]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext,
 *   worker: import('playwright-core').Worker, extensionId: string, userDataDir: string,
 *   close: () => Promise<void> }>}
 */
export async function launchWithExtension(distChromeDir, { headless = true, timeout = 15_000 } = {}) {
  const extDir = resolve(distChromeDir);
  const userDataDir = await mkdtemp(join(tmpdir(), 'howsocial-chromium-'));
  const args = [
    ...CHROMIUM_FLAGS,
    // Old headless cannot run extensions; the new headless mode is full Chromium without a window.
    ...(headless ? ['--headless=new'] : []),
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
  ];
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      // We pass --headless=new ourselves; Playwright's own flag would pick its default mode.
      headless: false,
      args,
      // Playwright disables extensions by default, which would silently drop ours.
      ignoreDefaultArgs: ['--disable-extensions'],
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
  // Ctrl+C or kill: close the browser first (it writes to the profile until it is gone), then
  // remove the temp profile, then exit with the signal's conventional code.
  const removeProfile = () => rmSync(userDataDir, { recursive: true, force: true });
  const onSignal = (signal) => {
    close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const sig of signals) process.once(sig, onSignal);
  process.once('exit', removeProfile);
  let closing;
  const close = () => {
    closing ??= (async () => {
      for (const sig of signals) process.off(sig, onSignal);
      process.off('exit', removeProfile);
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    })();
    return closing;
  };
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
    throw new Error(`the extension's service worker did not start within ${timeout} ms (${extDir}): ${err.message}`);
  }
}

/**
 * The current service worker of the extension. MV3 workers are stopped when idle and a restarted
 * worker is a new Worker object, so long runs ask again instead of holding on to the first one.
 */
export async function extensionWorker(context, extensionId, timeout = 15_000) {
  const prefix = `chrome-extension://${extensionId}/`;
  return (
    context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout }))
  );
}
