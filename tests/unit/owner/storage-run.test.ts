import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageModel } from '../../../src/contract';
import { runOwnerAudit, routeOf } from '../../../src/owner/run';
import { saveAudit } from '../../../src/storage/audits';
import { openDb } from '../../../src/storage/db';
import {
  latestOwnerReports,
  OWNER_POSTS_PER_SITE,
  ownerPostsOf,
  recordOwnerPosts,
  saveOwnerReport,
} from '../../../src/storage/owner';
import { RSS_POSTS } from '../../fixtures/owner/feeds';
import { post, profile } from '../social/rules/_make';
import { sampleAudit } from '../setup';
import { fakeFetch, json, xml } from './fake-fetch';

let n = 0;
const names: string[] = [];
function freshDb() {
  const name = `howsocial-owner-${++n}`;
  names.push(name);
  return openDb(name);
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const xAudit = (time: number) =>
  sampleAudit({ url: 'https://x.com/acme', site: 'x.com', kind: 'profile', platform: 'x', time, score: 60 });

describe('recorded posts (the "pages" source)', () => {
  it("records a profile's posts deduplicated by id across visits, keeping when each was first seen", async () => {
    const db = freshDb();
    const first = profile([
      post({ id: 'a', time: '2026-11-01T10:00:00Z' }),
      post({ id: 'b', time: '2026-11-02T10:00:00Z' }),
      post({ id: 'ad', isPromoted: true }),
    ]);
    expect(await recordOwnerPosts(db, first, xAudit(1000))).toBe(2);
    const second = profile(
      [post({ id: 'b', time: '2026-11-02T10:00:00Z', likes: 99 }), post({ id: 'c', time: '2026-11-03T10:00:00Z' })],
      { handle: '@ACME' },
    );
    await recordOwnerPosts(db, second, xAudit(2000));
    const rows = await ownerPostsOf(db, 'x.com', 'acme');
    expect(rows.map((r) => [r.id, r.firstSeen, r.lastSeen])).toEqual([
      ['c', 2000, 2000],
      ['b', 1000, 2000],
      ['a', 1000, 1000],
    ]);
    expect(rows[1].likes).toBe(99);
    // Excerpts only: never more than 200 characters of a post.
    expect(rows.every((r) => r.text.length <= 200)).toBe(true);
  });

  it('records an article as one post with its thread counts and page score', async () => {
    const db = freshDb();
    const article: PageModel = {
      url: 'https://blog.example/2024/03/post/',
      kind: 'article',
      platform: 'wordpress',
      article: {
        title: 'Ein Beitrag',
        published: '2024-03-01T10:00:00Z',
        links: [
          { href: 'https://other.example/x', internal: false, text: 'x' },
          { href: 'https://blog.example/y', internal: true, text: 'y' },
        ],
        shareButtons: [],
        text: '',
        phones: [],
      },
      comments: { system: 'native', state: 'closed', form: null, comments: [], evidence: [] },
    };
    await recordOwnerPosts(db, article, sampleAudit());
    const [row] = await ownerPostsOf(db, 'blog.example');
    expect(row).toMatchObject({
      id: article.url,
      owner: '',
      commentsOpen: false,
      comments: 0,
      score: 37,
      urls: ['https://other.example/x'],
    });
  });

  it('keeps at most OWNER_POSTS_PER_SITE posts of a site, dropping the longest unseen', async () => {
    const db = freshDb();
    const many = Array.from({ length: OWNER_POSTS_PER_SITE + 5 }, (_, i) => post({ id: `p${i}` }));
    await recordOwnerPosts(db, profile(many.slice(0, 5)), xAudit(1));
    await recordOwnerPosts(db, profile(many.slice(5)), xAudit(2));
    const rows = await ownerPostsOf(db, 'x.com');
    expect(rows).toHaveLength(OWNER_POSTS_PER_SITE);
    expect(rows.some((r) => r.id === 'p0')).toBe(false);
  });
});

describe('owner audit runs', () => {
  const noWait = { sleep: async () => {} };

  it('routes by platform and URL', () => {
    expect(routeOf(new URL('https://bsky.app/profile/a.b'))).toBe('bluesky');
    expect(routeOf(new URL('https://mastodon.social/@a'))).toBe('mastodon');
    expect(routeOf(new URL('https://medium.com/@a'))).toBe('blog');
    expect(routeOf(new URL('https://x.com/acme'))).toBe('pages');
    expect(routeOf(new URL('https://www.linkedin.com/company/acme/'))).toBe('pages');
    expect(routeOf(new URL('https://k.blogspot.com/2026/01/a.html'))).toBe('blogger');
    expect(routeOf(new URL('https://blog.example/p/'), 'mastodon')).toBe('mastodon');
  });

  it('falls back from a switched-off REST API to the RSS feed and says so', async () => {
    const f = fakeFetch({ '/feed/': () => xml(RSS_POSTS), '/hobelbank/feed/': () => xml('<rss><channel></channel></rss>') });
    const report = await runOwnerAudit({
      url: 'https://alt.example.de/hobelbank/',
      fetch: f.fetch,
      ...noWait,
      now: () => Date.parse('2026-12-06T00:00:00Z'),
    });
    expect(report.source).toBe('rss');
    expect(report.notes.map((n) => n.code)).toEqual(['api-off', 'feed-comments']);
    expect(report.posts).toBe(3);
  });

  it('falls back to the pages you visited when API and feeds are off, and requests nothing else', async () => {
    const db = freshDb();
    await saveAudit(db, sampleAudit());
    const article: PageModel = {
      url: 'https://blog.example/2024/03/post/',
      kind: 'article',
      platform: 'wordpress',
      article: { title: 'Ein Beitrag', published: '2024-03-01T10:00:00Z', links: [], shareButtons: [], text: '', phones: [] },
      comments: { system: 'native', state: 'closed', form: null, comments: [], evidence: [] },
    };
    await recordOwnerPosts(db, article, sampleAudit());
    const f = fakeFetch({});
    const report = await runOwnerAudit({ url: 'https://blog.example/2024/03/post/', fetch: f.fetch, db, ...noWait });
    expect(report.source).toBe('pages');
    expect(report.notes.map((n) => n.code)).toEqual(['api-off', 'api-off', 'from-pages']);
    expect(report.rows[0]).toMatchObject({ url: article.url, score: 37, commentsOpen: false });
    expect(f.log.map((r) => new URL(r.url).pathname)).toEqual(['/wp-json/wp/v2/posts', '/feed/']);
    expect(f.log.every((r) => r.url.startsWith('https://blog.example/'))).toBe(true);
  });

  it('builds an X owner view from recorded posts without any request', async () => {
    const db = freshDb();
    await recordOwnerPosts(db, profile([post({ id: 'a', isReply: true }), post({ id: 'b' })]), xAudit(1));
    const f = fakeFetch({});
    const report = await runOwnerAudit({ url: 'https://x.com/acme', fetch: f.fetch, db, ...noWait });
    expect(report.source).toBe('pages');
    expect(report.posts).toBe(2);
    expect(report.facts.replyShare).toBe(0.5);
    expect(f.log).toEqual([]);
  });

  it('stores reports and lists the newest per owner for Compare', async () => {
    const db = freshDb();
    const f = fakeFetch({ '/wp-json/wp/v2/posts': () => json([]) });
    const a = await runOwnerAudit({ url: 'https://blog.example/', fetch: f.fetch, ...noWait, now: () => 1 });
    const b = await runOwnerAudit({ url: 'https://blog.example/', fetch: f.fetch, ...noWait, now: () => 2 });
    const c = await runOwnerAudit({ url: 'https://other.example/', fetch: f.fetch, ...noWait, now: () => 3 });
    for (const r of [a, b, c]) await saveOwnerReport(db, r);
    expect((await latestOwnerReports(db)).map((r) => [r.key, r.time])).toEqual([
      ['other.example', 3],
      ['blog.example', 2],
    ]);
  });
});
