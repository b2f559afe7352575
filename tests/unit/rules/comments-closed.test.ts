import { describe, expect, it } from 'vitest';
import rule, { LOGIN_REQUIRED_SCORE, NO_SECTION_SCORE } from '../../../src/rules/comments-closed';
import { article, comment, ctx } from './_builders';

describe('comments-closed', () => {
  it('passes when readers can comment, showing the form once', () => {
    const m = article();
    m.comments!.evidence = [m.comments!.form!.evidence];
    const r = rule.judge(m, ctx());
    expect(r?.verdict).toBe('pass');
    expect(r?.score).toBe(1);
    expect(r?.evidence).toEqual([m.comments!.form!.evidence]);
  });

  it('fails on a closed notice and shows it as evidence', () => {
    const notice = { selector: '#comments > p.no-comments', text: 'Kommentare sind geschlossen.' };
    const r = rule.judge(article({ comments: { state: 'closed', form: null, evidence: [notice] } }), ctx());
    expect(r?.verdict).toBe('fail');
    expect(r?.score).toBe(0);
    expect(r?.evidence).toContainEqual(notice);
  });

  it('counts the human comments left on a closed thread in the detail', () => {
    const comments = [comment('Schöner Beitrag'), comment('Danke!'), comment('Pingback: x', { kind: 'pingback' })];
    const r = rule.judge(article({ comments: { state: 'closed', form: null, comments } }), ctx());
    expect(r?.detail).toEqual([2, 'closed']);
  });

  it('counts every comment of a sampled thread, not only the sample', () => {
    const comments = [comment('Schöner Beitrag'), comment('Danke!')];
    const counts = { comments: 662, pingbacks: 3, byPostAuthor: 40 };
    const r = rule.judge(article({ comments: { state: 'closed', form: null, comments, counts } }), ctx());
    expect(r?.detail).toEqual([662, 'closed']);
  });

  it('proves open comments with a comment people wrote, not with the form boilerplate', () => {
    const m = article({
      comments: { comments: [comment('Pingback: x', { kind: 'pingback' }), comment('Gilt das auch für Dinkel?')] },
    });
    const r = rule.judge(m, ctx());
    expect(r?.verdict).toBe('pass');
    expect(r?.evidence[0]?.text).toBe('comment Gilt das auch für Dinkel?');
    // the form still follows, once
    expect(r?.evidence.filter((e) => e.selector === m.comments!.form!.evidence.selector)).toHaveLength(1);
    expect(r?.detail).toEqual([1, 'open']);
  });

  it('warns (not fails) when commenting needs a login', () => {
    const r = rule.judge(article({ comments: { state: 'login-required', form: null } }), ctx());
    expect(r?.verdict).toBe('warn');
    expect(r?.score).toBe(LOGIN_REQUIRED_SCORE);
  });

  it('only warns when no comment section was seen at all: absence is thin evidence', () => {
    const withNone = rule.judge(article({ comments: { system: 'none', state: 'none', form: null, comments: [] } }), ctx());
    const withoutSection = rule.judge(article({ comments: null }), ctx());
    for (const r of [withNone, withoutSection]) {
      expect(r?.verdict).toBe('warn');
      expect(r?.score).toBe(NO_SECTION_SCORE);
    }
    expect(withoutSection?.detail).toEqual([0, 'none']);
  });

  it('treats an iframe embed that is open as open', () => {
    const r = rule.judge(article({ comments: { system: 'disqus', state: 'open', form: null, comments: null } }), ctx());
    expect(r?.verdict).toBe('pass');
  });

  it('applies to articles only and weighs heavily', () => {
    expect(rule.appliesTo).toEqual(['article']);
    expect(rule.weight).toBeGreaterThanOrEqual(3);
  });
});
