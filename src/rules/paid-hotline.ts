import type { Evidence } from '../contract';
import { type ChargeReading, chargeOf, countryOf } from './text/premium';
import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 000 #9: "Anfragen über die sozialen Netzwerke verweisen Sie an den kostenpflichtigen
 * telefonischen Kundensupport." Premium-rate numbers (plans in src/lib/text/premium.ts) and
 * numbers with a per-minute price or "kostenpflichtig" next to a hotline.
 */

/**
 * Per reading: a premium number, a per-minute price or a charged support line is a fail;
 * "kostenpflichtig" next to a number that no support wording names might be about something else
 * (an order line, a fee notice), so a warn.
 */
export const CHARGED_SCORE = 0.6;

const SCORES: Record<ChargeReading, number> = {
  premium: 0,
  'per-minute': 0,
  'charged-support': 0,
  charged: CHARGED_SCORE,
  normal: 1,
};

const rule: Rule = {
  id: 'paid-hotline',
  appliesTo: ['article'],
  // Rare but unambiguous when found; it is about the owner's service, not the page: medium.
  weight: 2,
  judge(model) {
    const phones = model.article?.phones ?? [];
    // no number at all says nothing about how the owner can be reached
    if (phones.length === 0) return NOT_APPLICABLE;
    const country = countryOf(model.url, model.lang ?? model.article?.lang);
    let score = 1;
    let paid = 0;
    const flagged: Evidence[] = [];
    for (const p of phones) {
      const s = SCORES[chargeOf(p.normalized || p.raw, p.context, country)];
      if (s < 1) {
        paid++;
        flagged.push(p.evidence);
      }
      score = Math.min(score, s);
    }
    return judged(score, flagged.length > 0 ? flagged : phones.slice(0, 3).map((p) => p.evidence), [paid, phones.length]);
  },
};

export default rule;
