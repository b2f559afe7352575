import { excerpt, hrefsOf, outboundOf, textOf } from '../html';
import { OwnerFetchError } from '../net';
import type { OwnerComment, OwnerData, OwnerPost } from '../types';
import { isoOrUndefined, MAX_COMMENTS_PER_POST, type SourceContext } from './source';

/**
 * WordPress's REST API (self-hosted and WordPress.com, both at `<site>/wp-json/`):
 * `/wp/v2/posts` (comment_status, author, date_gmt, content.rendered) and
 * `/wp/v2/comments?post=…` (author, author_name, parent, date_gmt, type). Paging by `page=` and
 * the `X-WP-TotalPages` header (developer.wordpress.org/rest-api/using-the-rest-api/pagination/).
 */

/** WordPress caps per_page at 100 (rest_invalid_param above that). */
export const PER_PAGE_MAX = 100;

interface WpRendered {
  rendered?: string;
}
interface WpPost {
  id: number;
  link?: string;
  date_gmt?: string;
  date?: string;
  title?: WpRendered;
  content?: WpRendered;
  comment_status?: string;
  author?: number;
}
interface WpComment {
  id: number;
  post?: number;
  parent?: number;
  author?: number;
  author_name?: string;
  date_gmt?: string;
  date?: string;
  content?: WpRendered;
  link?: string;
  type?: string;
}

function api(origin: string, path: string, params: Record<string, string | number>): string {
  const url = new URL(`/wp-json/wp/v2/${path}`, origin);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  return url.href;
}

function totalPages(headers: Headers): number {
  const n = Number(headers.get('x-wp-totalpages'));
  return Number.isFinite(n) && n > 0 ? n : 1;
}

function isArrayOf<T>(body: unknown, ok: (x: T) => boolean): body is T[] {
  return Array.isArray(body) && body.every((x) => x !== null && typeof x === 'object' && ok(x as T));
}

export async function readPosts(origin: string, ctx: SourceContext): Promise<WpPost[]> {
  const perPage = Math.min(PER_PAGE_MAX, ctx.posts);
  const posts: WpPost[] = [];
  for (let page = 1; posts.length < ctx.posts; page++) {
    const url = api(origin, 'posts', { per_page: perPage, page, orderby: 'date', order: 'desc' });
    const { body, headers } = await ctx.fetcher.json(url);
    if (!isArrayOf<WpPost>(body, (p) => typeof p.id === 'number')) throw new OwnerFetchError('garbage', url);
    posts.push(...body);
    if (page >= totalPages(headers) || body.length === 0) break;
  }
  return posts.slice(0, ctx.posts);
}

/** Every comment of one post, page by page up to MAX_COMMENTS_PER_POST. */
export async function readComments(origin: string, postId: number, ctx: SourceContext): Promise<WpComment[]> {
  const out: WpComment[] = [];
  for (let page = 1; out.length < MAX_COMMENTS_PER_POST; page++) {
    const url = api(origin, 'comments', { post: postId, per_page: PER_PAGE_MAX, page, orderby: 'date_gmt', order: 'asc' });
    const { body, headers } = await ctx.fetcher.json(url);
    if (!isArrayOf<WpComment>(body, (c) => typeof c.id === 'number')) throw new OwnerFetchError('garbage', url);
    out.push(...body);
    if (page >= totalPages(headers) || body.length === 0) break;
  }
  return out;
}

function postOf(p: WpPost, origin: string): OwnerPost {
  const html = p.content?.rendered ?? '';
  return {
    id: String(p.id),
    url: p.link ?? new URL(`/?p=${p.id}`, origin).href,
    title: textOf(p.title?.rendered ?? ''),
    time: isoOrUndefined(p.date_gmt, true) ?? isoOrUndefined(p.date),
    text: excerpt(textOf(html)),
    urls: outboundOf(hrefsOf(html, origin), origin),
    commentsOpen: p.comment_status === 'open' ? true : p.comment_status === 'closed' ? false : null,
    comments: null,
    commentCount: null,
    isReply: false,
    isRepost: false,
  };
}

/** Human comments only: pingbacks and trackbacks are no conversation (`type` is "comment" for people). */
function commentOf(c: WpComment, postAuthor: number | undefined): OwnerComment | null {
  if (c.type && c.type !== 'comment') return null;
  return {
    id: String(c.id),
    parentId: c.parent ? String(c.parent) : undefined,
    author: c.author_name ?? '',
    // Guests have author 0; the post author answers logged in, with their user id.
    byAuthor: postAuthor !== undefined && postAuthor > 0 && c.author === postAuthor,
    time: isoOrUndefined(c.date_gmt, true) ?? isoOrUndefined(c.date),
    text: excerpt(textOf(c.content?.rendered ?? '')),
    url: c.link,
  };
}

export async function readWordPressRest(url: URL, ctx: SourceContext): Promise<OwnerData> {
  const origin = url.origin;
  const raw = await readPosts(origin, ctx);
  const data: OwnerData = {
    url: url.href,
    kind: 'blog',
    platform: 'wordpress',
    source: 'wp-rest',
    name: url.hostname.replace(/^www\./, ''),
    followers: null,
    posts: [],
    threaded: true,
    notes: [],
  };
  const total = raw.length + 1;
  ctx.progress?.(1, total);
  // After the comments route refused once (off, rate-limited, slow), the rest of the posts are listed without comments.
  let commentsReadable = true;
  for (const [i, p] of raw.entries()) {
    const post = postOf(p, origin);
    data.posts.push(post);
    if (!commentsReadable) continue;
    try {
      const comments = await readComments(origin, p.id, ctx);
      post.comments = comments.map((c) => commentOf(c, p.author)).filter((c): c is OwnerComment => c !== null);
      post.commentCount = post.comments.length;
    } catch (err) {
      if (!(err instanceof OwnerFetchError)) throw err;
      if (err.code === 'stopped') throw err;
      // Sites that hide comments from the API (a plugin, a 401 for the comments route) still publish posts.
      if (err.code === 'api-off' || err.code === 'private')
        data.notes.push({ code: 'comments-off', where: '/wp-json/wp/v2/comments' });
      else data.notes.push({ code: err.code, where: new URL(err.url || origin).pathname });
      commentsReadable = err.code === 'garbage' || err.code === 'too-big';
    }
    ctx.progress?.(i + 2, total);
  }
  return data;
}
