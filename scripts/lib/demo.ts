// The demo pages of `npm start` and of the README screenshots (docs/screenshots/take.mjs), and
// the addresses they are shown under. Served by request interception at realistic (made-up)
// host names, as the batch audit serves saved files at their original URL: the popup, the
// history and the screenshots show "fernweh-und-schiene.de", never "127.0.0.1". Nothing leaves
// the machine: only these URLs are answered, from the files.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { ROOT } from './messages.ts';

export const DEMO_DIR: string = join(ROOT, 'tests', 'fixtures', 'demo');

/** What each demo page is meant to show (so a missing audit is reported honestly), and its address. */
export const DEMO: Record<string, { kind: string; shows: string; url: string }> = {
  'kommentare-geschlossen.html': {
    kind: 'article',
    shows: 'comments closed (German theme)',
    url: 'https://blog.nordlicht-beratung.de/social-media-strategie-2027/',
  },
  'newsletter-unbeantwortet.html': {
    kind: 'article',
    shows: 'pre-ticked newsletter box, extra required fields, unanswered readers',
    url: 'https://fernweh-und-schiene.de/nachtzug-wien-tipps/',
  },
  'healthy-post.html': {
    kind: 'article',
    shows: 'a healthy post: simple form, the author answers',
    url: 'https://crumb-and-harbour.co.uk/2026/11/sourdough-starter-north-sea/',
  },
  'shop.html': {
    kind: 'other',
    shows: 'not an article: the badge stays empty',
    url: 'https://kaffeeroesterei-fuchs.de/',
  },
};

/** The demo files, the four known ones in story order, any page added later after them. */
export function demoPages(): string[] {
  const files = readdirSync(DEMO_DIR).filter((f) => f.endsWith('.html'));
  return [...Object.keys(DEMO).filter((f) => files.includes(f)), ...files.filter((f) => !(f in DEMO)).sort()];
}

/** A demo file's address: its realistic one, or one on a demo blog for a page added later. */
export function demoUrl(file: string): string {
  return DEMO[file]?.url ?? `https://www.demo-blog-howsocial.de/${encodeURIComponent(file)}`;
}

const withoutHash = (url: string) => url.split('#')[0];

/** The demo hosts, and the answer for a request: its page's file, else a 404; null for any other host. */
function demoAnswerer(): {
  hosts: Set<string>;
  answer(url: string): Promise<{ status: number; contentType: string; body: Buffer | string } | null>;
} {
  const byUrl = new Map(demoPages().map((f) => [withoutHash(demoUrl(f)), join(DEMO_DIR, f)]));
  const hosts = new Set([...byUrl.keys()].map((u) => new URL(u).host));
  return {
    hosts,
    answer: async (url) => {
      if (!hosts.has(new URL(url).host)) return null;
      const file = byUrl.get(withoutHash(url));
      if (!file) return { status: 404, contentType: 'text/plain', body: 'not found' };
      return { status: 200, contentType: 'text/html; charset=utf-8', body: await readFile(file) };
    },
  };
}

/**
 * Answer the demo pages' addresses from their files in this Playwright context: each page's own
 * URL gets its file, anything else on a demo host a 404 (the pages are self-contained). Other
 * requests are left alone, so a headed demo can still browse.
 */
export async function routeDemo(context: BrowserContext): Promise<void> {
  const { hosts, answer } = demoAnswerer();
  await context.route(
    (url) => hosts.has(url.host),
    async (route) => {
      const a = await answer(route.request().url());
      return a ? route.fulfill(a) : route.fallback();
    },
  );
}

/** The same for one Firefox (Puppeteer) tab. */
export async function routeDemoTab(page: PpPage): Promise<void> {
  const { answer } = demoAnswerer();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    void answer(request.url()).then((a) =>
      a ? request.respond({ status: a.status, contentType: a.contentType, body: a.body }) : request.continue(),
    );
  });
}
