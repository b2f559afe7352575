import { describe, expect, it } from 'vitest';
import instagram from '../../../src/adapters/social/instagram';
import linkedin from '../../../src/adapters/social/linkedin';
import { factsOf } from '../../../src/judge/facts';
import { fixture } from './load';

describe('Instagram adapter', () => {
  it('reads a logged-out profile from its meta description only', () => {
    const doc = fixture('instagram-profile.html');
    const url = new URL('https://www.instagram.com/alpen.huette/');
    expect(instagram.detect(doc, url)).toBe(1);
    const model = instagram.extract(doc, url);
    expect(model.kind).toBe('profile');
    expect(model.social).toMatchObject({
      handle: 'alpen.huette',
      followers: 12_500,
      following: 210,
      postsCount: 480,
      unreadable: [],
    });
    expect(factsOf(model)).toMatchObject({ followers: 12_500, following: 210, visiblePosts: 0 });
  });

  it('recognises a saved copy by its app-link meta and reads the handle from og:title', () => {
    const model = instagram.extract(fixture('instagram-profile.html'), new URL('http://localhost/saved.html'));
    expect(instagram.detect(fixture('instagram-profile.html'), new URL('http://localhost/saved.html'))).toBeGreaterThan(0);
    expect(model.kind).toBe('profile');
    expect(model.social?.handle).toBe('alpen.huette');
  });

  it('reads the German description and the rendered grid, one post per id', () => {
    const model = instagram.extract(fixture('instagram-profile-de.html'), new URL('https://www.instagram.com/stadtbaeckerei/'));
    const s = model.social!;
    expect([s.followers, s.following, s.postsCount]).toEqual([1_200_000, 136, 224]);
    expect(s.posts.map((p) => [p.id, p.text])).toEqual([
      ['C1abcDEF', 'Frische Brezeln am Morgen'],
      ['C2ghiJKL', 'Unser Team'],
      ['C3mnoPQR', 'Wie Sauerteig entsteht'],
    ]);
  });
});

describe('LinkedIn adapter', () => {
  const url = new URL('https://de.linkedin.com/company/muster');

  it('detects company pages only (articles are for the blog adapters)', () => {
    const doc = fixture('linkedin-company.html');
    expect(linkedin.detect(doc, url)).toBe(1);
    expect(linkedin.detect(doc, new URL('https://www.linkedin.com/pulse/some-article'))).toBe(0);
  });

  it('reads a member profile (/in/): followers from the top card, never the connection count', () => {
    const member = new URL('https://de.linkedin.com/in/erika-muster-1a2b3c');
    const doc = fixture('linkedin-member-de.html');
    expect(linkedin.detect(doc, member)).toBe(1);
    const model = linkedin.extract(doc, member);
    expect(model.kind).toBe('profile');
    expect([model.social?.handle, model.social?.name, model.social?.followers]).toEqual([
      'erika-muster-1a2b3c',
      'Erika Muster',
      2_345,
    ]);
    expect(factsOf(model)).toMatchObject({ followers: 2_345, following: null, visiblePosts: 0 });
  });

  it('leaves followers unknown on a member profile that states only connections (the 2015 public page)', () => {
    const doc = fixture('linkedin-member-de.html');
    for (const el of doc.querySelectorAll('.top-card__subline-item')) if (/Follower/.test(el.textContent ?? '')) el.remove();
    const model = linkedin.extract(doc, new URL('https://www.linkedin.com/in/erika-muster-1a2b3c'));
    expect(model.kind).toBe('profile');
    expect(model.social?.followers).toBeNull();
    expect(model.social?.unreadable).toEqual([]);
  });

  it('reads followers from the top card and the updates with their counts', () => {
    const model = linkedin.extract(fixture('linkedin-company.html'), url);
    expect(model.kind).toBe('profile');
    const s = model.social!;
    expect([s.handle, s.name, s.followers]).toEqual(['muster', 'Muster GmbH', 12_345]);
    expect(s.posts).toHaveLength(2);
    expect(s.posts[0]).toMatchObject({ id: '7100000000000000001', likes: 87, replies: 12, isRepost: false });
    expect(s.posts[0].urls).toEqual(['https://muster.example/karriere?trk=public_post']);
    expect(s.posts[1]).toMatchObject({ isRepost: true, likes: 1200, replies: null });
  });
});

describe('Instagram post page', () => {
  it('reads likes, comments, author and caption from the meta description', () => {
    const model = instagram.extract(fixture('instagram-post.html'), new URL('https://www.instagram.com/p/C9xyz123/'));
    expect(model.kind).toBe('post');
    expect(model.social?.mainPost).toMatchObject({
      id: 'C9xyz123',
      likes: 1234,
      replies: 56,
      reposts: null,
      author: 'alpen.huette',
      text: 'First snow on the ridge. Who is coming up this weekend?',
    });
    expect(factsOf(model)).toMatchObject({ likes: 1234, replies: 56, reposts: null });
  });
});
