import { describe, expect, it } from 'vitest';
import rule from '../../../../src/rules/no-sharing-others';
import { ctx, many, profile } from './_make';

describe('no-sharing-others', () => {
  it('passes as soon as one repost or quote is on the timeline', () => {
    expect(rule.judge(profile(many(10, (i) => ({ isRepost: i === 3, author: i === 3 ? 'other' : 'acme' }))), ctx)?.verdict).toBe(
      'pass',
    );
    expect(rule.judge(profile(many(10, (i) => ({ isQuote: i === 0 }))), ctx)?.verdict).toBe('pass');
  });

  it('warns at 10 posts without sharing and fails at 20', () => {
    expect(rule.judge(profile(many(10, () => ({}))), ctx)?.verdict).toBe('warn');
    expect(rule.judge(profile(many(19, () => ({}))), ctx)?.verdict).toBe('warn');
    expect(rule.judge(profile(many(20, () => ({}))), ctx)?.verdict).toBe('fail');
  });

  it('is n/a on short timelines and on Instagram (no reposts there)', () => {
    expect(rule.judge(profile(many(9, () => ({}))), ctx)).toBeNull();
    expect(
      rule.judge(
        profile(
          many(30, () => ({})),
          {},
          'instagram',
        ),
        ctx,
      ),
    ).toBeNull();
  });

  it('does not count ads', () => {
    expect(rule.judge(profile(many(12, (i) => ({ isPromoted: i < 3, isRepost: i < 3 }))), ctx)).toBeNull();
  });
});
