import { describe, expect, it } from 'vitest';
import rule from '../../../../src/rules/no-replies';
import { ctx, many, post, profile } from './_make';

describe('no-replies', () => {
  it('is n/a on a main profile tab, which hides replies', () => {
    expect(
      rule.judge(
        profile(
          many(20, () => ({})),
          {},
        ),
        ctx,
      ),
    ).toBeNull();
  });

  it('on the replies tab: fails with none, warns with few, passes with one in ten', () => {
    const tab = { timelineIncludesReplies: true };
    expect(
      rule.judge(
        profile(
          many(20, () => ({})),
          tab,
        ),
        ctx,
      )?.verdict,
    ).toBe('fail');
    expect(
      rule.judge(
        profile(
          many(20, (i) => ({ isReply: i === 0 })),
          tab,
        ),
        ctx,
      )?.verdict,
    ).toBe('warn');
    expect(
      rule.judge(
        profile(
          many(20, (i) => ({ isReply: i < 2 })),
          tab,
        ),
        ctx,
      )?.verdict,
    ).toBe('pass');
    expect(
      rule.judge(
        profile(
          many(9, () => ({})),
          tab,
        ),
        ctx,
      ),
    ).toBeNull();
  });

  it('on a post page: warns (never fails) when the author answers none of 5+ visible replies', () => {
    const main = post({ author: 'acme' });
    const others = many(5, (i) => ({ author: `fan${i}`, isReply: true }));
    const page = { ...profile(others), kind: 'post' as const };
    page.social = { ...page.social!, mainPost: main };
    expect(rule.judge(page, ctx)?.verdict).toBe('warn');
    page.social.posts = [...others, post({ author: 'Acme', isReply: true })];
    expect(rule.judge(page, ctx)?.verdict).toBe('pass');
    page.social.posts = others.slice(0, 4);
    expect(rule.judge(page, ctx)).toBeNull();
  });
});
