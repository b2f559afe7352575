import { excerpt, hrefsOf, outboundOf, textOf } from '../html';
import { OwnerFetchError } from '../net';
import { blocks, child, isFeed } from '../xml';
import type { OwnerComment, OwnerData, OwnerPost } from '../types';
import { isoOrUndefined, type SourceContext } from './source';

/**
 * The RSS fallback where WordPress's REST API is off: `/feed/` (RSS 2.0 with `dc:creator`,
 * `slash:comments`, `wfw:commentRss`, `<comments>`: wp-includes/feed-rss2.php) and each post's
 * comment feed (`wfw:commentRss`, wp-includes/feed-rss2-comments.php). Comment feeds carry no
 * parent: an author comment later in the thread counts as the answer (`threaded: false`).
 * A feed holds the newest 10 posts by default (Settings → Reading), so fewer than asked is normal.
 */

interface FeedPost {
  post: OwnerPost;
  author: string;
  commentRss?: string;
}

async function feed(url: string, ctx: SourceContext): Promise<string> {
  const { body } = await ctx.fetcher.text(url, 'application/rss+xml, application/xml;q=0.9, */*;q=0.5');
  if (!isFeed(body)) throw new OwnerFetchError('garbage', url);
  return body;
}

function feedPost(item: string, origin: string, byWordPress: boolean): FeedPost {
  const html = child(item, 'content:encoded') ?? child(item, 'description') ?? '';
  const link = child(item, 'link') ?? origin;
  const hasThread = child(item, 'comments') !== undefined || child(item, 'wfw:commentRss') !== undefined;
  const count = child(item, 'slash:comments');
  const n = count !== undefined && /^\d+$/.test(count.trim()) ? Number(count) : null;
  return {
    author: (child(item, 'dc:creator') ?? child(item, 'author') ?? '').trim(),
    commentRss: child(item, 'wfw:commentRss'),
    post: {
      id: child(item, 'guid') ?? link,
      url: link,
      title: textOf(child(item, 'title') ?? ''),
      time: isoOrUndefined(child(item, 'pubDate')),
      text: excerpt(textOf(html)),
      urls: outboundOf(hrefsOf(html, origin), origin),
      // WordPress writes <comments> and wfw:commentRss only "if comments open or any comments": with
      // none and no such element, comments are closed. Other generators: can't tell.
      commentsOpen: hasThread && n === 0 ? true : !hasThread && byWordPress ? false : null,
      comments: null,
      commentCount: n ?? (!hasThread && byWordPress ? 0 : null),
      isReply: false,
      isRepost: false,
    },
  };
}

function commentOf(item: string, author: string, i: number): OwnerComment {
  const name = (child(item, 'dc:creator') ?? '').trim();
  const link = child(item, 'link');
  return {
    id: link?.split('#')[1] ?? child(item, 'guid') ?? String(i),
    author: name,
    byAuthor: author !== '' && name.toLowerCase() === author.toLowerCase(),
    time: isoOrUndefined(child(item, 'pubDate')),
    text: excerpt(textOf(child(item, 'content:encoded') ?? child(item, 'description') ?? '')),
    url: link,
  };
}

export async function readRss(url: URL, ctx: SourceContext): Promise<OwnerData> {
  const origin = url.origin;
  const xml = await feed(new URL('/feed/', origin).href, ctx);
  const byWordPress = /<generator>[^<]*wordpress/i.test(xml);
  const items = blocks(xml, 'item').slice(0, ctx.posts);
  if (items.length === 0) throw new OwnerFetchError('garbage', new URL('/feed/', origin).href);
  const data: OwnerData = {
    url: url.href,
    kind: 'blog',
    platform: byWordPress ? 'wordpress' : 'generic',
    source: 'rss',
    name: textOf(child(xml, 'title') ?? '') || url.hostname.replace(/^www\./, ''),
    followers: null,
    posts: [],
    threaded: false,
    notes: [{ code: 'feed-comments' }],
  };
  const parsed = items.map((item) => feedPost(item, origin, byWordPress));
  const total = parsed.length + 1;
  ctx.progress?.(1, total);
  let commentsReadable = true;
  for (const [i, { post, author, commentRss }] of parsed.entries()) {
    data.posts.push(post);
    ctx.progress?.(i + 2, total);
    // Only the site's own feeds: a comment feed on another host is not the audited origin.
    if (!commentsReadable || !commentRss || post.commentCount === 0) {
      if (post.commentCount === 0) post.comments = [];
      continue;
    }
    let target: URL;
    try {
      target = new URL(commentRss, origin);
    } catch {
      continue;
    }
    if (target.origin !== origin) continue;
    try {
      // Oldest first, as a thread reads: the feed lists newest first.
      post.comments = blocks(await feed(target.href, ctx), 'item')
        .map((item, j) => commentOf(item, author, j))
        .reverse();
    } catch (err) {
      if (!(err instanceof OwnerFetchError) || err.code === 'stopped') throw err;
      data.notes.push({ code: err.code === 'api-off' ? 'comments-off' : err.code, where: target.pathname });
      commentsReadable = err.code === 'garbage' || err.code === 'too-big';
    }
  }
  // Feeds without per-post comment feeds (wfw:commentRss) may still have the site-wide one:
  // `/comments/feed/` lists the newest comments of all posts, each linking to `<post>#comment-N`.
  const unread = data.posts.filter((p) => p.comments === null && p.commentCount !== 0);
  if (commentsReadable && unread.length > 0 && parsed.every((p) => !p.commentRss))
    await readSiteComments(origin, parsed, ctx, data);
  return data;
}

async function readSiteComments(origin: string, parsed: FeedPost[], ctx: SourceContext, data: OwnerData): Promise<void> {
  const where = new URL('/comments/feed/', origin);
  let items: string[];
  try {
    items = blocks(await feed(where.href, ctx), 'item');
  } catch (err) {
    if (!(err instanceof OwnerFetchError) || err.code === 'stopped') throw err;
    data.notes.push({ code: err.code === 'api-off' ? 'comments-off' : err.code, where: where.pathname });
    return;
  }
  for (const { post, author } of parsed) {
    const base = post.url.split('#')[0];
    const mine = items.filter((item) => (child(item, 'link') ?? '').split('#')[0] === base);
    if (post.comments === null && mine.length > 0) {
      post.comments = mine.map((item, j) => commentOf(item, author, j)).reverse();
    }
  }
}
