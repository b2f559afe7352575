import { describe, expect, it } from 'vitest';
import rule, { isHotlineRedirect, isPremium } from '../../../../src/rules/hotline-redirect';
import { ctx, many, post, profile } from './_make';

describe('hotline-redirect', () => {
  it.each([
    'Bitte rufen Sie unsere Hotline an: 0900 123456',
    '+49 900 1234567',
    'call 1-900-555-0199',
    '+44 909 879 0000',
    'Hotline (1,99 €/Min.)',
  ])('knows the premium number in “%s”', (text) => {
    expect(isPremium(text)).toBe(true);
  });

  it('reads national numbers that are premium in one country only with that country', () => {
    expect(isPremium('0180 5 123 456', 'DE')).toBe(true);
    expect(isPremium('0180 5 123 456')).toBe(false);
  });

  it.each(['Tel. 0911 123456 (Nürnberg)', '0906 12345', '030 1234567', 'Order 9001234', 'Call +1 212 555 0100'])(
    'sees no premium number in “%s”',
    (text) => {
      expect(isPremium(text)).toBe(false);
    },
  );

  it('recognises hotline wording in German and English', () => {
    expect(isHotlineRedirect(post({ text: 'Bitte rufen Sie uns unter 030 123456 an.' }))).toBe(true);
    expect(isHotlineRedirect(post({ text: 'Please call our hotline, they will help.' }))).toBe(true);
    expect(isHotlineRedirect(post({ text: 'Danke, wir schauen uns das an und melden uns hier.' }))).toBe(false);
  });

  it('fails on one premium number, on half of 2+ replies, warns on one hotline reply', () => {
    const reply = (text: string) => post({ text, isReply: true });
    const fine = many(3, () => ({ isReply: true, text: 'Danke, schreiben Sie uns eine DM.' }));
    expect(rule.judge(profile([reply('Hotline: 0900 123456 (1,99 €/Min.)'), ...fine]), ctx)?.verdict).toBe('fail');
    expect(
      rule.judge(profile([reply('Call our hotline'), reply('Rufen Sie unsere Hotline an'), ...fine.slice(0, 2)]), ctx)?.verdict,
    ).toBe('fail');
    expect(rule.judge(profile([reply('Call our hotline'), ...fine]), ctx)?.verdict).toBe('warn');
    expect(rule.judge(profile(fine), ctx)?.verdict).toBe('pass');
  });

  it('is n/a without own replies; others’ replies do not count', () => {
    expect(rule.judge(profile(many(5, () => ({}))), ctx)).toBeNull();
    expect(rule.judge(profile([post({ author: 'someone', isReply: true, text: 'Hotline 0900 123456' })]), ctx)).toBeNull();
  });
});

describe('hotline-redirect wording', () => {
  it('needs a call to action next to a number, not any word containing "ruf"', () => {
    expect(isHotlineRedirect(post({ text: 'Unser Aufruf zum Beruf: Bewerbungen bis 2025-01-31 12:00' }))).toBe(false);
    expect(isHotlineRedirect(post({ text: 'Bitte anrufen: 030 1234 5678' }))).toBe(true);
  });
});
