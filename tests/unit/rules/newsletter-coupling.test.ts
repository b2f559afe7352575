import { describe, expect, it } from 'vitest';
import rule, { OPTIONAL_SCORE, PRECHECKED_SCORE, REQUIRED_SCORE } from '../../../src/rules/newsletter-coupling';
import { article, ctx, field, form } from './_builders';

const box = (over: Parameters<typeof field>[1] = {}) => field('newsletter', { label: 'Newsletter abonnieren', ...over });

describe('newsletter-coupling', () => {
  it('passes a form without any newsletter box', () => {
    const r = rule.judge(article(), ctx());
    expect(r?.verdict).toBe('pass');
    expect(r?.detail).toEqual([0, 'none']);
  });

  it('warns on an optional box (mc4wp "Newsletter abonnieren", unticked)', () => {
    const b = box();
    const r = rule.judge(article({ comments: { form: form([b]) } }), ctx());
    expect(r?.score).toBe(OPTIONAL_SCORE);
    expect(r?.verdict).toBe('warn');
    expect(r?.evidence).toEqual([b.evidence]);
    expect(r?.detail).toEqual([1, 'optional']);
  });

  it('fails on a pre-ticked box ("Notify me of new posts", checked on load)', () => {
    const r = rule.judge(article({ comments: { form: form([box({ checked: true, label: 'Notify me of new posts' })]) } }), ctx());
    expect(r?.score).toBe(PRECHECKED_SCORE);
    expect(r?.verdict).toBe('fail');
    // the key fact travels with the finding: the detail says "ticked in advance"
    expect(r?.detail).toEqual([1, 'prechecked']);
  });

  it('fails hardest on a required box, and the worst box wins', () => {
    const required = box({ required: true });
    const r = rule.judge(article({ comments: { form: form([box({ checked: true }), required]) } }), ctx());
    expect(r?.score).toBe(REQUIRED_SCORE);
    expect(r?.evidence).toEqual([required.evidence]);
    expect(r?.detail).toEqual([2, 'required']);
  });

  it('is n/a when the form is not in the DOM', () => {
    expect(rule.judge(article({ comments: { system: 'jetpack', form: null } }), ctx())).toBeNull();
    expect(rule.judge(article({ comments: null }), ctx())).toBeNull();
  });
});
