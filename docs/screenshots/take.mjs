// Screenshots of every popup view (light and dark; settings also paused), the options, explanation
// and welcome pages, for the README:
// `HOWSOCIAL_DIST=/tmp/x npm run build && node --import tsx docs/screenshots/take.mjs /tmp/x/chrome`.
// Runs the built extension in headless Chromium on a bundled demo page at its realistic address
// (scripts/lib/demo.ts: the real pipeline audits it, and the popup shows a site, not 127.0.0.1),
// seeds a history through the popup's own backup import, and writes PNGs next to this file.
// SHOT_LANG=de gives the German UI (file names end in -de).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';
import { demoUrl, routeDemo } from '../../scripts/lib/demo.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? 'dist/chrome');
const demo = process.argv[3] ?? 'newsletter-unbeantwortet.html';
const lang = process.env.SHOT_LANG ?? 'en-US';
const suffix = lang.startsWith('de') ? '-de' : '';
const DAY = 86_400_000;

/** A history of a few sites with scores over time, as a backup file (imported through the UI). */
function backup(now) {
  const sites = [
    // made-up sites with realistic names, as a consultant's history would hold them
    ['gartenglueck-blog.de', 'wordpress', [35, 42, 48, 61, 66]],
    ['nordstadt-kurier.de', 'generic', [88, 91, 93]],
    ['x.com', 'x', [22, 18]],
    ['kochen-mit-oma.at', 'blogger', [55]],
  ];
  const band = (s) => (s >= 90 ? 'green' : s >= 50 ? 'orange' : 'red');
  const audits = sites.flatMap(([site, platform, scores], n) =>
    scores.map((score, i) => ({
      url: `https://${site}/post-${i}/`,
      site,
      platform,
      kind: platform === 'x' ? 'profile' : 'article',
      score,
      band: band(score),
      time: now - (scores.length - i) * 9 * DAY - n * 2 * DAY,
      rulesVersion: 1,
      facts: {},
      sample: 5,
      findings: [],
      fingerprints: [],
    })),
  );
  return JSON.stringify({ format: 'howsocial-backup', version: 1, exportedAt: new Date(now).toISOString(), audits });
}

const profile = await mkdtemp(join(tmpdir(), 'howsocial-shots-'));
// --lang sets the browser's UI language, which chrome.i18n (and so the popup) follows.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  headless: false,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: [
    ...CHROMIUM_FLAGS,
    '--headless=new',
    `--lang=${lang}`,
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
  ],
  locale: lang,
});
await routeDemo(context);
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const close = async () => {
  await context.close();
  await rm(profile, { recursive: true, force: true });
};
try {
  const page = await context.newPage();
  await page.goto(demoUrl(demo));
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
  // Wait for the real audit of the demo page (the content script sends it on document_idle).
  const key = `audit:tab:${tabId}`;
  for (let i = 0; i < 100; i++) {
    const got = await worker.evaluate(async (k) => (await chrome.storage.session.get(k))[k] ?? null, key);
    if (got) break;
    await page.waitForTimeout(100);
  }
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup/index.html?tab=${tabId}`);
  // Seed the history through the backup import (once; it merges without duplicates anyway).
  await popup.click('#tab-export');
  await popup.setInputFiles('[data-testid=backup-import]', {
    name: 'b.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backup(Date.now())),
  });
  await popup.waitForSelector('[data-testid=import-report]');
  await popup.click('#tab-page');

  const shots = [];
  for (const scheme of ['light', 'dark']) {
    await popup.emulateMedia({ colorScheme: scheme });
    const shot = async (name) => {
      const file = join(here, `popup-${name}-${scheme}${suffix}.png`);
      await popup.screenshot({ path: file, fullPage: true });
      shots.push(file);
    };
    await popup.click('#tab-page');
    await popup.waitForSelector('.summary, .empty');
    const more = popup.locator('.finding .more').first();
    if ((await more.count()) && (await more.getAttribute('aria-expanded')) === 'false') await more.click();
    await shot('page');
    await popup.click('#tab-why');
    await shot('why');
    await popup.click('#tab-history');
    await popup.waitForSelector('[data-testid=history-list]');
    await shot('history');
    await popup.click('#tab-export');
    await popup.click('[data-testid=export-csv]');
    await popup.waitForSelector('[data-testid=export-link]');
    await shot('export');
    await popup.click('#tab-settings');
    await shot('settings');
    // paused for an hour: how long, and the way back
    await popup.click('[data-testid=pause-hour]');
    await popup.waitForSelector('[data-testid=resume-site]');
    await shot('paused');
    await popup.click('[data-testid=resume-site]');
    await popup.waitForSelector('[data-testid=pause-hour]');
  }
  const wide = await context.newPage();
  await wide.setViewportSize({ width: 900, height: 700 });
  for (const scheme of ['light', 'dark']) {
    await wide.emulateMedia({ colorScheme: scheme });
    await wide.goto(`chrome-extension://${extensionId}/popup/options.html`);
    await wide.waitForSelector('.settings');
    await wide.screenshot({ path: join(here, `options-${scheme}${suffix}.png`), fullPage: true });
    await wide.goto(`chrome-extension://${extensionId}/popup/learn.html?rule=comments-closed`);
    await wide.waitForSelector('h1');
    await wide.screenshot({ path: join(here, `learn-${scheme}${suffix}.png`), fullPage: true });
    await wide.goto(`chrome-extension://${extensionId}/popup/welcome.html`);
    await wide.waitForSelector('[data-testid=shortcuts] li');
    await wide.screenshot({ path: join(here, `welcome-${scheme}${suffix}.png`), fullPage: true });
    shots.push(
      join(here, `options-${scheme}${suffix}.png`),
      join(here, `learn-${scheme}${suffix}.png`),
      join(here, `welcome-${scheme}${suffix}.png`),
    );
  }
  console.log(shots.map((s) => s.replace(`${resolve(here, '..', '..')}/`, '')).join('\n'));
} finally {
  await close();
}
