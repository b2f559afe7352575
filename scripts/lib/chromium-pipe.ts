// Chromium with the extension for an offline batch, driven over its DevTools pipe (./cdp.ts)
// instead of Playwright: the same flags, profile and Ctrl+C handling as launchWithExtension
// (./chromium.ts), and nothing attached to a tab but what the batch asks of it.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CdpConnection, CdpError, spawnPipeBrowser } from './cdp.ts';
import { CHROMIUM_PATH, extensionFlags, ownedProfile } from './chromium.ts';

/**
 * What Playwright's launch adds to ours (playwright-core's chromiumSwitches and its headless
 * ones), kept so a page runs and looks as it did under Playwright: the same records, byte for
 * byte. Background tabs are not slowed down; no field trials, first-run or default-browser UI,
 * no crash reporter, keychain or hang monitor; no back/forward cache (a tab taken to the next
 * page does not keep the last one alive); the pointer and hover media features of a headless
 * Playwright page. Its feature list is given before ours, as Playwright gives it.
 */
export const PLAYWRIGHT_LIKE_FLAGS: readonly string[] = [
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch',
  '--allow-pre-commit-input',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--no-service-autorun',
  '--disable-search-engine-choice-screen',
  '--hide-scrollbars',
  '--mute-audio',
  '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
];

/** The page size every tab gets (Playwright's default viewport, as before). */
export const VIEWPORT = { width: 1280, height: 900 } as const;

export interface PipeLaunchOptions {
  executablePath?: string;
  timeout: number;
  noSandbox: boolean;
  handleSignals: boolean;
  pagesAtOnce: number | null;
}

export interface PipeChromium {
  cdp: CdpConnection;
  extensionId: string;
  /** a new tab on `url`, attached: its session id and target id */
  openTarget(url: string): Promise<{ sessionId: string; targetId: string }>;
  /** evaluate an expression in a session's page or worker, promises awaited, the value returned as JSON */
  evaluate(sessionId: string, expression: string): Promise<unknown>;
  /**
   * A session on the extension's service worker. While attached, the browser keeps it running (as
   * under Playwright); should it stop anyway, `wake` (a message to it) starts it again.
   */
  workerSession(wake: () => Promise<unknown>): Promise<string>;
  close(): Promise<void>;
}

/** The browser's answer to an evaluation, or its exception as an Error. */
async function evaluate(cdp: CdpConnection, sessionId: string, expression: string): Promise<unknown> {
  const r = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
  if (r.exceptionDetails) {
    const d = r.exceptionDetails;
    throw new Error(d.exception?.description ?? d.exception?.value ?? d.text ?? 'evaluation failed');
  }
  return r.result?.value;
}

/** Launch headless, offline (chromium.ts offlineFlags), with the built extension, over the DevTools pipe. */
export async function launchOverPipe(distChromeDir: string, o: PipeLaunchOptions): Promise<PipeChromium> {
  const extDir = resolve(distChromeDir);
  const userDataDir = await mkdtemp(join(tmpdir(), 'howsocial-chromium-'));
  const args = [
    ...PLAYWRIGHT_LIKE_FLAGS,
    ...extensionFlags(extDir, { headless: true, noSandbox: o.noSandbox, offline: true, pagesAtOnce: o.pagesAtOnce }),
    `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
    `--user-data-dir=${userDataDir}`,
    'about:blank',
  ];
  const profile = ownedProfile(userDataDir, o.handleSignals);
  let launched: ReturnType<typeof spawnPipeBrowser>;
  try {
    launched = spawnPipeBrowser(o.executablePath ?? CHROMIUM_PATH, args);
  } catch (err) {
    await profile.close();
    throw err;
  }
  const { cdp, process: child } = launched;
  const exited = new Promise<void>((ok) => {
    if (child.exitCode !== null) ok();
    else child.once('exit', () => ok());
  });
  profile.browser(async () => {
    await cdp.send('Browser.close').catch(() => {});
    const bound = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(bound);
  });
  const close = profile.close;
  const prefix = 'chrome-extension://';
  const findWorker = async (id: string | null) => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return (targetInfos as { type: string; url: string; targetId: string }[]).find(
      (t) => t.type === 'service_worker' && t.url.startsWith(id ? `${prefix}${id}/` : prefix),
    );
  };
  let extensionId: string;
  try {
    const failed = new Promise<never>((_, fail) => {
      child.once('error', fail);
      child.once('exit', (code) =>
        fail(
          new Error(`the browser exited at start (code ${code}): ${launched.stderr().trim().split('\n').slice(-3).join(' ')}`),
        ),
      );
    });
    failed.catch(() => {});
    const until = Date.now() + o.timeout;
    const waitWorker = async () => {
      for (;;) {
        const w = await findWorker(null);
        if (w) return w;
        if (Date.now() > until) throw new CdpError(`no service worker within ${o.timeout} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const worker = await Promise.race([waitWorker(), failed]);
    extensionId = new URL(worker.url).host;
  } catch (err) {
    await close();
    throw new Error(`the extension's service worker did not start (${extDir}): ${(err as Error).message}`);
  }
  let workerSessionId: string | null = null;
  cdp.on('Target.detachedFromTarget', (e) => {
    if (e.sessionId === workerSessionId) workerSessionId = null;
  });
  return {
    cdp,
    extensionId,
    async openTarget(url) {
      const { targetId } = await cdp.send('Target.createTarget', { url });
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
      return { sessionId, targetId };
    },
    evaluate: (sessionId, expression) => evaluate(cdp, sessionId, expression),
    async workerSession(wake) {
      if (workerSessionId) return workerSessionId;
      const until = Date.now() + o.timeout;
      for (let tries = 0; ; tries++) {
        const w = await findWorker(extensionId);
        if (!w && tries % 20 === 0) await wake().catch(() => {});
        if (w) {
          const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: w.targetId, flatten: true });
          workerSessionId = sessionId;
          return sessionId;
        }
        if (Date.now() > until) throw new Error(`the extension's service worker did not come back within ${o.timeout} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close,
  };
}
