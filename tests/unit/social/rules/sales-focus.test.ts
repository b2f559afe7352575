import { describe, expect, it } from 'vitest';
import rule, { isSales } from '../../../../src/rules/sales-focus';
import { ctx, many, post, profile } from './_make';

describe('sales-focus', () => {
  it.each([
    'Nur heute: 20 % Rabatt auf alles!',
    'Mit dem Gutscheincode SOMMER24 sparen',
    'Get 30% off with code SPRING30',
    'Black Friday deals are live',
    'Jetzt bestellen und versandkostenfrei liefern lassen',
    'Use code SAVE10 at checkout',
  ])('recognises the offer in “%s”', (text) => {
    expect(isSales(post({ text }))).toBe(true);
  });

  it.each(['Was denken Sie über unser Beratungsangebot?', 'Great talk today about wholesale markets', 'Our code of conduct'])(
    'sees no offer in “%s”',
    (text) => {
      expect(isSales(post({ text }))).toBe(false);
    },
  );

  it('recognises shop links', () => {
    expect(isSales(post({ text: 'Neu!', urls: ['https://example.com/shop/schuhe'] }))).toBe(true);
    expect(isSales(post({ text: 'Lesetipp', urls: ['https://amzn.to/abc'] }))).toBe(true);
    expect(isSales(post({ text: 'Lesetipp', urls: ['https://blog.example.com/2024/post'] }))).toBe(false);
  });

  it('fails when more than half of 8+ posts sell, warns from a third', () => {
    const offer = { text: '50% off today only' };
    expect(rule.judge(profile(many(8, (i) => (i < 5 ? offer : {}))), ctx)?.verdict).toBe('fail');
    expect(rule.judge(profile(many(8, (i) => (i < 4 ? offer : {}))), ctx)?.verdict).toBe('warn');
    expect(rule.judge(profile(many(6, (i) => (i < 4 ? offer : {}))), ctx)?.verdict).toBe('warn');
    expect(rule.judge(profile(many(10, (i) => (i < 2 ? offer : {}))), ctx)?.verdict).toBe('pass');
    expect(rule.judge(profile(many(4, () => offer)), ctx)).toBeNull();
  });
});
