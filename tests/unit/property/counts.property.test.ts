import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBefore, parseCount } from '../../../src/adapters/_social/counts';

/** Digits, separators, units and noise: the alphabet count labels are made of, and their garbage. */
const countish = fc
  .array(
    fc.constantFrom(..."0123456789.,' \u00a0\u202fKMBkmb".split(''), 'Tsd.', 'Mio.', 'Mrd.', 'Follower', '-', 'e', 'x', '∞'),
    {
      maxLength: 14,
    },
  )
  .map((parts) => parts.join(''));

describe('parseCount on any text', () => {
  it('is null or a finite, non-negative integer — never NaN, never negative', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), countish), (s) => {
        const n = parseCount(s);
        if (n === null) return;
        expect(Number.isFinite(n)).toBe(true);
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads every integer the way English and German locales print it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.constantFrom('en-US', 'de-DE', 'de-CH'), (n, locale) => {
        expect(parseCount(n.toLocaleString(locale))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads compact counts ("12.5K", "1,2 Mio.") to the value they round to', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 999 }),
        fc.constantFrom(['K', 1e3], ['M', 1e6], [' Mio.', 1e6], [' Tsd.', 1e3]),
        (tenths, [unit, factor]) => {
          const value = tenths / 10;
          const de = unit.includes('.');
          const written = `${de ? String(value).replace('.', ',') : String(value)}${unit}`;
          expect(parseCount(written)).toBe(Math.round(value * (factor as number)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses ambiguous or malformed numbers instead of guessing', () => {
    for (const s of ['1.2.3K', '12,5', '1.2', '', '   ', 'K', 'Mio.', '1,234K', '1.234 Mio.'])
      expect(parseCount(s), s).toBeNull();
  });

  it('countBefore never throws and is null or a non-negative integer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), countish), (s) => {
        const n = countBefore(s, /repl(?:y|ies)|antworten/);
        if (n !== null) expect(Number.isInteger(n) && n >= 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
