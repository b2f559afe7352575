import { askedComments, commentEvidence, median, percent } from '../analysis';
import { judged, NOT_APPLICABLE, type OwnerRule } from './rule';

/**
 * Seed 000 #3 / 002 #11 across the site: of other people's top-level comments on the audited
 * posts, the share the post's author answered, and how fast (median hours to the first answer).
 */

/** Fewer reader comments than this across the site say nothing about a habit. */
export const MIN_ASKED = 5;
/** Answering half of the readers is an author who talks with them; the page rule uses the same bar. */
export const GOOD_RATE = 0.5;
/** Three days: past that the reader has left; a slow answer caps the score at a warn. */
export const SLOW_REPLY_HOURS = 72;

const rule: OwnerRule = {
  id: 'owner-reply-rate',
  appliesTo: ['blog'],
  weight: 3,
  judge(data) {
    const asked = askedComments(data);
    if (asked.length < MIN_ASKED) return NOT_APPLICABLE;
    const answered = asked.filter((a) => a.answered);
    const rate = answered.length / asked.length;
    const hours = median(answered.map((a) => a.replyMs).filter((x): x is number => x !== null));
    const medianHours = hours === null ? null : Math.round((hours / 3_600_000) * 10) / 10;
    let score = Math.min(1, rate / GOOD_RATE);
    if (medianHours !== null && medianHours > SLOW_REPLY_HOURS) score = Math.min(score, 0.7);
    const unanswered = asked.filter((a) => !a.answered);
    return judged(
      score,
      unanswered.slice(0, 10).map((a) => commentEvidence(a.post, a.comment)),
      [answered.length, asked.length, percent(rate), medianHours ?? '–'],
    );
  },
};

export default rule;
