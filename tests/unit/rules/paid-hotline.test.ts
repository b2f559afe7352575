import { describe, expect, it } from 'vitest';
import rule, { CHARGED_SCORE } from '../../../src/rules/paid-hotline';
import type { PhoneMention } from '../../../src/contract';
import { article, ctx } from './_builders';

const phone = (raw: string, context = `Hotline: ${raw}`): PhoneMention => ({
  raw,
  normalized: raw.replace(/(?!^\+)[^\d]/g, ''),
  context,
  evidence: { selector: '.contact', text: context },
});
const page = (phones: PhoneMention[], url = 'https://shop.example.de/blog/x', lang = 'de') =>
  article({ url, lang, article: { phones } });

describe('paid-hotline', () => {
  it('is n/a without any phone number: no number is no evidence', () => {
    expect(rule.judge(page([]), ctx())).toBeNull();
  });

  it('passes an ordinary landline or mobile number', () => {
    const r = rule.judge(page([phone('030 1234567'), phone('+49 171 1234567')]), ctx());
    expect(r?.verdict).toBe('pass');
    expect(r?.detail).toEqual([0, 2]);
  });

  it('fails a German 0900 and 0180x support number, and names it', () => {
    const n = phone('0900 1 234567', 'Kundenservice: 0900 1 234567');
    const r = rule.judge(page([phone('030 1234567'), n]), ctx());
    expect(r?.verdict).toBe('fail');
    expect(r?.evidence).toEqual([n.evidence]);
    expect(r?.detail).toEqual([1, 2]);
    expect(rule.judge(page([phone('01805 123456')]), ctx())?.verdict).toBe('fail');
  });

  it('fails the international form (+49 900, 0049 900, +44 9…)', () => {
    expect(rule.judge(page([phone('+49 900 1234567')]), ctx())?.verdict).toBe('fail');
    expect(rule.judge(page([phone('0049 900 1234567')]), ctx())?.verdict).toBe('fail');
    expect(rule.judge(page([phone('+44 909 876 5432')], 'https://example.com/post', 'en'), ctx())?.verdict).toBe('fail');
  });

  it('fails a US 1-900 number on an English page', () => {
    expect(rule.judge(page([phone('1-900-555-0199')], 'https://example.com/post', 'en'), ctx())?.verdict).toBe('fail');
  });

  it('does not mistake a German area code for a foreign premium prefix', () => {
    // 0931 is Würzburg in Germany but premium in Austria
    expect(rule.judge(page([phone('0931 123456')]), ctx())?.verdict).toBe('pass');
    expect(rule.judge(page([phone('0931 123456')], 'https://firma.example.at/blog'), ctx())?.verdict).toBe('fail');
  });

  it('fails a normal-looking number with a per-minute price ("14 ct/Min.", "£1.50 per minute")', () => {
    const de = phone('01234 567890', 'Service-Hotline 01234 567890 (14 ct/Min. aus dem dt. Festnetz)');
    expect(rule.judge(page([de]), ctx())?.verdict).toBe('fail');
    const en = phone('020 7946 0000', 'Helpline 020 7946 0000, calls cost £1.50 per minute');
    expect(rule.judge(page([en], 'https://example.co.uk/blog'), ctx())?.verdict).toBe('fail');
  });

  it('fails "kostenpflichtig" next to a support line, warns when no support wording is near', () => {
    const support = phone('089 1234567', 'Unser kostenpflichtiger Kundensupport: 089 1234567');
    expect(rule.judge(page([support]), ctx())?.verdict).toBe('fail');
    const vague = phone('089 1234567', 'Bestellungen kostenpflichtig unter 089 1234567');
    const r = rule.judge(page([vague]), ctx());
    expect(r?.score).toBe(CHARGED_SCORE);
    expect(r?.verdict).toBe('warn');
  });

  it('passes a support line that says it is free', () => {
    const free = phone('0800 1234567', 'Kostenlose Hotline: 0800 1234567');
    expect(rule.judge(page([free]), ctx())?.verdict).toBe('pass');
  });
});
