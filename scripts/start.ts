#!/usr/bin/env node
// `npm start`: build the extension and show it on the demo pages, served by request interception
// at realistic host names (scripts/lib/demo.ts) — in a real browser window when there is a
// display, else headless with a printed report. Chromium where one is found, else Firefox with
// the extension's Firefox build.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { createAuditor } from './lib/auditor.ts';
import { findBrowser, noBrowserMessage } from './lib/browsers.ts';
import { launchWithExtension } from './lib/chromium.ts';
import { DEMO, DEMO_DIR, demoPages, demoUrl, routeDemo, routeDemoTab } from './lib/demo.ts';
import { launchFirefoxWithExtension } from './lib/firefox.ts';
import { loadMessages, ROOT } from './lib/messages.ts';
import { pageReport } from './lib/table.ts';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY || Boolean(process.env.CI);
const skipBuild = args.includes('--no-build');
const distRoot = resolve(ROOT, process.env.HOWSOCIAL_DIST ?? 'dist');
const distChrome = join(distRoot, 'chrome');
const distFirefox = join(distRoot, 'firefox');
const shown = (p: string) => (relative(ROOT, p).startsWith('..') ? p : relative(ROOT, p));

function build() {
  if (skipBuild) return;
  console.log('Building the extension (node scripts/build.mjs) …');
  const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(1);
  }
}

function howToLoad() {
  return [
    'Unpacked builds:',
    `  Chrome/Chromium: ${shown(distChrome)}  → chrome://extensions, turn on "Developer mode", "Load unpacked", pick that folder`,
    `  Firefox:         ${shown(distFirefox)} → about:debugging#/runtime/this-firefox, "Load Temporary Add-on…", pick its manifest.json`,
    'Store zips: npm run package (writes artifacts/).',
  ].join('\n');
}

async function runHeadless(pages: string[]): Promise<void> {
  console.log(`Auditing ${pages.length} demo pages in headless ${browser.name} …`);
  const auditor = await createAuditor({
    dist: firefox ? distFirefox : distChrome,
    browser,
    offline: true,
    live: false,
    timeout: 10_000,
  });
  const messages = loadMessages('en');
  try {
    for (const file of pages) {
      // served at its demo address by the auditor's interception, as a saved page at its original URL
      const result = await auditor.audit({
        input: file,
        url: demoUrl(file),
        source: 'option',
        body: await readFile(join(DEMO_DIR, file)),
        asOf: { date: new Date().toISOString(), source: 'now' },
        clock: null,
      });
      console.log(pageReport(file, result, messages, DEMO[file]));
    }
  } finally {
    await auditor.close();
  }
  console.log(`\n${howToLoad()}`);
  console.log(`With a display, npm start opens ${browser.name} with the extension on these pages instead.`);
}

/** A browser window with the extension and one tab per demo page; resolves when the window is closed. */
async function openChromium(pages: string[]): Promise<void> {
  const launched = await launchWithExtension(distChrome, { headless: false, executablePath: browser.path });
  const { context } = launched;
  await routeDemo(context);
  const closed = new Promise((ok) => context.once('close', ok));
  const [first] = context.pages();
  for (const [i, file] of pages.entries()) {
    const page = i === 0 && first ? first : await context.newPage();
    await page.goto(demoUrl(file)).catch((err) => console.error(`${file}: ${err.message}`));
  }
  opened(pages, 'Pin the extension (puzzle icon) to see its badge; click it for the findings.');
  await closed;
  await launched.close();
}

async function openFirefox(pages: string[]): Promise<void> {
  const launched = await launchFirefoxWithExtension(distFirefox, { headless: false, executablePath: browser.path });
  const closed = new Promise((ok) => launched.browser.once('disconnected', ok));
  for (const file of pages) {
    const page = await launched.browser.newPage();
    await routeDemoTab(page);
    await page.goto(demoUrl(file)).catch((err) => console.error(`${file}: ${err.message}`));
  }
  opened(pages, 'Pin HowSocial from the extensions button (puzzle piece) to see its badge; click it for the findings.');
  await closed;
  await launched.close();
}

function opened(pages: string[], hint: string): void {
  console.log(`${browser.name} is open with HowSocial on ${pages.length} demo pages (served from ${shown(DEMO_DIR)}).`);
  console.log(hint);
  console.log(`${howToLoad()}\nClose the browser window (or press Ctrl+C) to stop.`);
}

async function runHeaded(pages: string[]): Promise<void> {
  try {
    await (firefox ? openFirefox(pages) : openChromium(pages));
  } catch (err) {
    // A stale $DISPLAY (ssh session, closed X server) must not end the demo: fall back to headless.
    console.error(
      `Could not open a ${browser.name} window on DISPLAY=${process.env.DISPLAY} (${(err as Error).message.split('\n')[0]}); running headless instead.`,
    );
    return runHeadless(pages);
  }
}

// --browser firefox|chromium|PATH picks one; else Chromium where one is found, else Firefox.
const named = args.includes('--browser') ? (args[args.indexOf('--browser') + 1] ?? null) : null;
const lookup = findBrowser(undefined, named);
if (!lookup.found) {
  console.error(noBrowserMessage(process.platform, lookup.skipped));
  process.exit(3);
}
const browser = lookup.found;
const firefox = browser.family === 'firefox';
console.log(`Browser: ${browser.name} (${browser.path})${firefox ? ", with the extension's Firefox build" : ''}`);
build();
const pages = demoPages();
if (headless) await runHeadless(pages);
else await runHeaded(pages);
