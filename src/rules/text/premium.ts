/**
 * Premium-rate and per-minute-charged phone numbers (seed 000 #9: "Anfragen … verweisen Sie an
 * den kostenpflichtigen telefonischen Kundensupport"). Number plans are data; sources:
 * Bundesnetzagentur (DE: 0900 premium, 0180x shared-cost service numbers, 0137 mass-traffic),
 * RTR (AT: 0900/0901 premium, 0930/0931 entertainment, 0939 adult), BAKOM (CH: 0900 business,
 * 0901 entertainment, 0906 adult), Ofcom (UK: 09 premium, 0871–0873 service-charge; 0870 has
 * cost the same as a geographic call since 2015, so it is not flagged), NANPA (US: 1-900, 976).
 *
 * German geographic area codes overlap other countries' premium prefixes (0931 Würzburg vs. AT
 * 0931, 0906 Donauwörth vs. CH 0906, 0871 Landshut vs. UK 0871), so national prefixes that are
 * premium in only one country count only when the page is from that country.
 */

export type Country = 'DE' | 'AT' | 'CH' | 'UK' | 'US';

interface Plan {
  /** where the pattern applies: 'intl' for +CC forms, or the countries whose national form it is */
  where: 'intl' | 'any' | Country;
  /** on the normalized number: digits, international ones with a leading "+" */
  pattern: RegExp;
  label: string;
}

export const PREMIUM_PLANS: readonly Plan[] = [
  // International forms are unambiguous: the country code says whose plan it is.
  { where: 'intl', pattern: /^\+49(?:900\d{6,8}|180[1-7]\d{5,8}|137\d{6,8})$/, label: '+49 900/180/137' },
  { where: 'intl', pattern: /^\+43(?:90[01]|93[019])\d{5,9}$/, label: '+43 900/901/930/931/939' },
  { where: 'intl', pattern: /^\+41(?:90[016])\d{6}$/, label: '+41 900/901/906' },
  { where: 'intl', pattern: /^\+44(?:9\d{9}|87[1-3]\d{7})$/, label: '+44 9/871-873' },
  // 976 was a premium exchange inside ordinary area codes ("(213) 976-1234"), 900 an area code of its own
  { where: 'intl', pattern: /^\+1(?:900\d{7}|[2-9]\d\d976\d{4})$/, label: '+1 900/976' },
  // 0900 is premium in DE, AT, CH and the UK alike: safe on any page.
  { where: 'any', pattern: /^0900\d{6,9}$/, label: '0900' },
  // 11–12 digits: Vienna's 01 numbers are shorter (01 + 4–8 digits), except on Austrian pages.
  { where: 'DE', pattern: /^0180[1-7]\d{6,7}$/, label: '0180' },
  { where: 'DE', pattern: /^0137\d{7}$/, label: '0137' },
  { where: 'AT', pattern: /^09(?:01|30|31|39)\d{5,9}$/, label: '0901/0930/0931/0939' },
  { where: 'CH', pattern: /^090[16]\d{6}$/, label: '0901/0906' },
  { where: 'UK', pattern: /^09\d{9}$/, label: '09' },
  { where: 'UK', pattern: /^087[1-3]\d{7}$/, label: '0871-0873' },
  // North American numbers never start with 0, so the 900/976 exchange is safe on any page.
  { where: 'any', pattern: /^1?(?:900\d{7}|[2-9]\d\d976\d{4})$/, label: '1-900/976' },
];

/** "0049 900 …" is "+49 900 …"; anything else keeps its digits and leading "+". */
export function canonicalNumber(normalized: string): string {
  const n = normalized.replace(/[^\d+]/g, '');
  if (n.startsWith('00')) return `+${n.slice(2)}`;
  return n;
}

/** The country whose national number plan a page's numbers most likely follow. */
export function countryOf(url: string, lang?: string): Country | undefined {
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    // an unparsable URL gives no country; the language may still tell
  }
  if (host.endsWith('.at')) return 'AT';
  if (host.endsWith('.ch') || host.endsWith('.li')) return 'CH';
  if (host.endsWith('.de')) return 'DE';
  if (host.endsWith('.uk')) return 'UK';
  if (host.endsWith('.us')) return 'US';
  const l = (lang ?? '').toLowerCase();
  if (/^de-at\b/.test(l)) return 'AT';
  if (/^(?:de|fr|it)-ch\b/.test(l)) return 'CH';
  if (/^de\b/.test(l)) return 'DE';
  if (/^en-gb\b/.test(l)) return 'UK';
  return undefined;
}

/** The matching premium plan's label, or null for an ordinary (or unknown) number. */
export function premiumLabel(normalized: string, country?: Country): string | null {
  const n = canonicalNumber(normalized);
  const intl = n.startsWith('+');
  for (const plan of PREMIUM_PLANS) {
    if (plan.where === 'intl' ? !intl : intl) continue;
    if (plan.where !== 'intl' && plan.where !== 'any' && plan.where !== country) continue;
    if (plan.pattern.test(n)) return plan.label;
  }
  return null;
}

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

/** A price per minute or per call next to a number: it costs more than a normal call. */
export const RATE_WORDING = new RegExp(
  `(?:[€$£]|${L}(?:ct|cent|eur|euro|chf|rp|p|pence))\\.?\\s*(?:/|pro|per|je|a)\\s*(?:min${R}|minute|anruf|call)|\\d\\s*/\\s*min${R}|${L}(?:per|pro|je) minute${R}|${L}premium[- ]rate${R}|${L}mehrwertnummer${R}|${L}sonderrufnummer${R}`,
  'iu',
);

/** "kostenpflichtig" and friends: costs money, but could also be about something else. */
export const CHARGED_WORDING = new RegExp(
  `${L}(?:kostenpflichtig\\p{L}*|gebührenpflichtig\\p{L}*|charges? apply|calls? (?:cost|are charged)|costs? extra)${R}`,
  'iu',
);

/** Says the call is free or at normal rates: overrides a nearby "kostenpflichtig". */
export const FREE_WORDING = new RegExp(
  `${L}(?:kostenlos\\p{L}*|kostenfrei\\p{L}*|gebührenfrei\\p{L}*|gratis|zum (?:orts|festnetz)tarif|toll[- ]free|free(?:phone)?|free of charge|(?:0[,.]00|null) ?(?:€|euro|ct|cent))${R}`,
  'iu',
);

/** A support line: "kostenpflichtig" next to one is seed 000 #9's paid customer support. */
export const SUPPORT_WORDING = new RegExp(
  `${L}(?:hotline|support|kundenservice|kundendienst|kundensupport|service(?:nummer|telefon|-?hotline)?|servicecenter|helpline|help ?desk|customer (?:service|care|support)|call ?cent(?:er|re)|beratung\\p{L}*)${R}`,
  'iu',
);

export type ChargeReading = 'premium' | 'per-minute' | 'charged-support' | 'charged' | 'normal';

/** How a phone mention reads: the number's plan first, then the wording around it. */
export function chargeOf(normalized: string, context: string, country?: Country): ChargeReading {
  if (premiumLabel(normalized, country)) return 'premium';
  if (RATE_WORDING.test(context)) return 'per-minute';
  if (CHARGED_WORDING.test(context) && !FREE_WORDING.test(context)) {
    return SUPPORT_WORDING.test(context) ? 'charged-support' : 'charged';
  }
  return 'normal';
}
