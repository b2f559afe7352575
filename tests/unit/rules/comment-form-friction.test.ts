import { describe, expect, it } from 'vitest';
import rule, {
  CAPTCHA_PENALTY,
  CONSENT_PENALTY,
  EXTRA_FIELD_PENALTY,
  LOGIN_ONLY_SCORE,
} from '../../../src/rules/comment-form-friction';
import { article, ctx, field, form } from './_builders';

const withFields = (...extra: ReturnType<typeof field>[]) => article({ comments: { form: form(extra) } });

describe('comment-form-friction', () => {
  it("passes WordPress's default form: name and e-mail required, website optional", () => {
    const r = rule.judge(article(), ctx());
    expect(r?.verdict).toBe('pass');
    expect(r?.detail).toEqual([0]);
  });

  it('passes a required GDPR consent box alone (DSGVO, one click)', () => {
    const r = rule.judge(withFields(field('consent', { required: true, label: 'Ich stimme der Speicherung zu' })), ctx());
    expect(r?.score).toBeCloseTo(1 - CONSENT_PENALTY);
    expect(r?.verdict).toBe('pass');
  });

  it('warns on one required field beyond name and e-mail, and names it', () => {
    const extra = field('other', { required: true, label: 'Firma *' });
    const r = rule.judge(withFields(extra), ctx());
    expect(r?.score).toBeCloseTo(1 - EXTRA_FIELD_PENALTY);
    expect(r?.verdict).toBe('warn');
    expect(r?.evidence).toEqual([extra.evidence]);
  });

  it('counts a required website field as friction', () => {
    const r = rule.judge(article({ comments: { form: form([], {}) } }), ctx());
    expect(r?.verdict).toBe('pass');
    const required = form();
    required.fields = required.fields.map((f) => (f.kind === 'url' ? { ...f, required: true } : f));
    expect(rule.judge(article({ comments: { form: required } }), ctx())?.verdict).toBe('warn');
  });

  it('fails with three extra required fields (the seed\'s "vielen Pflichtfelder")', () => {
    const r = rule.judge(
      withFields(
        field('other', { required: true, label: 'Firma' }),
        field('other', { required: true, label: 'Telefon' }),
        field('other', { required: true, label: 'Position' }),
      ),
      ctx(),
    );
    expect(r?.verdict).toBe('fail');
    expect(r?.detail).toEqual([3]);
  });

  it('warns on a captcha alone, fails on a captcha plus two extra fields', () => {
    const captcha = rule.judge(article({ comments: { form: form([], { captcha: true }) } }), ctx());
    expect(captcha?.score).toBeCloseTo(1 - CAPTCHA_PENALTY);
    expect(captcha?.verdict).toBe('warn');
    const both = rule.judge(
      article({
        comments: {
          form: form([field('other', { required: true }), field('other', { required: true })], { captcha: true }),
        },
      }),
      ctx(),
    );
    expect(both?.verdict).toBe('fail');
    expect(both?.detail).toEqual([3]);
  });

  it('reads a captcha field as a captcha too', () => {
    const r = rule.judge(withFields(field('captcha', { required: true, label: 'Was ist 3 + 4?' })), ctx());
    expect(r?.score).toBeCloseTo(1 - CAPTCHA_PENALTY);
    expect(r?.detail).toEqual([1]);
  });

  it('leaves a required newsletter box to newsletter-coupling', () => {
    expect(rule.judge(withFields(field('newsletter', { required: true })), ctx())?.verdict).toBe('pass');
  });

  it('fails login-only commenting, even when the form is not in the DOM', () => {
    const r = rule.judge(article({ comments: { state: 'login-required', form: null } }), ctx());
    expect(r?.score).toBe(LOGIN_ONLY_SCORE);
    expect(r?.verdict).toBe('fail');
  });

  it('is n/a for an iframe form, closed comments or no section', () => {
    expect(rule.judge(article({ comments: { system: 'disqus', form: null, comments: null } }), ctx())).toBeNull();
    expect(rule.judge(article({ comments: { state: 'closed', form: null } }), ctx())).toBeNull();
    expect(rule.judge(article({ comments: null }), ctx())).toBeNull();
  });
});
