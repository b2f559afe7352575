// Screenshots of the owner report (issue 12), light and dark, for the README:
// `HOWSOCIAL_DIST=/tmp/x npm run build && node --import tsx docs/screenshots/take-owner.mjs /tmp/x/chrome`
// (SHOT_LANG=de for the German UI). A demo German blog's WordPress REST API is answered by request
// interception (no network): 20 posts from March to November with reader comments the author
// answers less and less. Writes owner-report-*.png, owner-compare-*.png and, with --pdf FILE, the
// stored report printed to PDF by Chromium.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? 'dist/chrome');
const lang = process.env.SHOT_LANG ?? 'en-US';
const suffix = lang.startsWith('de') ? '-de' : '';
const SITE = 'https://cafe-sonne.example.de';
const DAY = 86_400_000;

/** Deterministic demo data in WordPress's REST shapes (tests/fixtures/owner/wordpress.ts says where they come from). */
function demo(SITE, seed, fade) {
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const start = Date.parse('2026-03-02T08:30:00Z');
  const titles = [
    'Neue Öffnungszeiten',
    'Frühlingskarte',
    'Ostern bei uns',
    'Unser Kaffee',
    'Terrasse offen',
    'Sommerfest',
    'Eis aus eigener Herstellung',
    'Ferienpause',
    'Zurück aus dem Urlaub',
    'Neue Kuchen',
    'Herbstmenü',
    'Kürbiswochen',
    'Lesung im Café',
    'Gutscheine',
    'Adventskalender',
    'Weihnachtsfeiern',
    'Frühstück im Advent',
    'Team-Verstärkung',
    'Spendenaktion',
    'Jahresrückblick',
  ];
  const posts = [];
  const comments = new Map();
  let cid = 1;
  for (let i = 0; i < 20; i++) {
    const t = start + i * 14 * DAY + Math.floor(rnd() * 5) * DAY + Math.floor(rnd() * 9) * 3_600_000;
    const id = 500 + i;
    const closed = i % 7 === 3;
    posts.push({
      id,
      date_gmt: new Date(t).toISOString().slice(0, 19),
      link: `${SITE}/${new Date(t).toISOString().slice(0, 7).replace('-', '/')}/post-${id}/`,
      title: { rendered: titles[i] },
      content: {
        rendered: `<p>${titles[i]} – mehr im Laden. <a href="https://shop.example.de/gutschein?utm_source=blog">Gutschein</a></p>`,
      },
      comment_status: closed ? 'closed' : 'open',
      author: 1,
    });
    const list = [];
    const readers = closed ? 0 : 3 + Math.floor(rnd() * 8);
    for (let k = 0; k < readers; k++) {
      const at = t + (k + 1) * 5 * 3_600_000;
      const c = {
        id: cid++,
        post: id,
        parent: 0,
        author: 0,
        author_name: `Leser ${k + 1}`,
        date_gmt: new Date(at).toISOString().slice(0, 19),
        content: { rendered: k % 4 === 1 ? '<p>Warum ist der Kuchen eigentlich so teuer geworden?</p>' : '<p>Schön, danke!</p>' },
        link: `${SITE}/post-${id}/#comment-${cid}`,
        type: 'comment',
      };
      list.push(c);
      // The author answers often in spring, rarely by autumn.
      if (rnd() < 0.85 - i * fade)
        list.push({
          id: cid++,
          post: id,
          parent: c.id,
          author: 1,
          author_name: 'Café Sonne',
          date_gmt: new Date(at + (2 + rnd() * 30) * 3_600_000).toISOString().slice(0, 19),
          content: { rendered: '<p>Danke für Ihre Nachricht!</p>' },
          link: `${SITE}/post-${id}/#comment-${cid}`,
          type: 'comment',
        });
    }
    comments.set(String(id), list);
  }
  return { posts: posts.reverse(), comments };
}

const SITE2 = 'https://baeckerei-korn.example.de';
const sites = { [SITE]: demo(SITE, 7, 0.04), [SITE2]: demo(SITE2, 11, 0.01) };
const profile = await mkdtemp(join(tmpdir(), 'howsocial-owner-shots-'));
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
await context.route(/^https:\/\/(cafe-sonne|baeckerei-korn)\.example\.de\//, (route) => {
  const url = new URL(route.request().url());
  const { posts, comments } = sites[url.origin];
  const json = (body) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'x-wp-totalpages': '1' },
      body: JSON.stringify(body),
    });
  if (url.pathname === '/wp-json/wp/v2/posts') return json(posts);
  if (url.pathname === '/wp-json/wp/v2/comments') return json(comments.get(url.searchParams.get('post')) ?? []);
  return route.fulfill({ status: 404, body: 'not found' });
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const shots = [];
try {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(
    `chrome-extension://${extensionId}/popup/report.html?url=${encodeURIComponent(`${SITE}/2026/11/post-517/`)}&platform=wordpress&run=1`,
  );
  await page.waitForSelector('[data-testid=owner-report]', { timeout: 60_000 });
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
    const file = join(here, `owner-report-${scheme}${suffix}.png`);
    await page.screenshot({ path: file, fullPage: true });
    shots.push(file);
  }
  await page.emulateMedia({ colorScheme: 'light', media: 'print' });
  const printed = join(here, `owner-report-print${suffix}.png`);
  await page.screenshot({ path: printed, fullPage: true });
  shots.push(printed);
  await page.emulateMedia({ media: 'screen' });
  // A second owner for Compare: a competitor who answers nearly everyone.
  await page.goto(`chrome-extension://${extensionId}/popup/report.html?url=${encodeURIComponent(`${SITE2}/`)}&run=1`);
  await page.waitForSelector('[data-testid=owner-report]', { timeout: 60_000 });
  await page.goto(`chrome-extension://${extensionId}/popup/report.html?view=compare`);
  await page.waitForSelector('[data-testid=compare-column]');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const file = join(here, `owner-compare-${scheme}${suffix}.png`);
    await page.screenshot({ path: file, fullPage: true });
    shots.push(file);
  }
  console.log(shots.map((s) => s.replace(`${resolve(here, '..', '..')}/`, '')).join('\n'));
  // --pdf FILE: Chromium's own print-to-PDF of the stored report, as Print → Save as PDF makes it
  // (look at it with `pdftoppm -png FILE out`).
  const pdf = process.argv[process.argv.indexOf('--pdf') + 1];
  if (process.argv.includes('--pdf') && pdf) {
    await page.emulateMedia({ colorScheme: 'light', media: 'print' });
    await page.goto(`chrome-extension://${extensionId}/popup/report.html?id=1`);
    await page.waitForSelector('[data-testid=owner-report]');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    console.log(pdf);
  }
} finally {
  await context.close();
}
