import { excerpt } from '../html';
import { OwnerFetchError } from '../net';
import type { OwnerData, OwnerPost } from '../types';
import { isoOrUndefined, type SourceContext } from './source';

/**
 * Bluesky's public AppView (docs.bsky.app: "public endpoints … directly against
 * https://public.api.bsky.app"): `app.bsky.actor.getProfile?actor=` (did, handle, followersCount,
 * postsCount) and `app.bsky.feed.getAuthorFeed?actor=&limit=100&cursor=` (FeedViewPost[]: `post`
 * with `record.text`, `record.createdAt`, `record.reply`, `record.facets`, exact reply/repost/like
 * counts; `reason` of type `app.bsky.feed.defs#reasonRepost` for reposts), paged by `cursor`.
 */
export const BLUESKY_APPVIEW = 'https://public.api.bsky.app';
/** getAuthorFeed's maximum `limit` (lexicon: 1–100). */
export const FEED_LIMIT = 100;

interface BProfile {
  did?: string;
  handle?: string;
  followersCount?: number;
}
interface BFacetFeature {
  $type?: string;
  uri?: string;
}
interface BPost {
  uri?: string;
  author?: { did?: string; handle?: string };
  record?: {
    text?: string;
    createdAt?: string;
    reply?: { parent?: { uri?: string } };
    facets?: { features?: BFacetFeature[] }[];
    embed?: { external?: { uri?: string } };
  };
  replyCount?: number;
  repostCount?: number;
  likeCount?: number;
}
interface BFeed {
  feed?: { post?: BPost; reason?: { $type?: string; indexedAt?: string } }[];
  cursor?: string;
}

/** `bsky.app/profile/<handle-or-did>` → the actor. */
export function actorOf(url: URL): string | null {
  return /^\/profile\/([^/?#]+)/.exec(url.pathname)?.[1] ?? null;
}

function webUrl(post: BPost): string {
  const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(post.uri ?? '');
  return m ? `https://bsky.app/profile/${post.author?.handle ?? m[1]}/post/${m[2]}` : (post.uri ?? '');
}

function postOf(item: NonNullable<BFeed['feed']>[number], did: string): OwnerPost {
  const p = item.post ?? {};
  const r = p.record ?? {};
  const isRepost = item.reason?.$type === 'app.bsky.feed.defs#reasonRepost';
  const links = (r.facets ?? [])
    .flatMap((f) => f.features ?? [])
    .filter((f) => f.$type === 'app.bsky.richtext.facet#link' && f.uri)
    .map((f) => f.uri!);
  if (r.embed?.external?.uri) links.push(r.embed.external.uri);
  const parent = r.reply?.parent?.uri ?? '';
  return {
    id: `${p.uri ?? ''}${isRepost ? '#repost' : ''}`,
    url: webUrl(p),
    // A repost's own time is when it was reposted (reason.indexedAt), not when the original was written.
    time: isoOrUndefined(isRepost ? item.reason?.indexedAt : r.createdAt),
    text: excerpt(r.text ?? ''),
    urls: [...new Set(links)],
    commentsOpen: null,
    comments: null,
    commentCount: null,
    isReply: !isRepost && !!r.reply && !parent.startsWith(`at://${did}/`),
    isRepost,
    replies: p.replyCount ?? null,
    reposts: p.repostCount ?? null,
    likes: p.likeCount ?? null,
  };
}

export async function readBluesky(url: URL, ctx: SourceContext, appView = BLUESKY_APPVIEW): Promise<OwnerData> {
  const actor = actorOf(url);
  if (!actor) throw new OwnerFetchError('unsupported', url.href);
  const xrpc = (method: string, params: Record<string, string>) => {
    const u = new URL(`/xrpc/${method}`, appView);
    for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
    return u.href;
  };
  const profileUrl = xrpc('app.bsky.actor.getProfile', { actor });
  let profile: BProfile;
  try {
    profile = (await ctx.fetcher.json<BProfile>(profileUrl)).body;
  } catch (err) {
    // XRPC answers 400 {"error":"InvalidRequest","message":"Profile not found"} for unknown actors.
    if (err instanceof OwnerFetchError && err.status === 400) throw new OwnerFetchError('not-found', profileUrl, 400);
    throw err;
  }
  if (!profile || typeof profile.did !== 'string') throw new OwnerFetchError('garbage', profileUrl);
  const data: OwnerData = {
    url: url.href,
    kind: 'social',
    platform: 'bluesky',
    source: 'bluesky-api',
    name: `@${profile.handle ?? actor}`,
    followers: typeof profile.followersCount === 'number' ? profile.followersCount : null,
    posts: [],
    threaded: true,
    notes: [],
  };
  const pages = Math.ceil(ctx.posts / FEED_LIMIT) + 1;
  ctx.progress?.(1, pages);
  let cursor: string | undefined;
  for (let page = 2; data.posts.length < ctx.posts; page++) {
    const params: Record<string, string> = {
      actor: profile.did,
      limit: String(Math.min(FEED_LIMIT, ctx.posts - data.posts.length)),
      filter: 'posts_with_replies',
    };
    if (cursor) params.cursor = cursor;
    const feedUrl = xrpc('app.bsky.feed.getAuthorFeed', params);
    const { body } = await ctx.fetcher.json<BFeed>(feedUrl);
    if (!body || !Array.isArray(body.feed)) throw new OwnerFetchError('garbage', feedUrl);
    data.posts.push(...body.feed.map((item) => postOf(item, profile.did!)));
    ctx.progress?.(page, pages);
    if (!body.cursor || body.feed.length === 0 || body.cursor === cursor) break;
    cursor = body.cursor;
  }
  data.posts = data.posts.slice(0, ctx.posts);
  return data;
}
