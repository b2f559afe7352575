import { describe, expect, it } from 'vitest';
import rule, {
  ABANDONED_DAYS,
  ABANDONED_SCORE,
  REPOST_FLOOR,
  SINGLE_PAGE_FLOOR,
  SINGLE_PAGE_STALE_DAYS,
  STALE_DAYS,
  STALE_SCORE,
} from '../../../src/rules/stale';
import { article, comment, ctx, daysAgo, post, profile } from './_builders';

describe('stale (profiles)', () => {
  it(`passes when the newest post is at most ${STALE_DAYS} days old`, () => {
    const r = rule.judge(profile([post({ time: daysAgo(400) }), post({ time: daysAgo(STALE_DAYS) })]), ctx());
    expect(r?.verdict).toBe('pass');
    expect(r?.detail).toEqual([STALE_DAYS]);
  });

  it('fails after 90 days (issue 4) and harder after a year, with the newest post as evidence', () => {
    const newest = post({ time: daysAgo(STALE_DAYS + 1) });
    const r = rule.judge(profile([post({ time: daysAgo(200) }), newest]), ctx());
    expect(r?.score).toBe(STALE_SCORE);
    expect(r?.verdict).toBe('fail');
    expect(r?.evidence).toEqual([newest.evidence]);
    expect(rule.judge(profile([post({ time: daysAgo(ABANDONED_DAYS + 1) })]), ctx())?.score).toBe(ABANDONED_SCORE);
  });

  it('ignores promoted posts: an ad is the network’s timing', () => {
    const r = rule.judge(profile([post({ time: daysAgo(1), isPromoted: true }), post({ time: daysAgo(200) })]), ctx());
    expect(r?.verdict).toBe('fail');
  });

  it('stops at a warn when reposts are among the posts (X shows the original time)', () => {
    const r = rule.judge(profile([post({ time: daysAgo(300), isRepost: true }), post({ time: daysAgo(200) })]), ctx());
    expect(r?.score).toBe(REPOST_FLOOR);
  });

  it('reads a single post page as circumstantial: at most a warn, after a year', () => {
    const m = profile([], { kind: 'post' });
    m.social!.mainPost = post({ time: daysAgo(800), author: 'owner' });
    expect(rule.judge(m, ctx())?.score).toBe(SINGLE_PAGE_FLOOR);
    m.social!.mainPost = post({ time: daysAgo(200), author: 'owner' });
    expect(rule.judge(m, ctx())?.verdict).toBe('pass');
  });

  it("on a post page, counts the owner's own later posts but not other people's replies", () => {
    const m = profile([post({ time: daysAgo(2), author: 'someone-else' })], { kind: 'post' });
    m.social!.mainPost = post({ time: daysAgo(800), author: 'owner' });
    expect(rule.judge(m, ctx())?.detail).toEqual([800]);
    m.social!.posts.push(post({ time: daysAgo(5), author: 'owner' }));
    expect(rule.judge(m, ctx())?.detail).toEqual([5]);
  });

  it('is n/a without dated posts', () => {
    expect(rule.judge(profile([]), ctx())).toBeNull();
    expect(rule.judge(profile([post()]), ctx())).toBeNull();
    expect(rule.judge(profile([post({ time: 'gestern' })]), ctx())).toBeNull();
  });

  it('treats a date in the future as now', () => {
    expect(rule.judge(profile([post({ time: daysAgo(-2) })]), ctx())?.detail).toEqual([0]);
  });
});

describe('stale (articles)', () => {
  it('takes the newest of published, updated and comment dates', () => {
    const recent = comment('Noch aktuell?', { date: daysAgo(3) });
    const r = rule.judge(
      article({ article: { published: daysAgo(900), updated: daysAgo(500) }, comments: { comments: [recent] } }),
      ctx(),
    );
    expect(r?.verdict).toBe('pass');
    expect(r?.detail).toEqual([3]);
    expect(r?.evidence).toEqual([recent.evidence]);
  });

  it('uses the updated date when it is the newest', () => {
    expect(rule.judge(article({ article: { published: daysAgo(900), updated: daysAgo(10) } }), ctx())?.detail).toEqual([10]);
  });

  it('warns, never fails, on an article quiet for over a year: one page cannot tell whether the blog goes on', () => {
    const r = rule.judge(article({ article: { published: daysAgo(2000) } }), ctx());
    expect(r?.score).toBe(SINGLE_PAGE_FLOOR);
    expect(r?.verdict).toBe('warn');
    const edge = rule.judge(article({ article: { published: daysAgo(SINGLE_PAGE_STALE_DAYS) } }), ctx());
    expect(edge?.verdict).toBe('pass');
    expect(rule.judge(article({ article: { published: daysAgo(SINGLE_PAGE_STALE_DAYS + 1) } }), ctx())?.verdict).toBe('warn');
  });

  it('ignores pingback dates and is n/a without any date', () => {
    const ping = { ...comment('Pingback: x', { date: daysAgo(1) }), kind: 'pingback' as const };
    expect(rule.judge(article({ comments: { comments: [ping] } }), ctx())).toBeNull();
  });

  it('applies to articles, profiles and single posts', () => {
    expect([...rule.appliesTo].sort()).toEqual(['article', 'post', 'profile']);
  });
});
