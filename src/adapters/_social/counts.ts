/**
 * Counts as social networks print them, in English and German: "3,893", "3.893", "1.234.567",
 * "12.5K", "86.4K", "1.1M", "1,2 Mio.", "12 Tsd.", "2 Mrd.", "10 Replies", with non-breaking or
 * narrow spaces as group separators. Returns null — never a guess — when the text is not one
 * readable count ("1.2.3K", "12,5" without a unit, empty).
 *
 * Disambiguation (the same characters mean different things in EN and DE):
 * - Without a unit a count is an integer, so every separator is a thousands separator and each
 *   group after the first must have exactly three digits: "3.893" (DE) and "3,893" (EN) are both
 *   3893. "12,5" or "1.2" without a unit cannot be a count → null.
 * - With a unit (K, M, B, Tsd., Mio., Mrd., …) a single separator followed by one or two digits
 *   is the decimal mark, whichever it is: "12.5K" (EN) and "1,2 Mio." (DE) → 12500, 1200000.
 *   Networks abbreviate to one decimal, so "1,234K" or "1.234 Mio." (three digits after a lone
 *   separator) is grouping in one language and a decimal in the other → null.
 * - Both separators present: the last one is the decimal mark and the other must group by three
 *   ("1,234.5K", "1.234,5 Tsd."); without a unit a non-zero decimal part is not a count → null.
 */

const UNITS: [RegExp, number][] = [
  [/^(k|tsd\.?|tausend|thousand)$/i, 1e3],
  [/^(m|mio\.?|mill?\.?|million(en)?|mn)$/i, 1e6],
  [/^(b|bn|mrd\.?|milliarden?|billion)$/i, 1e9],
];

// A number token: digits with optional separators (.,' and the space variants), then an optional
// unit word that must not run into more letters ("10 Mal" is not "10 M", "5 min" not "5 m").
const TOKEN =
  /(\d(?:[\d.,'\u00a0\u202f\u2009 ]*\d)?)\s*(k|tsd\.?|tausend|thousand|mio\.?|mill?\.|millionen|millions?|mn|mrd\.?|milliarden?|billions?|bn|m|b)?(?![\p{L}])/iu;

const SPACES = /[\u00a0\u202f\u2009 ']/g;

function unitFactor(unit: string | undefined): number | null {
  if (!unit) return 1;
  const u = unit.replace(/s$/i, '');
  for (const [re, factor] of UNITS) if (re.test(u) || re.test(unit)) return factor;
  return null;
}

/** The digits part ("1.234,5") as a number, or null when its separators don't make sense. */
function mantissa(raw: string, hasUnit: boolean): number | null {
  // Spaces and apostrophes only ever group thousands ("1 234", Swiss "1'234").
  const compact = raw.replace(SPACES, (_m, offset: number) => (/\d{3}(?!\d)/.test(raw.slice(offset + 1)) ? '' : '!'));
  if (compact.includes('!')) return null;
  const seps = [...compact.matchAll(/[.,]/g)].map((m) => m[0]);
  if (seps.length === 0) return Number(compact);
  const distinct = new Set(seps);
  if (distinct.size === 2) {
    const decimal = compact[compact.search(/[.,][^.,]*$/)];
    const [intPart, frac] = [compact.slice(0, compact.lastIndexOf(decimal)), compact.slice(compact.lastIndexOf(decimal) + 1)];
    if (intPart.includes(decimal) || !isGrouped(intPart)) return null;
    if (!hasUnit && !/^0+$/.test(frac)) return null;
    return Number(`${intPart.replace(/[.,]/g, '')}.${frac}`);
  }
  if (seps.length > 1) return isGrouped(compact) ? Number(compact.replace(/[.,]/g, '')) : null;
  // One separator: grouping without a unit, decimal with one (when 1–2 digits follow).
  const [intPart, frac] = compact.split(/[.,]/);
  if (!hasUnit) return frac.length === 3 && intPart.length <= 3 ? Number(intPart + frac) : null;
  if (frac.length === 1 || frac.length === 2) return Number(`${intPart}.${frac}`);
  return null;
}

/** "1.234.567" / "1,234,567": first group 1–3 digits, every later group exactly 3. */
function isGrouped(s: string): boolean {
  return /^\d{1,3}([.,]\d{3})*$/.test(s) && new Set(s.match(/[.,]/g) ?? []).size <= 1;
}

/** The first count in `text`, or null when there is none or it is unreadable. */
export function parseCount(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = TOKEN.exec(text);
  if (!m) return null;
  const factor = unitFactor(m[2]);
  if (factor === null) return null;
  const value = mantissa(m[1].trim(), m[2] !== undefined);
  if (value === null || !Number.isFinite(value)) return null;
  // 86.4 * 1000 is 86400.00000000001 in floating point: counts are integers.
  return Math.round(value * factor);
}

/** The count right before one of `words` ("3 replies, 1 repost" → words ["repost"] → 1). */
export function countBefore(text: string, words: RegExp): number | null {
  const re = new RegExp(`(\\d[\\d.,\\u00a0\\u202f ]*(?:\\s*(?:K|M|B|Tsd\\.?|Mio\\.?|Mrd\\.?))?)\\s*(?:${words.source})`, 'iu');
  const m = re.exec(text);
  return m ? parseCount(m[1]) : null;
}
