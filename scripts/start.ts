#!/usr/bin/env node
// `npm start`: build the extension and show it on the demo pages, served by request interception
// at realistic host names (scripts/lib/demo.ts) — in a real Chromium window when there is a
// display, else headless with a printed report.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { createAuditor } from './lib/auditor.ts';
import { findBrowser, noBrowserMessage } from './lib/browsers.ts';
import { launchWithExtension } from './lib/chromium.ts';
import { DEMO, DEMO_DIR, demoPages, demoUrl, routeDemo } from './lib/demo.ts';
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
  console.log(`Auditing ${pages.length} demo pages in headless Chromium …`);
  const auditor = await createAuditor({
    dist: distChrome,
    executablePath: browserPath,
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
  console.log('With a display, npm start opens Chromium with the extension on these pages instead.');
}

async function runHeaded(pages: string[]): Promise<void> {
  let browser: Awaited<ReturnType<typeof launchWithExtension>>;
  try {
    browser = await launchWithExtension(distChrome, { headless: false, executablePath: browserPath });
  } catch (err) {
    // A stale $DISPLAY (ssh session, closed X server) must not end the demo: fall back to headless.
    console.error(
      `Could not open a Chromium window on DISPLAY=${process.env.DISPLAY} (${(err as Error).message.split('\n')[0]}); running headless instead.`,
    );
    return runHeadless(pages);
  }
  const { context } = browser;
  await routeDemo(context);
  const closed = new Promise((ok) => context.once('close', ok));
  const [first] = context.pages();
  for (const [i, file] of pages.entries()) {
    const page = i === 0 && first ? first : await context.newPage();
    await page.goto(demoUrl(file)).catch((err) => console.error(`${file}: ${err.message}`));
  }
  console.log(`Chromium is open with HowSocial on ${pages.length} demo pages (served from ${shown(DEMO_DIR)}).`);
  console.log('Pin the extension (puzzle icon) to see its badge; click it for the findings.');
  console.log(`${howToLoad()}\nClose the browser window (or press Ctrl+C) to stop.`);
  await closed;
  await browser.close();
}

const found = findBrowser();
if (found.found?.family !== 'chromium') {
  console.error(noBrowserMessage(process.platform, found.skipped));
  process.exit(3);
}
const browserPath = found.found.path;
console.log(`Browser: ${found.found.name} (${browserPath})`);
build();
const pages = demoPages();
if (headless) await runHeadless(pages);
else await runHeaded(pages);
