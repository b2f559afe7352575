import { describe, expect, it } from 'vitest';
import rule, { normalizeUrl } from '../../../../src/rules/repeated-links';
import { ctx, many, profile } from './_make';

const link = (i: number) => `https://www.shop.example/offer/?utm_source=x&utm_campaign=${i}&fbclid=abc${i}`;

describe('repeated-links', () => {
  it('strips tracking parameters, www., trailing slash and fragments', () => {
    expect(normalizeUrl('https://www.Example.com/a/?utm_source=tw&id=3&gclid=1#top')).toBe('example.com/a?id=3');
    expect(normalizeUrl('https://example.com/a?id=3')).toBe('example.com/a?id=3');
    expect(normalizeUrl('not a url')).toBeNull();
  });

  it('fails when the same link appears more than 3 times (Socialbakers)', () => {
    const posts = many(8, (i) => ({ urls: i < 4 ? [link(i)] : [`https://other.example/${i}`] }));
    const f = rule.judge(profile(posts), ctx);
    expect(f?.verdict).toBe('fail');
    expect(f?.detail).toEqual([4, 'shop.example/offer', 8]);
    expect(f?.evidence).toHaveLength(4);
  });

  it('warns at exactly 3 and passes at 2', () => {
    expect(rule.judge(profile(many(8, (i) => ({ urls: i < 3 ? [link(i)] : [] }))), ctx)?.verdict).toBe('warn');
    expect(rule.judge(profile(many(8, (i) => ({ urls: i < 2 ? [link(i)] : [] }))), ctx)?.verdict).toBe('pass');
  });

  it('counts a link once per post and ignores reposts of others', () => {
    const posts = many(8, (i) => ({ urls: i < 3 ? [link(i), link(i + 100)] : [], isRepost: i >= 3 && i < 6 }));
    const reposted = many(3, () => ({ urls: [link(0)], isRepost: true }));
    expect(rule.judge(profile([...posts, ...reposted]), ctx)?.verdict).toBe('warn');
  });

  it('is n/a with fewer than 4 own posts', () => {
    expect(rule.judge(profile(many(3, () => ({ urls: [link(1)] }))), ctx)).toBeNull();
  });
});
