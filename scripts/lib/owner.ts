// `npm run audit -- --site URL [--posts N] [--format json|csv] [--out FILE] [--timeout MS] [--dist DIR]`
// The owner audit (issue 12) from a terminal: the built extension's own report page
// (popup/report.html) runs it in headless Chromium — the same source modules, fetcher and owner
// rules as a click in the popup, so nothing is reimplemented for Node — and hands its JSON or CSV
// back through `window.howsocialOwner`. Requests go to the site (or Mastodon's / Bluesky's public
// API) only, without cookies, at most four a second.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { findBrowser, installHint, noBrowserMessage } from './browsers.ts';
import { distLocation, ensureBuilt } from './build.ts';
import { launchWithExtension } from './chromium.ts';

export const SITE_USAGE = `npm run audit -- --site URL [--posts N] [--format json|csv] [--out FILE] [--timeout MS] [--dist DIR]

  --site URL     any page of the blog, or the account's profile URL
  --posts N      how many of the newest posts to read (1–200, default 20)
  --format F     json (default: {"tool","version","owner":{…},"posts":[…]}) or csv (a row per post and per finding)
  --out FILE     write there instead of stdout (.csv implies --format csv)
  --timeout MS   give up after this long (default 180000)
  --dist DIR     the unpacked Chrome build (default dist/chrome)`;

export class SiteUsageError extends Error {}

/** True when the command line asks for the owner audit. */
export const isSiteAudit = (argv: readonly string[]): boolean =>
  argv.includes('--site') || argv.some((a) => a.startsWith('--site='));

interface SiteOptions {
  site: string | null;
  posts: number;
  format: string;
  out: string | null;
  timeout: number;
  dist: string | null;
}

export function parseSiteArgs(argv: readonly string[]): SiteOptions & { site: string } {
  const opts: SiteOptions = { site: null, posts: 20, format: 'json', out: null, timeout: 180_000, dist: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new SiteUsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--site') opts.site = value();
    else if (flag === '--posts') opts.posts = Number(value());
    else if (flag === '--format') opts.format = value();
    else if (flag === '--out') opts.out = value();
    else if (flag === '--timeout') opts.timeout = Number(value());
    else if (flag === '--dist') opts.dist = value();
    else throw new SiteUsageError(`unknown argument for --site: ${argv[i]}`);
  }
  if (!opts.site) throw new SiteUsageError('--site needs a URL');
  let url: URL;
  try {
    url = new URL(opts.site);
  } catch {
    throw new SiteUsageError(`not a URL: ${opts.site}`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new SiteUsageError(`not an http(s) URL: ${opts.site}`);
  if (!Number.isInteger(opts.posts) || opts.posts < 1 || opts.posts > 200) throw new SiteUsageError('--posts must be 1–200');
  if (opts.out?.endsWith('.csv') && !argv.some((a) => a.startsWith('--format'))) opts.format = 'csv';
  if (opts.format !== 'json' && opts.format !== 'csv') throw new SiteUsageError('--format must be json or csv');
  if (!Number.isFinite(opts.timeout) || opts.timeout <= 0) throw new SiteUsageError('--timeout must be a positive number of ms');
  return { ...opts, site: url.href };
}

interface SiteResult {
  state: 'done' | 'error';
  json?: string;
  csv?: string;
  error?: string;
}

/** Run the owner audit of one site in the built extension. */
export async function auditSite({
  site,
  posts,
  dist,
  timeout,
  executablePath,
}: {
  site: string;
  posts: number;
  dist: string;
  timeout: number;
  executablePath: string;
}): Promise<SiteResult> {
  const browser = await launchWithExtension(dist, { headless: true, executablePath });
  try {
    const page = await browser.context.newPage();
    const query = new URLSearchParams({ url: site, posts: String(posts), run: '1' });
    await page.goto(`chrome-extension://${browser.extensionId}/popup/report.html?${query}`);
    // Anonymous arrows, passed as they are: an extension page's CSP forbids evaluating strings, and
    // tsx names only named functions (the __name helper the page lacks).
    await page.waitForFunction(() => (window as unknown as { howsocialOwner?: SiteResult }).howsocialOwner?.state, null, {
      timeout,
    });
    return (await page.evaluate(() => (window as unknown as { howsocialOwner?: SiteResult }).howsocialOwner)) as SiteResult;
  } finally {
    await browser.close();
  }
}

/** The `--site` branch of scripts/audit.ts: exit 0 with a report, 1 when nothing could be read, 2 on bad arguments, 3 without a browser. */
export async function siteMain(
  argv: readonly string[],
  { version, log }: { version: string; log: (line: string) => void },
): Promise<number> {
  let opts: ReturnType<typeof parseSiteArgs>;
  try {
    opts = parseSiteArgs(argv);
  } catch (err) {
    if (!(err instanceof SiteUsageError)) throw err;
    log(`error: ${err.message}\n\n${SITE_USAGE}`);
    return 2;
  }
  const browser = findBrowser();
  if (!browser.found) {
    log(`error: ${noBrowserMessage(process.platform, browser.skipped)}`);
    return 3;
  }
  if (browser.found.family !== 'chromium') {
    // The report page is driven through Playwright's Chromium API; the batch audit runs in Firefox too.
    log(
      `error: the owner audit (--site) drives a Chromium-family browser and only ${browser.found.name} was found: ${installHint(process.platform)}`,
    );
    return 3;
  }
  const dist = distLocation(opts.dist);
  ensureBuilt(dist, log);
  log(`owner audit of ${opts.site} (${opts.posts} posts) …`);
  let result: SiteResult;
  try {
    result = await auditSite({ ...opts, dist: dist.chrome, executablePath: browser.found.path });
  } catch (err) {
    const message = String((err as Error).message);
    result = { state: 'error', error: /Timeout/i.test(message) ? 'slow' : message.split('\n')[0] };
  }
  const text =
    result.state === 'done'
      ? ((opts.format === 'csv' ? result.csv : result.json) ?? '')
      : `${JSON.stringify({ tool: 'howsocial', version, owner: null, error: result.error }, null, 2)}\n`;
  if (result.state !== 'done') log(`error: ${result.error}`);
  if (opts.out) {
    const out = resolve(opts.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, text);
    log(`wrote ${out}`);
  } else {
    process.stdout.write(text);
  }
  return result.state === 'done' ? 0 : 1;
}
