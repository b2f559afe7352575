import { describe, expect, it } from 'vitest';
import facebook, { reactionsOf } from '../../../src/adapters/social/facebook';
import { fixture } from './load';
import { factsOf } from '../../../src/judge/facts';

const url = new URL('https://www.facebook.com/baeckerei.beispiel');

describe('Facebook adapter', () => {
  it('detects facebook.com only', () => {
    expect(facebook.detect(fixture('facebook-page.html'), url)).toBe(1);
    expect(facebook.detect(fixture('facebook-page.html'), new URL('https://blog.example/'))).toBe(0);
  });

  it('reads a page: followers, posts with counts, shared and sponsored markers', () => {
    const model = facebook.extract(fixture('facebook-page.html'), url);
    expect(model.kind).toBe('profile');
    const s = model.social!;
    expect([s.handle, s.name, s.followers, s.following]).toEqual(['baeckerei.beispiel', 'Bäckerei Beispiel', 2400, 35]);
    expect(s.posts.map((p) => p.id)).toEqual(['pfbid02AbCdEf123', 'pfbid02XyZ987', '777']);
    const [own, shared, ad] = s.posts;
    expect(own).toMatchObject({ likes: 1200, replies: 48, reposts: 7, isRepost: false, isPromoted: false });
    expect(own.time).toBe(new Date(2025, 2, 3, 10, 0).toISOString());
    expect(own.urls).toContain('https://www.baeckerei.example/brot?utm_source=facebook&fbclid=1');
    expect(shared).toMatchObject({ isRepost: true, likes: 35, replies: 2 });
    expect(ad.isPromoted).toBe(true);
  });

  it('tells page, post and other URLs apart', () => {
    const doc = fixture('facebook-page.html');
    expect(facebook.extract(doc, new URL('https://www.facebook.com/baeckerei.beispiel/posts/pfbid02AbCdEf123')).kind).toBe(
      'post',
    );
    expect(facebook.extract(doc, new URL('https://www.facebook.com/marketplace/')).kind).toBe('other');
  });

  it('extractMore keeps earlier posts and adds new ones once', () => {
    const doc = fixture('facebook-page.html');
    const first = facebook.extract(doc, url);
    const unit = doc.querySelector('div[aria-posinset="1"]')!.cloneNode(true) as Element;
    unit.setAttribute('aria-posinset', '4');
    unit.querySelector('a[href*="/posts/"]')!.setAttribute('href', 'https://www.facebook.com/baeckerei.beispiel/posts/pfbid0New');
    doc.querySelector('[role="feed"]')!.append(unit);
    const more = facebook.extractMore!(doc, url, first);
    expect(more.social!.posts.map((p) => p.id)).toEqual(['pfbid02AbCdEf123', 'pfbid02XyZ987', '777', 'pfbid0New']);
  });
});

describe('Facebook adapter on the mobile sites', () => {
  it('reads an m.facebook.com page timeline tab as the page with its posts, not as one post', () => {
    const page = new URL('https://m.facebook.com/baeckerei.beispiel/posts/');
    const model = facebook.extract(fixture('facebook-mobile-timeline-de.html'), page);
    expect(model.kind).toBe('profile');
    const s = model.social!;
    expect(s.handle).toBe('baeckerei.beispiel');
    // the shared Stadtmarkt post inside the second one is not a post of the page's own
    expect(s.posts.map((p) => [p.id, p.likes, p.replies, p.reposts, p.isRepost])).toEqual([
      ['1001', 12, 3, 2, false],
      ['1002', null, null, null, true],
    ]);
    expect(s.posts[0].text).toContain('frische Brezeln');
    expect(s.posts[0].urls).toEqual(['https://baeckerei.example/bestellen']);
    expect(factsOf(model).visiblePosts).toBe(2);
  });

  it('reads an mbasic post page: the permalink view is the post, "Anna and 143 others" are 144 reactions', () => {
    const page = new URL('https://mbasic.facebook.com/story.php?story_fbid=2002&id=77');
    const model = facebook.extract(fixture('facebook-mobile-post.html'), page);
    expect(model.kind).toBe('post');
    expect(model.social?.mainPost).toMatchObject({ id: '2002', likes: 144, reposts: 4 });
    expect(model.social?.posts).toEqual([]);
    // "View previous comments…": the thread is not all on the page, so no comment count is made up
    expect(factsOf(model)).toMatchObject({ likes: 144, reposts: 4, replies: null });
  });

  it("never takes a comment's reactions for the post's: a post without reactions has none", () => {
    const doc = fixture('facebook-mobile-post.html');
    doc.getElementById('sentence_2002')?.remove();
    const model = facebook.extract(doc, new URL('https://mbasic.facebook.com/story.php?story_fbid=2002&id=77'));
    expect(model.social?.mainPost?.likes).toBeNull();
  });

  it('reads reaction labels in English and German', () => {
    expect(reactionsOf('10 reactions, including Sad and Like')).toBe(10);
    expect(reactionsOf('13 left reactions including Haha, Like and Wow')).toBe(13);
    expect(reactionsOf('Foo Bar, Alice Doe and 1.2K others left reactions including Like')).toBe(1202);
    expect(reactionsOf('12 Reaktionen, darunter Gefällt mir und Wow')).toBe(12);
    expect(reactionsOf('Erika Muster und 143 weitere Personen')).toBe(144);
    expect(reactionsOf('Watch video')).toBeNull();
  });

  it('leaves reaction lists and composers as other pages', () => {
    const doc = fixture('facebook-mobile-post.html');
    for (const href of [
      'https://m.facebook.com/ufi/reaction/profile/browser/?ft_ent_identifier=2002',
      'https://mbasic.facebook.com/composer/mbasic/?sid=2002',
    ])
      expect(facebook.extract(doc, new URL(href)).kind).toBe('other');
  });
});
