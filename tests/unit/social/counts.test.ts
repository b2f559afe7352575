import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBefore, parseCount } from '../../../src/adapters/_social/counts';

describe('parseCount', () => {
  it.each([
    ['3,893', 3893],
    ['3.893', 3893],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['12.5K', 12500],
    ['86.4K Followers', 86400],
    ['1.1M', 1100000],
    ['1,2 Mio.', 1200000],
    ['1,2 Mio. Follower', 1200000],
    ['12 Tsd.', 12000],
    ['1,5 Tsd.', 1500],
    ['2 Mrd.', 2000000000],
    ['2,5 Milliarden', 2500000000],
    ['3 Millionen', 3000000],
    ['25K', 25000],
    ['7.3k', 7300],
    ['1\u00a0234', 1234],
    ['1\u202f234\u202f567', 1234567],
    ["1'234", 1234],
    ['10 Replies', 10],
    ['10 Replies. Reply', 10],
    ['4483 reposts. Repost', 4483],
    ['0', 0],
    ['1,234.5K', 1234500],
    ['1.234,5 Tsd.', 1234500],
    ['1.351 Beiträge', 1351],
    ['10 Mal geteilt', 10],
    ['5 min', 5],
  ])('%s → %d', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });

  it.each([['1.2.3K'], ['12,5'], ['1.2'], ['1,234K'], ['1.234 Mio.'], ['1,23,4'], ['12 34'], [''], ['Followers'], ['1.234,5']])(
    '%s → null (no guess)',
    (text) => {
      expect(parseCount(text)).toBeNull();
    },
  );

  it('round-trips integers written with EN and DE grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (n) => {
        expect(parseCount(n.toLocaleString('en-US'))).toBe(n);
        expect(parseCount(n.toLocaleString('de-DE'))).toBe(n);
        expect(parseCount(String(n))).toBe(n);
      }),
    );
  });

  it('reads one-decimal abbreviations in both languages alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 9 }), (whole, tenth) => {
        const expected = Math.round((whole + tenth / 10) * 1000);
        expect(parseCount(`${whole}.${tenth}K`)).toBe(expected);
        expect(parseCount(`${whole},${tenth} Tsd.`)).toBe(expected);
      }),
    );
  });
});

describe('countBefore', () => {
  it('takes the count in front of a word in a list', () => {
    const label = '3 replies, 1 repost, 7 likes, 2 bookmarks, 3692 views';
    expect(countBefore(label, /reposts?/)).toBe(1);
    expect(countBefore(label, /likes?/)).toBe(7);
    expect(countBefore(label, /views?/)).toBe(3692);
    expect(countBefore('12 Kommentare · 3-mal geteilt', /-?mal geteilt/)).toBe(3);
    expect(countBefore(label, /quotes?/)).toBeNull();
  });
});
