import { describe, expect, it } from 'vitest';
import facebook from '../../../src/adapters/social/facebook';
import { fixture } from './load';

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
