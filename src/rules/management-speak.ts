import { readJargon, wordCount } from './text/jargon';
import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 000 #10: "Sie pflegen keine Netzwerke oder Kundenbeziehungen. Sie betreiben Customer
 * Relationship Management, Prozessoptimierung und managen Touchpoints." Jargon density per 1000
 * words of the article text (lexicons in src/lib/text/jargon.ts).
 */

/** Below this many words one term swings the density wildly: a short text is n/a. */
export const MIN_WORDS = 250;
/** Up to 2 terms per 1000 words is ordinary business vocabulary (our reading of the seeds' own posts). */
export const WARN_PER_1000 = 2;
/** From 8 per 1000 words (one in every 125) the jargon carries the text. */
export const FAIL_PER_1000 = 8;
/** A fail needs at least five hits: a few repeated terms in a post *about* CRM are not a habit. */
export const MIN_HITS_FOR_FAIL = 5;
/** Lowest score at twice the fail density. */
export const FLOOR_SCORE = 0.2;

/** Evidence terms shown in the detail line. */
const TERMS_SHOWN = 4;

const rule: Rule = {
  id: 'management-speak',
  appliesTo: ['article'],
  // Style, not behaviour: the lightest rule.
  weight: 0.5,
  judge(model) {
    const text = model.article?.text ?? '';
    const words = wordCount(text);
    if (words < MIN_WORDS) return NOT_APPLICABLE;
    const { hits, terms } = readJargon(text);
    const density = (hits / words) * 1000;
    let score: number;
    if (density <= WARN_PER_1000) score = 1;
    else if (density < FAIL_PER_1000) {
      // 0.89 just above the warn line down to 0.5 at the fail line
      score = 0.89 - (0.39 * (density - WARN_PER_1000)) / (FAIL_PER_1000 - WARN_PER_1000);
    } else {
      score = Math.max(FLOOR_SCORE, 0.49 - (0.29 * (density - FAIL_PER_1000)) / FAIL_PER_1000);
    }
    if (hits < MIN_HITS_FOR_FAIL) score = Math.max(score, 0.5);
    const detail = [hits, words, terms.slice(0, TERMS_SHOWN).join(', ') || '–'];
    return judged(score, [], detail);
  },
};

export default rule;
