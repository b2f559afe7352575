import { describe, expect, it } from 'vitest';
import { dateFromEpochMs, parseDate } from '../../../src/adapters/_blog/dates';
import { registrableDomain, sameSite } from '../../../src/adapters/_blog/domain';
import { normalizePhone } from '../../../src/adapters/_blog/phones';

describe('parseDate (comment and article dates as pages print them)', () => {
  it.each([
    ['2024-03-05T09:30:00+01:00', '2024-03-05T08:30:00.000Z'],
    ['2024-03-05', '2024-03-05T00:00:00.000Z'],
    ['March 5, 2024 at 3:45 pm', '2024-03-05T15:45:00.000Z'],
    ['May 4th, 2022 at 12:05 am', '2022-05-04T00:05:00.000Z'],
    ['4. Mai 2022 um 15:45 Uhr', '2022-05-04T15:45:00.000Z'],
    ['12. März 2021', '2021-03-12T00:00:00.000Z'],
    ['3. Okt. 2020 um 9:07', '2020-10-03T09:07:00.000Z'],
    ['06.05.2022 um 08:00 Uhr', '2022-05-06T08:00:00.000Z'],
    ['2019/11/30', '2019-11-30T00:00:00.000Z'],
  ])('%s → %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each([
    '',
    'gestern',
    'vor 3 Tagen',
    '31. Februar 2020',
    'March 31, 2024 at 25:99 pm',
    '2024-13-01',
    '45.12.2020',
    'Foo 12, 2020',
  ])('broken or relative date %j → undefined', (raw) => {
    expect(parseDate(raw)).toBeUndefined();
  });

  it('reads Blogger epoch milliseconds and rejects nonsense', () => {
    expect(dateFromEpochMs('1433578985419')).toBe('2015-06-06T08:23:05.419Z');
    expect(dateFromEpochMs('12')).toBeUndefined();
    expect(dateFromEpochMs('abc')).toBeUndefined();
  });
});

describe('registrable domain (internal vs external links)', () => {
  it.each([
    ['www.example.com', 'example.com'],
    ['blog.example.co.uk', 'example.co.uk'],
    ['news.orf.or.at', 'orf.or.at'],
    ['alice.blogspot.com', 'alice.blogspot.com'],
    ['bob.wordpress.com', 'bob.wordpress.com'],
    ['127.0.0.1', '127.0.0.1'],
  ])('%s → %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });

  it('two blogs on one hosting platform are different sites', () => {
    expect(sameSite('alice.blogspot.com', 'bob.blogspot.com')).toBe(false);
    expect(sameSite('www.spiegel.de', 'spiegel.de')).toBe(true);
  });
});

describe('normalizePhone', () => {
  it('keeps a leading + for international numbers, turns 00 into +', () => {
    expect(normalizePhone('+49 (0) 900 123-456')).toBe('+490900123456');
    expect(normalizePhone('0049 180 5 12 34')).toBe('+4918051234');
    expect(normalizePhone('0900 / 12 34 56')).toBe('0900123456');
  });
});
