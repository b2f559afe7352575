import { readCritical } from '../../rules/text/critical';
import { askedComments, commentEvidence } from '../analysis';
import { judged, NOT_APPLICABLE, type OwnerRule } from './rule';

/**
 * Seed 000 #3 ("Gleich gar nicht auf kritische Bemerkungen") across the site: critical comments
 * and open questions (the page rule's DE/EN lexicons) that the post's author never answered.
 */

/** One unanswered critical comment may be a misreading of the word lists: a fail needs three across the site. */
export const MIN_UNANSWERED_FOR_FAIL = 3;
/** A comment younger than two days may still get its answer. */
export const FRESH_MS = 48 * 3_600_000;

const rule: OwnerRule = {
  id: 'owner-critical-unanswered',
  appliesTo: ['blog'],
  weight: 2,
  judge(data, ctx) {
    const flagged = askedComments(data).filter((a) => {
      const r = readCritical(a.comment.text);
      return r.words.length > 0 || r.questions.length > 0;
    });
    const due = flagged.filter((a) => a.answered || !(Date.parse(a.comment.time ?? '') > ctx.now - FRESH_MS));
    if (due.length === 0) return NOT_APPLICABLE;
    const open = due.filter((a) => !a.answered);
    let score = (due.length - open.length) / due.length;
    if (open.length < MIN_UNANSWERED_FOR_FAIL) score = Math.max(score, 0.5);
    return judged(
      score,
      open.slice(0, 10).map((a) => commentEvidence(a.post, a.comment)),
      [open.length, due.length],
    );
  },
};

export default rule;
