import { describe, expect, it } from 'vitest';
import rule, { LOGIN_REQUIRED_SCORE, NO_SECTION_SCORE } from '../../../src/rules/share-without-dialogue';
import { article, ctx } from './_builders';

const buttons = [
  { selector: '.sharedaddy a.share-twitter', text: 'Teilen auf X' },
  { selector: '.sharedaddy a.share-facebook', text: 'Auf Facebook teilen' },
];

describe('share-without-dialogue', () => {
  it('fails with share buttons and closed comments, showing both', () => {
    const notice = { selector: 'p.nocomments', text: 'Comments are closed.' };
    const r = rule.judge(
      article({ article: { shareButtons: buttons }, comments: { state: 'closed', form: null, evidence: [notice] } }),
      ctx(),
    );
    expect(r?.verdict).toBe('fail');
    expect(r?.evidence).toEqual([...buttons, notice]);
    expect(r?.detail).toEqual([2]);
  });

  it('passes with share buttons and open comments', () => {
    expect(rule.judge(article({ article: { shareButtons: buttons } }), ctx())?.verdict).toBe('pass');
  });

  it('warns with a login wall or when no comment section was seen', () => {
    const login = rule.judge(article({ article: { shareButtons: buttons }, comments: { state: 'login-required' } }), ctx());
    expect(login?.score).toBe(LOGIN_REQUIRED_SCORE);
    const none = rule.judge(article({ article: { shareButtons: buttons }, comments: null }), ctx());
    expect(none?.score).toBe(NO_SECTION_SCORE);
    expect(none?.verdict).toBe('warn');
  });

  it('is n/a without share buttons', () => {
    expect(rule.judge(article({ comments: { state: 'closed' } }), ctx())).toBeNull();
  });
});
