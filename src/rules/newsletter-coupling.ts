import type { FormField } from '../contract';
import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 000 #2: commenting only for those who tick "Newsletter abonnieren". A comment is a reply,
 * not a sign-up: a box that is required or ticked in advance couples the two (and, pre-ticked,
 * is no valid consent under the GDPR: CJEU C-673/17 "Planet49").
 */

/** Required to comment: the conversation is paid for with an e-mail subscription. */
export const REQUIRED_SCORE = 0;
/** Pre-ticked: readers subscribe without meaning to. */
export const PRECHECKED_SCORE = 0.2;
/** Offered but optional: harmless, yet marketing sits in the reply box (a mild warn, as issue 3 asks). */
export const OPTIONAL_SCORE = 0.8;

const rule: Rule = {
  id: 'newsletter-coupling',
  appliesTo: ['article'],
  // A hurdle before the reply and a consent problem: weighed like comment-form-friction.
  weight: 2,
  judge(model) {
    const form = model.comments?.form;
    // the form lives in an iframe or there is none: we don't know what it asks for
    if (!form) return NOT_APPLICABLE;
    const boxes = form.fields.filter((f) => f.kind === 'newsletter');
    if (boxes.length === 0) return judged(1, [form.evidence], [0]);
    const required = boxes.filter((f) => f.required);
    const prechecked = boxes.filter((f) => f.checked);
    // the worst box counts: required > pre-ticked > optional (as facts.newsletterCheckbox)
    const [score, offending] =
      required.length > 0
        ? [REQUIRED_SCORE, required]
        : prechecked.length > 0
          ? [PRECHECKED_SCORE, prechecked]
          : [OPTIONAL_SCORE, boxes];
    return judged(
      score,
      offending.map((f: FormField) => f.evidence),
      [boxes.length],
    );
  },
};

export default rule;
