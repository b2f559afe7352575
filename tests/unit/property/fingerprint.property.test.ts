import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForFingerprint } from '../../../src/judge/fingerprint';

/** The Unicode reading every text took before the ASCII fast path: both must agree on ASCII text. */
function reference(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[#@][\p{L}\p{N}_]+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ascii = fc
  .array(
    fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 8 }), fc.constantFrom('https://t.co/x ', '#Tag', '@User_1', ' Ä', 'é')),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

describe('normalizeForFingerprint', () => {
  it('gives the Unicode reading for any text, ASCII or not', () => {
    fc.assert(
      fc.property(ascii, (text) => {
        expect(normalizeForFingerprint(text)).toBe(reference(text));
      }),
      { numRuns: 1000 },
    );
  });
});
