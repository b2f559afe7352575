import { describe, expect, it } from 'vitest';
import bluesky from '../../../src/adapters/bluesky';
import { factsOf } from '../../../src/judge/facts';
import { fixture } from './load';

const url = new URL('https://bsky.app/profile/kiezcafe.bsky.social');

describe('Bluesky adapter', () => {
  it('detects bsky.app and saved copies by the header markup', () => {
    expect(bluesky.detect(fixture('bluesky-profile.html'), url)).toBe(1);
    expect(bluesky.detect(fixture('bluesky-profile.html'), new URL('http://localhost/saved.html'))).toBeGreaterThan(0);
    expect(bluesky.detect(fixture('facebook-page.html'), new URL('http://localhost/saved.html'))).toBe(0);
  });

  it('reads a profile: followers, pinned, repost, reply, times from tooltips (EN and DE)', () => {
    const model = bluesky.extract(fixture('bluesky-profile.html'), url);
    expect(model.kind).toBe('profile');
    const s = model.social!;
    expect([s.handle, s.name, s.followers, s.following]).toEqual(['kiezcafe.bsky.social', 'Kiez Café', 1200, 312]);
    const [pinned, repost, reply] = s.posts;
    expect(pinned).toMatchObject({ id: '3kabc111', isPinned: true, replies: 14, reposts: 3, likes: 1100 });
    expect(pinned.time).toBe(new Date(2025, 0, 5, 15, 4).toISOString());
    expect(pinned.urls).toEqual(['https://kiezcafe.example/events']);
    expect(repost).toMatchObject({ isRepost: true, author: 'musiker.bsky.social', replies: 0, reposts: 12, likes: 40 });
    expect(repost.time).toBe(new Date(2025, 0, 5, 18, 30).toISOString());
    expect(reply).toMatchObject({ isReply: true, isRepost: false, likes: 2, replies: 0 });
    expect(factsOf(model)).toMatchObject({ followers: 1200, following: 312, visiblePosts: 3 });
  });

  it('a saved copy without its URL is still a profile', () => {
    expect(bluesky.extract(fixture('bluesky-profile.html'), new URL('http://localhost/saved.html')).kind).toBe('profile');
    expect(bluesky.extract(fixture('bluesky-profile.html'), new URL('https://bsky.app/search?q=x')).kind).toBe('other');
  });
});
