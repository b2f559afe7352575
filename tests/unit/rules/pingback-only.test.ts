import { describe, expect, it } from 'vitest';
import rule, { THIN_SCORE } from '../../../src/rules/pingback-only';
import { article, comment, ctx, pingback } from './_builders';

describe('pingback-only', () => {
  it('fails when the thread is only pingbacks and trackbacks (seed 001)', () => {
    const pings = [pingback('Pingback: Glacé entdeckt das Monitoring nicht'), { ...pingback(), kind: 'trackback' as const }];
    const r = rule.judge(article({ comments: { state: 'closed', form: null, comments: pings } }), ctx());
    expect(r?.verdict).toBe('fail');
    expect(r?.detail).toEqual([0, 2]);
    expect(r?.evidence).toEqual(pings.map((p) => p.evidence));
  });

  it('only warns on one lone pingback', () => {
    const r = rule.judge(article({ comments: { comments: [pingback()] } }), ctx());
    expect(r?.score).toBe(THIN_SCORE);
    expect(r?.verdict).toBe('warn');
  });

  it('passes when humans are at least half of the thread', () => {
    const r = rule.judge(article({ comments: { comments: [comment('Hallo'), pingback()] } }), ctx());
    expect(r?.verdict).toBe('pass');
    expect(r?.detail).toEqual([1, 1]);
  });

  it('warns (never fails) when humans are drowned in pingbacks but present', () => {
    const r = rule.judge(
      article({ comments: { comments: [comment('Hallo'), ...Array.from({ length: 28 }, () => pingback())] } }),
      ctx(),
    );
    expect(r?.verdict).toBe('warn');
    expect(r?.detail).toEqual([1, 28]);
  });

  it('judges a sampled thread by its true totals and shows the sampled pingbacks', () => {
    const sample = [comment('Hallo'), pingback()];
    // the sample alone is half humans (pass); the whole thread is 10 humans to 40 pingbacks
    const r = rule.judge(
      article({ comments: { comments: sample, counts: { comments: 10, pingbacks: 40, byPostAuthor: 0 } } }),
      ctx(),
    );
    expect(r?.verdict).toBe('warn');
    expect(r?.detail).toEqual([10, 40]);
    expect(r?.evidence).toEqual([sample[1].evidence]);
  });

  it('is n/a without pingbacks or without a readable thread', () => {
    expect(rule.judge(article({ comments: { comments: [comment('Hallo')] } }), ctx())).toBeNull();
    expect(rule.judge(article({ comments: { comments: [] } }), ctx())).toBeNull();
    expect(rule.judge(article({ comments: { comments: null } }), ctx())).toBeNull();
  });
});
