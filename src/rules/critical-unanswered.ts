import type { Evidence } from '../contract';
import { readCritical } from './text/critical';
import { answeredIndexes, authorFlags, humanComments, isFresh } from './_thread';
import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 000 #3: "Sie gehen aber nicht darauf ein. Gleich gar nicht auf kritische Bemerkungen."
 * Reader comments with critical wording or an open question (German and English lexicons in
 * src/lib/text/critical.ts) that the post's author left without an answer.
 */

/**
 * A single flagged comment may be a misreading ("Leider hatte ich noch keine Zeit…"): with fewer
 * than two unanswered ones the verdict stops at a warn.
 */
export const MIN_UNANSWERED_FOR_FAIL = 2;
/** The score never drops below a warn while the evidence is that thin. */
export const THIN_FLOOR = 0.5;
/**
 * Characters read per comment: the opening and the closing question of even a long comment,
 * while a hostile page with megabyte comments cannot stall the audit (DESIGN.md: < 10 ms).
 */
export const READ_HEAD_CHARS = 1500;
export const READ_TAIL_CHARS = 500;

const readable = (text: string) =>
  text.length <= READ_HEAD_CHARS + READ_TAIL_CHARS ? text : `${text.slice(0, READ_HEAD_CHARS)}\n${text.slice(-READ_TAIL_CHARS)}`;

const rule: Rule = {
  id: 'critical-unanswered',
  appliesTo: ['article'],
  // Ignoring criticism is the sharpest form of not answering, but it rests on word lists: lighter
  // than author-replies.
  weight: 2,
  judge(model, ctx) {
    const comments = humanComments(model);
    if (!comments) return NOT_APPLICABLE;
    const byAuthor = authorFlags(comments, model);
    const answered = answeredIndexes(comments, model, byAuthor);
    let flagged = 0;
    let replied = 0;
    const unanswered: Evidence[] = [];
    const answeredEvidence: Evidence[] = [];
    comments.forEach((c, i) => {
      if (byAuthor[i]) return;
      const reading = readCritical(readable(c.text));
      if (reading.words.length === 0 && reading.questions.length === 0) return;
      if (answered.has(i)) {
        flagged++;
        replied++;
        answeredEvidence.push(c.evidence);
      } else if (!isFresh(c, ctx.now)) {
        flagged++;
        unanswered.push(c.evidence);
      }
    });
    if (flagged === 0) return NOT_APPLICABLE;
    let score = replied / flagged;
    if (unanswered.length < MIN_UNANSWERED_FOR_FAIL) score = Math.max(score, THIN_FLOOR);
    // the unanswered comments are the finding: list them, as issue 3 asks
    const evidence = unanswered.length > 0 ? unanswered : answeredEvidence;
    return judged(score, evidence, [unanswered.length, flagged]);
  },
};

export default rule;
