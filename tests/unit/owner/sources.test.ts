import { describe, expect, it } from 'vitest';
import { Fetcher, OwnerFetchError } from '../../../src/owner/net';
import { readBlogger } from '../../../src/owner/sources/blogger';
import { readBluesky } from '../../../src/owner/sources/bluesky';
import { acctOf, nextLink, readMastodon } from '../../../src/owner/sources/mastodon';
import { readRss } from '../../../src/owner/sources/rss';
import type { SourceContext } from '../../../src/owner/sources/source';
import { readWordPressRest } from '../../../src/owner/sources/wp-rest';
import { BLOGGER_COMMENTS, BLOGGER_POSTS } from '../../fixtures/owner/blogger';
import { RSS_COMMENTS_HOBELBANK, RSS_POSTS, RSS_POSTS_NO_COMMENT_FEEDS, RSS_SITE_COMMENTS } from '../../fixtures/owner/feeds';
import { BSKY_PROFILE, bskyItem, INSTANCE, MASTODON_ACCOUNT, status } from '../../fixtures/owner/social';
import {
  WP_COMMENTS_102_PAGE1,
  WP_COMMENTS_102_PAGE2,
  WP_COMMENTS_103,
  WP_POSTS,
  WP_REST_LOGIN,
} from '../../fixtures/owner/wordpress';
import { type FakeFetch, fakeFetch, json, type Route, xml } from './fake-fetch';

function ctx(f: FakeFetch, posts = 20): SourceContext {
  return { fetcher: new Fetcher({ fetch: f.fetch, sleep: async () => {} }), posts };
}

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof OwnerFetchError ? err.code : String(err);
  }
}

const wpRoutes = (over: Record<string, Route> = {}): Record<string, Route> => ({
  '/wp-json/wp/v2/posts': () => json(WP_POSTS, 200, { 'x-wp-total': '3', 'x-wp-totalpages': '1' }),
  '/wp-json/wp/v2/comments': (u) => {
    const post = u.searchParams.get('post');
    const page = u.searchParams.get('page');
    if (post === '103') return json(WP_COMMENTS_103, 200, { 'x-wp-totalpages': '1' });
    if (post === '102')
      return json(page === '2' ? WP_COMMENTS_102_PAGE2 : WP_COMMENTS_102_PAGE1, 200, { 'x-wp-totalpages': '2' });
    return json([], 200, { 'x-wp-totalpages': '0' });
  },
  ...over,
});

describe('WordPress REST source', () => {
  const site = new URL('https://blog.example.de/2026/11/beitrag-103/');

  it('reads posts, their comment state, outbound links and every comment page', async () => {
    const f = fakeFetch(wpRoutes());
    const data = await readWordPressRest(site, ctx(f));
    expect(data.source).toBe('wp-rest');
    expect(data.posts.map((p) => [p.id, p.commentsOpen, p.time])).toEqual([
      ['103', true, '2026-11-30T09:15:00.000Z'],
      ['102', true, '2026-06-15T09:15:00.000Z'],
      ['101', false, '2026-03-02T09:15:00.000Z'],
    ]);
    expect(data.posts[0].title).toBe('Frühstück im Advent – unsere Tipps');
    // Own /kontakt/ link is not "shared"; the shop link is.
    expect(data.posts[0].urls).toEqual(['https://www.example-shop.de/angebote/?utm_source=blog']);
    // The pingback is no comment; the author (user 1) is told apart from guests (0).
    expect(data.posts[0].comments!.map((c) => [c.id, c.parentId, c.byAuthor])).toEqual([
      ['1', undefined, false],
      ['2', '1', true],
      ['3', undefined, false],
    ]);
    // Both pages of post 102's comments were read (X-WP-TotalPages: 2).
    expect(data.posts[1].comments!.map((c) => c.id)).toEqual(['10', '11', '12', '13']);
    expect(f.log.every((r) => new URL(r.url).origin === site.origin)).toBe(true);
  });

  it('pages through posts by X-WP-TotalPages', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ ...WP_POSTS[0], id: 1000 - i }));
    const f = fakeFetch(
      wpRoutes({
        '/wp-json/wp/v2/posts': (u) => {
          const page = Number(u.searchParams.get('page'));
          return json(many.slice((page - 1) * 100, page * 100), 200, { 'x-wp-totalpages': '2' });
        },
        '/wp-json/wp/v2/comments': () => json([], 200, { 'x-wp-totalpages': '0' }),
      }),
    );
    const data = await readWordPressRest(site, ctx(f, 130));
    expect(data.posts).toHaveLength(130);
    expect(f.log.filter((r) => r.url.includes('/posts')).map((r) => new URL(r.url).searchParams.get('page'))).toEqual(['1', '2']);
  });

  it('says the API is off (404 rest_no_route) by throwing api-off', async () => {
    const f = fakeFetch({});
    expect(await failure(readWordPressRest(site, ctx(f)))).toBe('api-off');
  });

  it('keeps the posts when only the comments route needs a login, with a comments-off note', async () => {
    const f = fakeFetch(wpRoutes({ '/wp-json/wp/v2/comments': () => json(WP_REST_LOGIN, 401) }));
    const data = await readWordPressRest(site, ctx(f));
    expect(data.posts).toHaveLength(3);
    expect(data.posts.every((p) => p.comments === null)).toBe(true);
    expect(data.notes.map((n) => n.code)).toEqual(['comments-off']);
    // Once refused, the comments route is not asked again for every post.
    expect(f.log.filter((r) => r.url.includes('/comments')).length).toBe(1);
  });

  it('notes a 429 on the comments and keeps what it read', async () => {
    const f = fakeFetch(wpRoutes({ '/wp-json/wp/v2/comments': () => json({}, 429, { 'retry-after': '600' }) }));
    const data = await readWordPressRest(site, ctx(f));
    expect(data.posts).toHaveLength(3);
    expect(data.notes.map((n) => n.code)).toEqual(['rate-limited']);
  });

  it('calls posts that are not a list of posts garbage', async () => {
    const f = fakeFetch({ '/wp-json/wp/v2/posts': () => json({ posts: 'nope' }) });
    expect(await failure(readWordPressRest(site, ctx(f)))).toBe('garbage');
  });
});

describe('RSS source', () => {
  const site = new URL('https://alt.example.de/hobelbank/');
  const routes = {
    '/feed/': () => xml(RSS_POSTS),
    '/hobelbank/feed/': () => xml(RSS_COMMENTS_HOBELBANK),
  };

  it('reads /feed/ and the comment feeds of posts that have comments, oldest comment first', async () => {
    const f = fakeFetch(routes);
    const data = await readRss(site, ctx(f));
    expect(data.source).toBe('rss');
    expect(data.threaded).toBe(false);
    expect(data.posts.map((p) => [p.title, p.commentsOpen, p.commentCount])).toEqual([
      ['Die neue Hobelbank', null, 3],
      ['Tag der offenen Werkstatt', true, 0],
      // WordPress writes no <comments> for a post with comments closed and none written.
      ['Wir ziehen um', false, 0],
    ]);
    expect(data.posts[0].comments!.map((c) => [c.author, c.byAuthor])).toEqual([
      ['Max', false],
      ['Jörg', true],
      ['Lena', false],
    ]);
    expect(data.posts[0].urls).toEqual(['https://holz.example.org/anleitung']);
    // Only the one post with comments had its feed read.
    expect(f.log.map((r) => new URL(r.url).pathname)).toEqual(['/feed/', '/hobelbank/feed/']);
  });

  it('without per-post comment feeds, reads the site-wide /comments/feed/ and matches comments to posts by link', async () => {
    const f = fakeFetch({ '/feed/': () => xml(RSS_POSTS_NO_COMMENT_FEEDS), '/comments/feed/': () => xml(RSS_SITE_COMMENTS) });
    const data = await readRss(site, ctx(f));
    expect(data.posts[0].comments!.map((c) => [c.author, c.byAuthor])).toEqual([
      ['Max', false],
      ['Jörg', true],
      ['Lena', false],
    ]);
    expect(f.log.map((r) => new URL(r.url).pathname)).toEqual(['/feed/', '/comments/feed/']);
  });

  it('calls an HTML page at /feed/ garbage', async () => {
    const f = fakeFetch({ '/feed/': () => new Response('<!doctype html><title>Startseite</title>', { status: 200 }) });
    expect(await failure(readRss(site, ctx(f)))).toBe('garbage');
  });
});

describe('Blogger source', () => {
  const site = new URL('https://kochtopf.blogspot.com/2026/11/111.html');

  it('reads posts and the blog-wide comment feed, matching comments to posts and parents', async () => {
    const f = fakeFetch({
      '/feeds/posts/default': () => json(BLOGGER_POSTS),
      '/feeds/comments/default': () => json(BLOGGER_COMMENTS),
    });
    const data = await readBlogger(site, ctx(f));
    expect(data.name).toBe('Kochtopf');
    expect(data.posts.map((p) => [p.id, p.commentsOpen, p.commentCount])).toEqual([
      ['111', true, 2],
      ['110', false, null],
    ]);
    expect(data.posts[0].comments!.map((c) => [c.id, c.parentId, c.byAuthor])).toEqual([
      ['9001', undefined, false],
      ['9002', '9001', true],
    ]);
    expect(new URL(f.log[0].url).searchParams.get('alt')).toBe('json');
  });

  it('keeps the posts when the comment feed is off', async () => {
    const f = fakeFetch({ '/feeds/posts/default': () => json(BLOGGER_POSTS) });
    const data = await readBlogger(site, ctx(f));
    expect(data.posts).toHaveLength(2);
    expect(data.posts[0].comments).toBeNull();
    expect(data.notes.map((n) => n.code)).toEqual(['comments-off']);
  });
});

describe('Mastodon source', () => {
  const profile = new URL(`${INSTANCE}/@baeckerei`);

  it('looks up the account and pages statuses by the Link header', async () => {
    // Fewer than `limit` on a page with a next link: Mastodon filters (e.g. deleted or
    // limited statuses) after paging, so only the Link header says there is more.
    const page1 = Array.from({ length: 30 }, () => status());
    const page2 = [
      status({ in_reply_to_id: '1', in_reply_to_account_id: '999' }),
      status({ in_reply_to_id: '2', in_reply_to_account_id: MASTODON_ACCOUNT.id }),
      status({
        reblog: status({ content: '<p>Fremder Beitrag <a href="https://news.example.org/a">Link</a></p>' }),
        content: '',
      }),
      status({ application: { name: 'Buffer', website: 'https://buffer.com' } }),
    ];
    const f = fakeFetch({
      '/api/v1/accounts/lookup': (u) =>
        u.searchParams.get('acct') === 'baeckerei' ? json(MASTODON_ACCOUNT) : json({ error: 'Record not found' }, 404),
      [`/api/v1/accounts/${MASTODON_ACCOUNT.id}/statuses`]: (u) =>
        u.searchParams.get('max_id')
          ? json(page2)
          : json(page1, 200, {
              link: `<${INSTANCE}/api/v1/accounts/${MASTODON_ACCOUNT.id}/statuses?limit=40&max_id=${page1[29].id}>; rel="next", <${INSTANCE}/api/v1/accounts/${MASTODON_ACCOUNT.id}/statuses?min_id=${page1[0].id}>; rel="prev"`,
            }),
    });
    const data = await readMastodon(profile, ctx(f, 60));
    expect(data.followers).toBe(1234);
    expect(data.posts).toHaveLength(34);
    const tail = data.posts.slice(30);
    expect(tail.map((p) => [p.isReply, p.isRepost])).toEqual([
      [true, false],
      // A thread of one's own posts is no reply to somebody else.
      [false, false],
      [false, true],
      [false, false],
    ]);
    expect(tail[2].urls).toEqual(['https://news.example.org/a']);
    expect(tail[3].client).toBe('Buffer');
    // Hashtag links are not "shared links".
    expect(data.posts[0].urls).toEqual([]);
    expect(f.log.map((r) => new URL(r.url).searchParams.get('max_id'))).toEqual([null, null, page1[29].id]);
    expect(f.log.every((r) => r.url.startsWith(INSTANCE))).toBe(true);
  });

  it('says not-found for an unknown account and private for an instance that wants a login', async () => {
    expect(await failure(readMastodon(new URL(`${INSTANCE}/@niemand`), ctx(fakeFetch({}))))).toBe('not-found');
    const f = fakeFetch({
      '/api/v1/accounts/lookup': () => json(MASTODON_ACCOUNT),
      [`/api/v1/accounts/${MASTODON_ACCOUNT.id}/statuses`]: () =>
        json({ error: 'This method requires an authenticated user' }, 401),
    });
    expect(await failure(readMastodon(profile, ctx(f)))).toBe('private');
  });

  it('reads the acct from profile URLs and the next link from Link headers', () => {
    expect(acctOf(new URL('https://a.example/@x@b.example'))).toBe('x@b.example');
    expect(acctOf(new URL('https://a.example/users/x'))).toBe('x');
    expect(acctOf(new URL('https://a.example/about'))).toBeNull();
    expect(nextLink('<https://a/x?max_id=5>; rel="next"')).toBe('https://a/x?max_id=5');
    expect(nextLink('<https://a/x?min_id=5>; rel="prev"')).toBeNull();
  });
});

describe('Bluesky source', () => {
  const APPVIEW = 'https://public.api.bsky.app';
  const profile = new URL('https://bsky.app/profile/gaertnerei.example.com');

  it('reads the exact follower count and pages the author feed by cursor', async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => bskyItem(i));
    const page2 = [
      bskyItem(200, { reply: true }),
      bskyItem(201, { replyToSelf: true }),
      bskyItem(202, { repost: true }),
      bskyItem(203, { link: 'https://laden.example.de/rosen' }),
    ];
    const f = fakeFetch({
      '/xrpc/app.bsky.actor.getProfile': () => json(BSKY_PROFILE),
      '/xrpc/app.bsky.feed.getAuthorFeed': (u) =>
        u.searchParams.get('cursor') === 'c2' ? json({ feed: page2 }) : json({ feed: page1, cursor: 'c2' }),
    });
    const data = await readBluesky(profile, ctx(f, 150), APPVIEW);
    expect(data.followers).toBe(4321);
    expect(data.posts).toHaveLength(104);
    expect(data.posts.slice(100).map((p) => [p.isReply, p.isRepost, p.urls])).toEqual([
      [true, false, []],
      [false, false, []],
      [false, true, []],
      [false, false, ['https://laden.example.de/rosen']],
    ]);
    // A repost's time is when it was reposted.
    expect(data.posts[102].time).toBe('2026-11-29T12:00:00.000Z');
    expect(f.log.every((r) => r.url.startsWith(APPVIEW))).toBe(true);
    expect(f.log.map((r) => new URL(r.url).searchParams.get('cursor'))).toEqual([null, null, 'c2']);
  });

  it('says not-found for an unknown handle (XRPC 400) and garbage for a non-feed', async () => {
    const missing = fakeFetch({
      '/xrpc/app.bsky.actor.getProfile': () => json({ error: 'InvalidRequest', message: 'Profile not found' }, 400),
    });
    expect(await failure(readBluesky(profile, ctx(missing), APPVIEW))).toBe('not-found');
    const junk = fakeFetch({
      '/xrpc/app.bsky.actor.getProfile': () => json(BSKY_PROFILE),
      '/xrpc/app.bsky.feed.getAuthorFeed': () => json({ posts: 3 }),
    });
    expect(await failure(readBluesky(profile, ctx(junk), APPVIEW))).toBe('garbage');
  });
});
