import type { Platform } from '../contract';
import type { HowSocialDb } from '../storage/db';
import { ownerHandle } from '../storage/owner';
import { siteOf } from '../contract/site';
import { ownerReportOf } from './audit';
import { type FetchOptions, Fetcher, OwnerFetchError } from './net';
import { readBlogger } from './sources/blogger';
import { BLUESKY_APPVIEW, readBluesky } from './sources/bluesky';
import { acctOf, readMastodon } from './sources/mastodon';
import { PAGES_PLATFORMS, readPages } from './sources/pages';
import { readRss } from './sources/rss';
import { DEFAULT_POSTS, MAX_POSTS, type SourceContext } from './sources/source';
import { readWordPressRest } from './sources/wp-rest';
import type { OwnerData, OwnerNote, OwnerReport } from './types';

/**
 * The owner audit from one URL: picks the source (the platform the page audit found, else the
 * URL), falls back WordPress REST → RSS → the pages already visited, and judges what it read.
 * Talks only to the URL's own origin, or to Bluesky's public AppView for bsky.app profiles.
 */

export interface OwnerRunOptions extends Omit<FetchOptions, 'onRequest'> {
  url: string;
  /** the platform the page audit found, when there is one */
  platform?: Platform;
  posts?: number;
  db?: HowSocialDb;
  now?: () => number;
  blueskyAppView?: string;
  progress?: (done: number, total: number) => void;
  onRequest?: (url: string) => void;
}

export type OwnerRoute = 'bluesky' | 'mastodon' | 'blogger' | 'pages' | 'blog';

const PAGES_HOSTS = /(^|\.)(x\.com|twitter\.com|facebook\.com|instagram\.com|linkedin\.com)$/;

export function routeOf(url: URL, platform?: Platform): OwnerRoute {
  const host = url.hostname.toLowerCase();
  if (platform === 'bluesky' || host === 'bsky.app') return 'bluesky';
  if ((platform && PAGES_PLATFORMS.includes(platform)) || PAGES_HOSTS.test(host)) return 'pages';
  if (platform === 'mastodon' || (!platform && acctOf(url) && !/(^|\.)medium\.com$/.test(host))) return 'mastodon';
  if (platform === 'blogger' || /\.blogspot\.[a-z.]+$/.test(host)) return 'blogger';
  return 'blog';
}

function platformOfPages(url: URL, platform?: Platform): Platform {
  if (platform) return platform;
  const host = url.hostname;
  return /instagram/.test(host) ? 'instagram' : /linkedin/.test(host) ? 'linkedin' : /facebook/.test(host) ? 'facebook' : 'x';
}

/** The social handle in a profile URL (x.com/Name → "name"; linkedin.com/company/name → "name"), for the pages source. */
function handleOf(url: URL): string | undefined {
  const parts = url.pathname.split('/').filter(Boolean);
  const first = /^(in|company|school|pg)$/.test(parts[0] ?? '') ? parts[1] : parts[0];
  return first ? ownerHandle(decodeURIComponent(first)) : undefined;
}

const WEAK: OwnerFetchError['code'][] = ['api-off', 'private', 'garbage', 'not-found', 'too-big'];

async function read(url: URL, o: OwnerRunOptions, ctx: SourceContext): Promise<OwnerData> {
  const route = routeOf(url, o.platform);
  const pages = async (kind: OwnerData['kind'], platform: Platform, notes: OwnerNote[] = []): Promise<OwnerData> => {
    if (!o.db) throw new OwnerFetchError('unsupported', url.href);
    const data = await readPages({
      db: o.db,
      site: siteOf(url.href),
      platform,
      kind,
      owner: kind === 'social' ? handleOf(url) : undefined,
      posts: ctx.posts,
      url: url.href,
    });
    data.notes.unshift(...notes);
    return data;
  };
  if (route === 'bluesky') return readBluesky(url, ctx, o.blueskyAppView ?? BLUESKY_APPVIEW);
  if (route === 'mastodon') return readMastodon(url, ctx);
  if (route === 'pages') return pages('social', platformOfPages(url, o.platform));
  const notes: OwnerNote[] = [];
  const fallback = async (err: unknown, next: () => Promise<OwnerData>): Promise<OwnerData> => {
    if (!(err instanceof OwnerFetchError) || !WEAK.includes(err.code)) throw err;
    notes.push({ code: err.code, where: err.url ? new URL(err.url).pathname : undefined });
    return next();
  };
  const viaPages = () => pages('blog', o.platform ?? 'generic');
  const data =
    route === 'blogger'
      ? await readBlogger(url, ctx).catch((err) => fallback(err, viaPages))
      : await readWordPressRest(url, ctx).catch((err) =>
          fallback(err, () => readRss(url, ctx).catch((err2) => fallback(err2, viaPages))),
        );
  data.notes.unshift(...notes);
  return data;
}

export async function runOwnerAudit(o: OwnerRunOptions): Promise<OwnerReport> {
  let url: URL;
  try {
    url = new URL(o.url);
  } catch {
    throw new OwnerFetchError('unsupported', o.url);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OwnerFetchError('unsupported', o.url);
  const fetcher = new Fetcher(o);
  const posts = Math.max(1, Math.min(MAX_POSTS, Math.floor(o.posts ?? DEFAULT_POSTS)));
  const data = await read(url, o, { fetcher, posts, progress: o.progress });
  const now = (o.now ?? Date.now)();
  const visited = new Map<string, number | null>();
  if (o.db && data.kind === 'blog') {
    const urls = data.posts.map((p) => p.url);
    for (const a of await o.db.audits.where('url').anyOf(urls).sortBy('time')) visited.set(a.url, a.score);
  }
  if (o.db && data.followers === null && data.kind === 'social') {
    const latest = await o.db.audits
      .where('[site+time]')
      .between([siteOf(url.href), -Infinity], [siteOf(url.href), Infinity])
      .last();
    data.followers = latest?.facts?.followers ?? null;
  }
  return ownerReportOf(data, now, visited);
}
