import { describe, expect, it } from 'vitest';
import rule, { FAIL_RATIO, MIN_FOLLOWERS, PASS_RATIO, TYPICAL_RATE } from '../../../../src/rules/engagement-vs-followers';
import { ctx, many, post, profile } from './_make';

const followers = 100_000;
/** Posts whose (likes + replies) / followers is exactly `rate`. */
const at = (rate: number, n = 12) => many(n, () => ({ likes: Math.round(rate * followers), replies: 0 }));

describe('engagement-vs-followers', () => {
  it('passes at half the typical X rate and fails at a tenth of it', () => {
    const typical = TYPICAL_RATE.x ?? 0;
    expect(rule.judge(profile(at(typical * PASS_RATIO), { followers }), ctx)?.verdict).toBe('pass');
    expect(rule.judge(profile(at(typical * 0.3), { followers }), ctx)?.verdict).toBe('warn');
    const dead = rule.judge(profile(at(typical * FAIL_RATIO * 0.5), { followers }), ctx);
    expect(dead?.verdict).toBe('fail');
    expect(dead?.detail?.[2]).toBe(12);
  });

  it('counts likes and replies, not reposts (HypeAuditor formula)', () => {
    const posts = many(12, () => ({ likes: 0, replies: 0, reposts: 1000 }));
    expect(rule.judge(profile(posts, { followers }), ctx)?.verdict).toBe('fail');
    const talked = many(12, () => ({ likes: 0, replies: 30, reposts: 0 }));
    expect(rule.judge(profile(talked, { followers }), ctx)?.verdict).toBe('pass');
  });

  it('uses Instagram’s much higher reference on Instagram', () => {
    const posts = at((TYPICAL_RATE.x ?? 0) * 2);
    expect(rule.judge(profile(posts, { followers }, 'x'), ctx)?.verdict).toBe('pass');
    expect(rule.judge(profile(posts, { followers }, 'instagram'), ctx)?.verdict).toBe('fail');
  });

  it('uses the latest 12 own posts, skipping pinned, reposts and ads', () => {
    const old = many(12, (i) => ({ likes: 0, time: `2020-01-${String(i + 1).padStart(2, '0')}T10:00:00Z` }));
    const recent = many(12, (i) => ({ likes: 500, time: `2025-01-${String(i + 1).padStart(2, '0')}T10:00:00Z` }));
    const noise = [post({ isPinned: true, likes: 0 }), post({ isRepost: true, likes: 0 }), post({ isPromoted: true, likes: 0 })];
    expect(rule.judge(profile([...noise, ...old, ...recent], { followers }), ctx)?.verdict).toBe('pass');
  });

  it('is n/a without followers, with a small account, or with too few posts', () => {
    expect(rule.judge(profile(at(0), { followers: null }), ctx)).toBeNull();
    expect(rule.judge(profile(at(0), { followers: MIN_FOLLOWERS - 1 }), ctx)).toBeNull();
    expect(rule.judge(profile(at(0, 2), { followers }), ctx)).toBeNull();
    expect(
      rule.judge(
        profile(
          many(12, () => ({ likes: null })),
          { followers },
        ),
        ctx,
      ),
    ).toBeNull();
  });

  it('only warns, never fails, on fewer than 6 posts', () => {
    expect(rule.judge(profile(at(0, 4), { followers }), ctx)?.verdict).toBe('warn');
  });
});
