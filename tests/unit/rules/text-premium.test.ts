import { describe, expect, it } from 'vitest';
import { canonicalNumber, chargeOf, countryOf, premiumLabel } from '../../../src/rules/text/premium';

const digits = (raw: string) => raw.replace(/(?!^\+)[^\d]/g, '');

describe('premium-rate number plans', () => {
  it.each([
    ['0900 1 234567', undefined],
    ['0900-5-123456', 'AT'],
    ['01805 123456', 'DE'],
    ['01806 1234567', 'DE'],
    ['0137 9876543', 'DE'],
    ['+49 900 1234567', undefined],
    ['0049 (0)900 1234567'.replace('(0)', ''), undefined],
    ['+49 1805 123456', undefined],
    ['+43 901 123456', undefined],
    ['+43 939 1234567', undefined],
    ['+41 906 123456', undefined],
    ['+44 909 876 5432', undefined],
    ['+44 871 234 5678', undefined],
    ['1-900-555-0199', undefined],
    ['(213) 976-1234', 'US'],
    ['+1 213 976 1234', undefined],
    ['0901 123456', 'AT'],
    ['0906 123456', 'CH'],
    ['0871 234 5678', 'UK'],
    ['0909 876 5432', 'UK'],
  ] as const)('%s (%s) is premium', (raw, country) => {
    expect(premiumLabel(digits(raw), country)).not.toBeNull();
  });

  it.each([
    ['030 1234567', 'DE'],
    ['+49 30 1234567', undefined],
    ['0800 1234567', 'DE'],
    ['0931 123456', 'DE'], // Würzburg
    ['0906 12345', 'DE'], // Donauwörth
    ['0871 12345', 'DE'], // Landshut
    ['01 8012345', 'AT'], // Vienna
    ['01801 234567', 'AT'], // not a German shared-cost number on an Austrian page
    ['+43 1 9001234', undefined], // Vienna, not 0900
    ['+1 212 555 0100', undefined],
    ['(212) 555-0976', 'US'],
    ['0870 123 4567', 'UK'], // geographic rate since 2015
    ['0171 1234567', 'DE'],
  ] as const)('%s (%s) is ordinary', (raw, country) => {
    expect(premiumLabel(digits(raw), country)).toBeNull();
  });

  it('reads 00-prefixed international numbers', () => {
    expect(canonicalNumber('00499001234567')).toBe('+499001234567');
  });
});

describe('country of a page', () => {
  it('takes the top-level domain first, then the language', () => {
    expect(countryOf('https://firma.at/blog', 'de')).toBe('AT');
    expect(countryOf('https://shop.example.ch/', 'de')).toBe('CH');
    expect(countryOf('https://example.co.uk/x', 'en')).toBe('UK');
    expect(countryOf('https://example.com/x', 'de-AT')).toBe('AT');
    expect(countryOf('https://example.com/x', 'de')).toBe('DE');
    expect(countryOf('https://example.com/x', 'en')).toBeUndefined();
    expect(countryOf('not a url')).toBeUndefined();
  });
});

describe('wording around a number', () => {
  it('reads per-minute prices as charged', () => {
    expect(chargeOf('012345678', '0,14 €/Min. aus dem Festnetz', 'DE')).toBe('per-minute');
    expect(chargeOf('012345678', 'Anruf 1,99/Min', 'DE')).toBe('per-minute');
    expect(chargeOf('02079460000', 'calls cost 50p per minute', 'UK')).toBe('per-minute');
    expect(chargeOf('012345678', '14 Cent pro Minute', 'DE')).toBe('per-minute');
  });

  it('does not read everyday phrases as prices', () => {
    expect(chargeOf('0301234567', 'Give us a minute, stop a minute and call 030 1234567', 'DE')).toBe('normal');
  });

  it('tells charged support from a vague fee and from a free line', () => {
    expect(chargeOf('0891234567', 'kostenpflichtige Hotline 089 1234567', 'DE')).toBe('charged-support');
    expect(chargeOf('0891234567', 'kostenpflichtig bestellen: 089 1234567', 'DE')).toBe('charged');
    expect(chargeOf('0891234567', 'Hotline (kostenpflichtig, zum Festnetztarif)', 'DE')).toBe('normal');
  });
});
