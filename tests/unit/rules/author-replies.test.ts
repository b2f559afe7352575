import { describe, expect, it } from 'vitest';
import rule, { MIN_THREADS, TARGET_SHARE, UNMARKED_FLOOR } from '../../../src/rules/author-replies';
import { REPLY_GRACE_HOURS } from '../../../src/rules/_thread';
import type { Comment } from '../../../src/contract';
import { article, comment, ctx, daysAgo, NOW, pingback, reply } from './_builders';

const withComments = (comments: Comment[], platform: 'wordpress' | 'generic' = 'wordpress') =>
  article({ platform, comments: { comments } });

describe('author-replies', () => {
  it('passes when the author answered every thread (WordPress bypostauthor at depth 1)', () => {
    const r = rule.judge(
      withComments([
        comment('Tolles Rezept'),
        reply('Danke!'),
        comment('Klappt das auch mit Mandeln'),
        reply('Ja.'),
        comment('Super'),
        reply('Freut mich'),
      ]),
      ctx(),
    );
    expect(r?.verdict).toBe('pass');
    expect(r?.detail).toEqual([3, 3]);
  });

  it('fails when the author never answers, and lists the unanswered threads', () => {
    const cs = [comment('Eins'), comment('Zwei'), comment('Drei'), comment('Vier')];
    const r = rule.judge(withComments(cs), ctx());
    expect(r?.verdict).toBe('fail');
    expect(r?.score).toBe(0);
    expect(r?.detail).toEqual([0, 4]);
    expect(r?.evidence).toEqual(cs.map((c) => c.evidence));
  });

  it('counts answering half of the threads as fully in dialogue (TARGET_SHARE edge)', () => {
    const half = [comment('a'), reply('r'), comment('b'), reply('r'), comment('c'), comment('d')];
    expect(rule.judge(withComments(half), ctx())?.score).toBe(1);
    const quarter = [comment('a'), reply('r'), comment('b'), comment('c'), comment('d')];
    const r = rule.judge(withComments(quarter), ctx());
    expect(r?.score).toBeCloseTo(0.25 / TARGET_SHARE);
    expect(r?.verdict).toBe('warn');
  });

  it('a reply by another reader does not count as the author answering', () => {
    const cs = [comment('a'), comment('b', { depth: 1 }), comment('c'), comment('d')];
    expect(rule.judge(withComments(cs), ctx())?.detail).toEqual([0, 3]);
  });

  it('finds the author deeper in the thread, after other readers replied', () => {
    const cs = [comment('a'), comment('b', { depth: 1 }), reply('r', { depth: 2 }), comment('c'), comment('d')];
    expect(rule.judge(withComments(cs), ctx())?.detail).toEqual([1, 3]);
  });

  it('follows parentId when the answer sits elsewhere (newest-first themes)', () => {
    const cs = [
      reply('Antwort', { parentId: 'c-3', depth: 1 }),
      comment('x', { id: 'c-1' }),
      comment('y', { id: 'c-2' }),
      comment('z', { id: 'c-3' }),
    ];
    expect(rule.judge(withComments(cs), ctx())?.detail).toEqual([1, 3]);
  });

  it('reads flat layouts generously: an author comment answers everything before it', () => {
    // Blogger classic / seed 002: the author answers as the next flat comment
    const cs = [comment('Gute Sache'), comment('Stimmt'), reply('Richtig, vielen Dank', { depth: 0 }), comment('Spät dran')];
    expect(rule.judge(withComments(cs), ctx())?.detail).toEqual([2, 3]);
  });

  it(`is n/a below ${MIN_THREADS} threads by others, and when comments live in an iframe`, () => {
    expect(rule.judge(withComments([comment('a'), comment('b')]), ctx())).toBeNull();
    expect(rule.judge(article({ comments: { system: 'disqus', comments: null, form: null } }), ctx())).toBeNull();
    expect(rule.judge(withComments([comment('a'), comment('b'), comment('c')]), ctx())).not.toBeNull();
  });

  it('does not count pingbacks as threads', () => {
    expect(rule.judge(withComments([comment('a'), comment('b'), pingback(), pingback()]), ctx())).toBeNull();
  });

  it(`gives the author ${REPLY_GRACE_HOURS} hours before a comment counts as unanswered`, () => {
    const fresh = new Date(NOW - 3_600_000).toISOString();
    const cs = [
      comment('a', { date: daysAgo(5) }),
      comment('b', { date: daysAgo(5) }),
      comment('c', { date: daysAgo(5) }),
      comment('new', { date: fresh }),
    ];
    expect(rule.judge(withComments(cs), ctx())?.detail).toEqual([0, 3]);
  });

  it('recognises the author by the byline where the platform marks nothing', () => {
    const cs = [comment('a'), comment('Danke', { author: 'Author', depth: 1 }), comment('b'), comment('c')];
    expect(rule.judge(withComments(cs, 'generic'), ctx())?.detail).toEqual([1, 3]);
  });

  it('stops at a warn on platforms that do not mark the author and show no author comment', () => {
    const cs = [comment('a'), comment('b'), comment('c')];
    const r = rule.judge(withComments(cs, 'generic'), ctx());
    expect(r?.score).toBe(UNMARKED_FLOOR);
    expect(r?.verdict).toBe('warn');
  });
});
