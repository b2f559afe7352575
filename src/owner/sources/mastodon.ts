import { excerpt, hrefsOf, textOf } from '../html';
import { OwnerFetchError } from '../net';
import type { OwnerData, OwnerPost } from '../types';
import { isoOrUndefined, type SourceContext } from './source';

/**
 * Mastodon's public REST API on the profile's own instance (docs.joinmastodon.org/methods/accounts/):
 * `GET /api/v1/accounts/lookup?acct=<name>` (Account: id, acct, followers_count, statuses_count)
 * and `GET /api/v1/accounts/:id/statuses?limit=40` (Status: id, created_at, in_reply_to_id,
 * in_reply_to_account_id, reblog, content, application.name, replies/reblogs/favourites_count),
 * paged by the `Link: <…max_id=…>; rel="next"` header, or `max_id` = the last id when it is missing.
 * Servers in "limited federation"/authorized-fetch mode answer 401: the account is private to us.
 */

/** Mastodon's own cap for statuses per page. */
export const PAGE_LIMIT = 40;

interface MAccount {
  id: string;
  acct?: string;
  username?: string;
  display_name?: string;
  followers_count?: number;
}
interface MStatus {
  id: string;
  created_at?: string;
  url?: string | null;
  uri?: string;
  content?: string;
  in_reply_to_id?: string | null;
  in_reply_to_account_id?: string | null;
  reblog?: MStatus | null;
  application?: { name?: string } | null;
  replies_count?: number;
  reblogs_count?: number;
  favourites_count?: number;
  mentions?: { url?: string }[];
  tags?: { url?: string }[];
}

/** `/@name` or `/@name@other.host` (and `/users/name`) → the acct to look up. */
export function acctOf(url: URL): string | null {
  const m = /^\/(?:@|users\/)([\w.-]+(?:@[\w.-]+)?)/.exec(url.pathname);
  return m ? m[1] : null;
}

/** The Link header's rel="next" URL, if any (RFC 8288). */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return null;
}

function postOf(s: MStatus, self: string): OwnerPost {
  const shown = s.reblog ?? s;
  const html = shown.content ?? '';
  // Links of the text, without the mention and hashtag links Mastodon renders into it.
  const skip = new Set([...(shown.mentions ?? []), ...(shown.tags ?? [])].map((x) => x.url));
  return {
    id: s.id,
    url: s.url ?? shown.url ?? s.uri ?? '',
    time: isoOrUndefined(s.created_at),
    text: excerpt(textOf(html)),
    urls: hrefsOf(html, 'https://invalid.example/').filter((u) => !skip.has(u) && !/\/tags\/|\/@/.test(u)),
    commentsOpen: null,
    comments: null,
    commentCount: null,
    // A thread of one's own posts is no reply to somebody else.
    isReply: !!s.in_reply_to_id && s.in_reply_to_account_id !== self,
    isRepost: !!s.reblog,
    client: s.application?.name,
    replies: typeof s.replies_count === 'number' ? s.replies_count : null,
    reposts: typeof s.reblogs_count === 'number' ? s.reblogs_count : null,
    likes: typeof s.favourites_count === 'number' ? s.favourites_count : null,
  };
}

export async function readMastodon(url: URL, ctx: SourceContext): Promise<OwnerData> {
  const acct = acctOf(url);
  if (!acct) throw new OwnerFetchError('unsupported', url.href);
  const lookup = new URL('/api/v1/accounts/lookup', url.origin);
  lookup.searchParams.set('acct', acct);
  let account: MAccount;
  try {
    account = (await ctx.fetcher.json<MAccount>(lookup.href)).body;
  } catch (err) {
    // lookup answers 404 for an unknown account: not an API that is off.
    if (err instanceof OwnerFetchError && err.code === 'api-off') throw new OwnerFetchError('not-found', lookup.href, err.status);
    throw err;
  }
  if (!account || typeof account.id !== 'string') throw new OwnerFetchError('garbage', lookup.href);
  const data: OwnerData = {
    url: url.href,
    kind: 'social',
    platform: 'mastodon',
    source: 'mastodon-api',
    name: `@${account.acct ?? acct}`,
    followers: typeof account.followers_count === 'number' ? account.followers_count : null,
    posts: [],
    threaded: true,
    notes: [],
  };
  const pages = Math.ceil(ctx.posts / PAGE_LIMIT) + 1;
  ctx.progress?.(1, pages);
  let next: string | null = new URL(
    `/api/v1/accounts/${encodeURIComponent(account.id)}/statuses?limit=${Math.min(PAGE_LIMIT, ctx.posts)}`,
    url.origin,
  ).href;
  for (let page = 2; next && data.posts.length < ctx.posts; page++) {
    const target: URL = new URL(next, url.origin);
    // The Link header names the same instance; anything else is not followed.
    if (target.origin !== url.origin) break;
    const { body, headers } = await ctx.fetcher.json<MStatus[]>(target.href);
    if (!Array.isArray(body) || !body.every((s) => s && typeof s.id === 'string'))
      throw new OwnerFetchError('garbage', target.href);
    data.posts.push(...body.map((s) => postOf(s, account.id)));
    ctx.progress?.(page, pages);
    if (body.length === 0) break;
    next = nextLink(headers.get('link'));
    if (!next && body.length >= PAGE_LIMIT) {
      const fallback: URL = new URL(target.href);
      fallback.searchParams.set('max_id', body[body.length - 1].id);
      next = fallback.href;
    }
  }
  data.posts = data.posts.slice(0, ctx.posts);
  return data;
}
