import { excerpt, hrefsOf, outboundOf, textOf } from '../html';
import { OwnerFetchError } from '../net';
import type { OwnerData, OwnerPost } from '../types';
import { isoOrUndefined, type SourceContext } from './source';

/**
 * Blogger's JSON feeds (GData, `alt=json`): `/feeds/posts/default` and `/feeds/comments/default`
 * on the blog's own host. Entries have `id.$t` ("tag:blogger.com,1999:blog-<blog>.post-<post>"),
 * `published.$t`, `link[]` (rel alternate / replies / related), `author[].name.$t` and `.uri.$t`,
 * `thr$total.$t`; a comment has `thr$in-reply-to.ref` (its post's id) and a `related` link to the
 * comment it answers. Paging by `start-index` / `max-results` and `openSearch$totalResults`.
 */

/** Blogger returns at most 150 entries a page (its feeds' documented max-results cap). */
export const MAX_RESULTS = 150;
/** Comments read across the blog at most: the newest 500 cover 20 posts of an active blog. */
export const MAX_COMMENTS = 500;

interface T {
  $t?: string;
}
interface GLink {
  rel?: string;
  href?: string;
  title?: string;
}
interface GEntry {
  id?: T;
  published?: T;
  title?: T;
  content?: T;
  summary?: T;
  link?: GLink[];
  author?: { name?: T; uri?: T }[];
  thr$total?: T;
  'thr$in-reply-to'?: { ref?: string; href?: string };
}
interface GFeed {
  feed?: { entry?: GEntry[]; title?: T; openSearch$totalResults?: T };
}

function feedUrl(origin: string, which: 'posts' | 'comments', start: number, max: number): string {
  const url = new URL(`/feeds/${which}/default`, origin);
  url.searchParams.set('alt', 'json');
  url.searchParams.set('start-index', String(start));
  url.searchParams.set('max-results', String(max));
  return url.href;
}

async function entries(
  origin: string,
  which: 'posts' | 'comments',
  want: number,
  ctx: SourceContext,
): Promise<{ list: GEntry[]; title: string }> {
  const list: GEntry[] = [];
  let title = '';
  while (list.length < want) {
    const url = feedUrl(origin, which, list.length + 1, Math.min(MAX_RESULTS, want - list.length));
    const { body } = await ctx.fetcher.json<GFeed>(url);
    if (!body || typeof body !== 'object' || !body.feed || typeof body.feed !== 'object')
      throw new OwnerFetchError('garbage', url);
    const got = Array.isArray(body.feed.entry) ? body.feed.entry : [];
    title ||= body.feed.title?.$t ?? '';
    list.push(...got);
    const total = Number(body.feed.openSearch$totalResults?.$t ?? list.length);
    if (got.length === 0 || list.length >= total) break;
  }
  return { list: list.slice(0, want), title };
}

const idTail = (id: string | undefined) => id?.match(/(?:post|comment)-(\d+)$/)?.[1] ?? id ?? '';
const who = (e: GEntry) => ({ name: e.author?.[0]?.name?.$t ?? '', uri: e.author?.[0]?.uri?.$t ?? '' });
const linkOf = (e: GEntry, rel: string) => e.link?.find((l) => l.rel === rel)?.href;

export async function readBlogger(url: URL, ctx: SourceContext): Promise<OwnerData> {
  const origin = url.origin;
  const { list: rawPosts, title } = await entries(origin, 'posts', ctx.posts, ctx);
  ctx.progress?.(1, 2);
  const data: OwnerData = {
    url: url.href,
    kind: 'blog',
    platform: 'blogger',
    source: 'blogger-feed',
    name: title || url.hostname,
    followers: null,
    posts: [],
    threaded: true,
    notes: [],
  };
  const authors = new Map<string, { name: string; uri: string }>();
  const byId = new Map<string, OwnerPost>();
  for (const e of rawPosts) {
    const html = e.content?.$t ?? e.summary?.$t ?? '';
    const id = idTail(e.id?.$t);
    const total = Number(e.thr$total?.$t);
    const post: OwnerPost = {
      id,
      url: linkOf(e, 'alternate') ?? origin,
      title: textOf(e.title?.$t ?? ''),
      time: isoOrUndefined(e.published?.$t),
      text: excerpt(textOf(html)),
      urls: outboundOf(hrefsOf(html, origin), origin),
      // A post with comments off has no `replies` link in the feed.
      commentsOpen: e.link ? e.link.some((l) => l.rel === 'replies') : null,
      comments: [],
      commentCount: Number.isFinite(total) ? total : null,
      isReply: false,
      isRepost: false,
    };
    authors.set(id, who(e));
    byId.set(id, post);
    data.posts.push(post);
  }
  try {
    const { list } = await entries(origin, 'comments', MAX_COMMENTS, ctx);
    for (const c of list) {
      const post = byId.get(idTail(c['thr$in-reply-to']?.ref));
      if (!post) continue;
      const author = authors.get(post.id)!;
      const w = who(c);
      const related = linkOf(c, 'related');
      post.comments!.push({
        id: idTail(c.id?.$t),
        parentId: related ? idTail(related.replace(/\?.*$/, '').split('/').pop()) || undefined : undefined,
        author: w.name,
        byAuthor: author.uri !== '' ? w.uri === author.uri : w.name === author.name && w.name !== '',
        time: isoOrUndefined(c.published?.$t),
        text: excerpt(textOf(c.content?.$t ?? '')),
        url: linkOf(c, 'alternate'),
      });
    }
    for (const p of data.posts) p.comments!.sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''));
  } catch (err) {
    if (!(err instanceof OwnerFetchError) || err.code === 'stopped') throw err;
    for (const p of data.posts) p.comments = null;
    data.notes.push({
      code: err.code === 'api-off' || err.code === 'private' ? 'comments-off' : err.code,
      where: '/feeds/comments/default',
    });
  }
  ctx.progress?.(2, 2);
  return data;
}
