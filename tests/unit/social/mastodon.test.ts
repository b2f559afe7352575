import { describe, expect, it } from 'vitest';
import mastodon from '../../../src/adapters/mastodon';
import { factsOf } from '../../../src/judge/facts';
import { fixture } from './load';

describe('Mastodon adapter', () => {
  it('detects the Mastodon web app on any server, and nothing else', () => {
    expect(mastodon.detect(fixture('mastodon-profile.html'), new URL('https://social.example/@verlag'))).toBeGreaterThan(0.9);
    expect(mastodon.detect(fixture('x-profile.html'), new URL('https://social.example/@verlag'))).toBe(0);
  });

  it('reads a profile: exact header counts from titles (German UI), pinned, boost, reply', () => {
    const model = mastodon.extract(fixture('mastodon-profile.html'), new URL('https://social.example/@verlag'));
    expect(model.kind).toBe('profile');
    const s = model.social!;
    expect([s.handle, s.name, s.followers, s.following, s.postsCount]).toEqual(['verlag', 'Beispiel Verlag', 7890, 56, 1234]);
    const [pinned, boost, reply] = s.posts;
    expect(pinned).toMatchObject({
      id: '111',
      isPinned: true,
      isRepost: false,
      replies: 4,
      reposts: 12,
      likes: 30,
      author: 'verlag',
    });
    expect(pinned.urls).toEqual(['https://verlag.example/programm?utm_source=mastodon']);
    expect(boost).toMatchObject({ id: '222', isRepost: true, author: 'autorin@other.example', replies: null });
    expect(reply).toMatchObject({ id: '333', isReply: true, replies: 0, urls: [] });
    expect(factsOf(model)).toMatchObject({ followers: 7890, following: 56, visiblePosts: 3 });
    expect(
      mastodon.extract(fixture('mastodon-profile.html'), new URL('https://social.example/@verlag/with_replies')).social
        ?.timelineIncludesReplies,
    ).toBe(true);
  });

  it('reads a detailed status with its "via" application and exact counts', () => {
    const model = mastodon.extract(fixture('mastodon-status.html'), new URL('https://social.example/@verlag/444'));
    expect(model.kind).toBe('post');
    const main = model.social!.mainPost!;
    expect(main).toMatchObject({
      id: '444',
      client: 'Buffer',
      reposts: 1204,
      likes: 3893,
      replies: 17,
      time: '2025-02-03T09:00:00.000Z',
    });
    expect(model.social!.posts.map((p) => [p.id, p.isReply])).toEqual([['445', true]]);
    expect(factsOf(model)).toMatchObject({ replies: 17, reposts: 1204, likes: 3893 });
  });
});
