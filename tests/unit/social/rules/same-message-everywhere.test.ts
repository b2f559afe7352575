import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../../src/judge/fingerprint';
import rule from '../../../../src/rules/same-message-everywhere';
import { ctx, many, profile } from './_make';

const text = (i: number) => `Our new product launches next week with many features everyone will love, part ${i}`;
const posts = many(6, (i) => ({ text: text(i) }));
const seen = (indices: number[], platform = 'facebook') =>
  indices.map((i) => ({ fingerprint: fingerprintOf(text(i))!, site: 'facebook.com', platform }));

describe('same-message-everywhere', () => {
  it('fails when half the posts (3+) were seen on another network', () => {
    const f = rule.judge(profile(posts), { ...ctx, history: seen([0, 1, 2]) });
    expect(f?.verdict).toBe('fail');
    expect(f?.detail?.slice(0, 3)).toEqual([3, 6, 'facebook']);
  });

  it('warns at a fifth with 2 matches and passes with one', () => {
    expect(rule.judge(profile(posts), { ...ctx, history: seen([0, 1]) })?.verdict).toBe('warn');
    expect(rule.judge(profile(posts), { ...ctx, history: seen([0]) })?.verdict).toBe('pass');
  });

  it('ignores history from the same network and is n/a without other history', () => {
    expect(rule.judge(profile(posts), { ...ctx, history: seen([0, 1, 2, 3], 'x') })).toBeNull();
    expect(rule.judge(profile(posts), ctx)).toBeNull();
  });

  it('is n/a when no post is long enough to fingerprint', () => {
    expect(rule.judge(profile(many(5, () => ({ text: 'Thanks!' }))), { ...ctx, history: seen([0]) })).toBeNull();
  });
});
