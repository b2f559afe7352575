import { describe, expect, it } from 'vitest';
import x from '../../../src/adapters/social/x';
import { auditOf } from '../../../src/judge/audit';
import { factsOf } from '../../../src/judge/facts';
import { fixture } from './load';

describe('X adapter', () => {
  it('detects x.com by host and saved copies by the tweet markup, nothing else', () => {
    const doc = fixture('x-profile.html');
    expect(x.detect(doc, new URL('https://x.com/acme'))).toBe(1);
    expect(x.detect(doc, new URL('http://localhost:8080/saved.html'))).toBeGreaterThan(0);
    expect(
      x.detect(new DOMParser().parseFromString('<article>blog</article>', 'text/html'), new URL('https://blog.example/')),
    ).toBe(0);
  });

  it('reads a profile: abbreviated header counts, pinned, repost, quote, ad', () => {
    const model = x.extract(fixture('x-profile.html'), new URL('https://x.com/acme'));
    expect(model.kind).toBe('profile');
    expect(model.platform).toBe('x');
    const s = model.social!;
    expect(s.handle).toBe('acme');
    expect(s.followers).toBe(86_400);
    expect(s.following).toBe(1_351);
    expect(s.postsCount).toBe(12_300);
    expect(s.unreadable).toEqual([]);
    expect(s.posts.map((p) => p.id)).toEqual([
      '1000000000000000001',
      '1000000000000000002',
      '1000000000000000003',
      '1000000000000000004',
    ]);
    const [pinned, repost, quote, ad] = s.posts;
    expect(pinned).toMatchObject({ isPinned: true, isRepost: false, isPromoted: false, replies: 68, reposts: 131, likes: 684 });
    expect(pinned.time).toBe('2025-02-18T17:31:07.000Z');
    expect(pinned.urls).toEqual(['https://acme.example/catalogue']);
    expect(pinned.evidence.text).toContain('spring catalogue');
    expect(repost).toMatchObject({ isRepost: true, author: 'trailfriend', likes: 1234 });
    expect(quote).toMatchObject({ isQuote: true, author: 'acme', replies: 0, reposts: 0, likes: 0 });
    expect(quote.text).toBe('This is what we mean by leave no trace.');
    expect(quote.urls).toEqual([]);
    expect(ad.isPromoted).toBe(true);
    expect(factsOf(model)).toMatchObject({ followers: 86_400, following: 1_351, visiblePosts: 4 });
  });

  it('reads a single post: exact counts from aria-labels, replies below it', () => {
    const model = x.extract(fixture('x-post.html'), new URL('https://x.com/acme/status/2000000000000000001'));
    expect(model.kind).toBe('post');
    const s = model.social!;
    expect(s.mainPost).toMatchObject({ id: '2000000000000000001', replies: 2534, reposts: 4483, likes: 18_016, author: 'acme' });
    expect(s.posts.map((p) => [p.author, p.isReply])).toEqual([
      ['angrycustomer', true],
      ['acme', true],
    ]);
    expect(factsOf(model)).toMatchObject({ replies: 2534, reposts: 4483, likes: 18_016, followers: null });
    // The author's own reply sends the customer to a premium-rate number.
    const audit = auditOf(model, { now: Date.now(), history: [] });
    expect(audit.findings.find((f) => f.rule === 'hotline-redirect')?.verdict).toBe('fail');
  });

  it('reads the German UI', () => {
    const model = x.extract(fixture('x-profile-de.html'), new URL('https://x.com/acme_de'));
    const s = model.social!;
    expect([s.followers, s.following, s.postsCount]).toEqual([86_400, 1_351, 1_234]);
    const [pinned, repost, reply] = s.posts;
    expect(pinned).toMatchObject({ isPinned: true, replies: 12, reposts: 4483, likes: 25_616 });
    expect(repost).toMatchObject({ isRepost: true, replies: 0, reposts: 1, likes: 3 });
    expect(reply).toMatchObject({ isReply: true, likes: 2 });
    expect(model.lang).toBe('de');
  });

  it('marks the replies tab, and X pages that are no account as other', () => {
    const doc = fixture('x-profile.html');
    expect(x.extract(doc, new URL('https://x.com/acme/with_replies')).social?.timelineIncludesReplies).toBe(true);
    expect(x.extract(doc, new URL('https://x.com/acme')).social?.timelineIncludesReplies).toBeUndefined();
    expect(x.extract(doc, new URL('https://x.com/home')).kind).toBe('other');
    expect(x.extract(doc, new URL('https://x.com/explore/tabs/trending')).kind).toBe('other');
  });

  it('reports a count it sees but cannot read instead of inventing one', () => {
    const doc = fixture('x-profile.html');
    doc.querySelector('a[href="/acme/verified_followers"] span')!.textContent = '1.2.3K';
    const s = x.extract(doc, new URL('https://x.com/acme')).social!;
    expect(s.followers).toBeNull();
    expect(s.unreadable).toContain('followers');
  });

  it('extractMore parses only new posts and merges them, deduplicated', () => {
    const url = new URL('https://x.com/acme');
    const doc = fixture('x-profile.html');
    const first = x.extract(doc, url);
    const cell = doc.querySelector('[data-testid="cellInnerDiv"]')!;
    // A virtualised timeline drops old cells and appends new ones while scrolling.
    const fresh = cell.cloneNode(true) as Element;
    fresh.querySelector('a[href*="/status/"]')!.setAttribute('href', '/acme/status/1000000000000000009');
    fresh.querySelector('[data-testid="socialContext"]')!.remove();
    cell.parentElement!.append(fresh);
    cell.remove();
    const more = x.extractMore!(doc, url, first);
    expect(more.social!.posts.map((p) => p.id)).toEqual([
      '1000000000000000001',
      '1000000000000000002',
      '1000000000000000003',
      '1000000000000000004',
      '1000000000000000009',
    ]);
    expect(more.social!.followers).toBe(86_400);
    // A different URL (pushState navigation) starts over.
    const other = x.extractMore!(doc, new URL('https://x.com/acme/with_replies'), first);
    expect(other.social!.posts).toHaveLength(4);
  });
});

describe('X: twitter.com before the React rewrite (archives and saved copies, 2013–2020)', () => {
  it('reads the focused tweet of a 2019 permalink page with exact counts, replies below it', () => {
    const model = x.extract(fixture('x-legacy-status-de.html'), new URL('https://twitter.com/band/status/1128068672289890305'));
    expect(model.kind).toBe('post');
    const s = model.social!;
    expect(s.mainPost).toMatchObject({
      id: '1128068672289890305',
      author: 'band',
      replies: 23,
      reposts: 201,
      likes: 1664,
      time: '2019-05-13T22:45:04.000Z',
      urls: ['https://band.example/tour'],
    });
    expect(s.posts.map((p) => [p.author, p.isReply, p.likes])).toEqual([['fanin', true, 14]]);
    expect(factsOf(model)).toMatchObject({ replies: 23, reposts: 201, likes: 1664 });
  });

  it('says null, not 0, for the reply count a 2015 page does not print', () => {
    const model = x.extract(
      fixture('x-legacy-status-2015.html'),
      new URL('https://twitter.com/vyki_e/status/363116819147538433'),
    );
    expect(factsOf(model)).toMatchObject({ replies: null, reposts: 0, likes: 0 });
  });
});
