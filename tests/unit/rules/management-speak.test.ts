import { describe, expect, it } from 'vitest';
import rule, { FAIL_PER_1000, MIN_HITS_FOR_FAIL, MIN_WORDS, WARN_PER_1000 } from '../../../src/rules/management-speak';
import { article, ctx, filler } from './_builders';

const text = (words: number, terms: string[]) => `${filler(words - terms.join(' ').split(' ').length)} ${terms.join(' ')}`;
const judge = (t: string) => rule.judge(article({ article: { text: t } }), ctx());

describe('management-speak', () => {
  it(`is n/a below ${MIN_WORDS} words`, () => {
    expect(judge('Wir managen Touchpoints und betreiben CRM.')).toBeNull();
    expect(judge(filler(MIN_WORDS - 1))).toBeNull();
  });

  it('passes plain language', () => {
    const r = judge(filler(600));
    expect(r?.verdict).toBe('pass');
    expect(r?.detail).toEqual([0, 600, '–']);
  });

  it(`passes up to ${WARN_PER_1000} terms per 1000 words`, () => {
    expect(judge(text(1000, ['CRM', 'Touchpoints']))?.verdict).toBe('pass');
  });

  it('warns between the lines (German seed wording)', () => {
    const r = judge(
      text(1000, ['Customer Relationship Management', 'Prozessoptimierung', 'Touchpoints', 'managen', 'Synergien']),
    );
    expect(r?.verdict).toBe('warn');
    expect(r?.detail?.[0]).toBe(5);
    expect(String(r?.detail?.[2])).toContain('Prozessoptimierung');
  });

  it(`fails from ${FAIL_PER_1000} per 1000 words with at least ${MIN_HITS_FOR_FAIL} hits (English)`, () => {
    const terms = [
      'leverage',
      'synergies',
      'customer journey',
      'touchpoint',
      'value proposition',
      'holistic',
      'scalable',
      'KPIs',
    ];
    const r = judge(text(MIN_WORDS + 50, terms));
    expect(r?.verdict).toBe('fail');
  });

  it('only warns on a high density made of few hits', () => {
    const r = judge(text(MIN_WORDS, ['CRM', 'Touchpoints', 'Synergien', 'KPI']));
    expect((4 / MIN_WORDS) * 1000).toBeGreaterThan(FAIL_PER_1000);
    expect(r?.verdict).toBe('warn');
  });

  it('does not match inside other words', () => {
    expect(judge(text(600, ['Aroi', 'Kroi', 'Crmxx', 'Leveraged?']))?.detail?.[0]).toBe(1);
  });
});
