import type { Evidence } from '../contract';
import { answeredIndexes, authorFlags, humanComments, isFresh } from './_thread';
import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 000 #3 ("Wer trotzdem kommentiert: Schön. Sie gehen aber nicht darauf ein.") and seed 002
 * #11 ("Mangel an Engagement, d.h. richtiger Konversation"): of the threads other people started,
 * how many did the post's author answer?
 */

/**
 * Below three threads by others one unanswered comment alone would decide the verdict: too thin
 * to say anything about the author's habit.
 */
export const MIN_THREADS = 3;
/**
 * Answering half of the threads counts as fully in dialogue: many comments ("Danke!", "Great
 * recipe") need no answer. Our judgement, no published benchmark exists.
 */
export const TARGET_SHARE = 0.5;
/**
 * Platforms whose comment markup reliably marks the post author (WordPress `bypostauthor`,
 * Blogger `blog-author`). Elsewhere "no author comment" may be our blind spot, not the author's
 * silence, so the verdict stops at a warn.
 */
export const UNMARKED_FLOOR = 0.5;
const MARKED_PLATFORMS = new Set(['wordpress', 'wordpress-com', 'blogger']);

/** Evidence shown: a handful of unanswered threads is enough to make the point. */
const EVIDENCE_MAX = 5;

const rule: Rule = {
  id: 'author-replies',
  appliesTo: ['article'],
  // As heavy as comments-closed: an open form nobody answers is a closed door with a sign on it.
  weight: 3,
  judge(model, ctx) {
    const comments = humanComments(model);
    if (!comments) return NOT_APPLICABLE;
    const byAuthor = authorFlags(comments, model);
    const answered = answeredIndexes(comments, model, byAuthor);
    let threads = 0;
    let replied = 0;
    const unanswered: Evidence[] = [];
    const answers: Evidence[] = [];
    comments.forEach((c, i) => {
      if (byAuthor[i]) {
        answers.push(c.evidence);
        return;
      }
      // a thread is a top-level comment; in flat layouts every comment is one
      if (c.depth !== 0) return;
      const isAnswered = answered.has(i);
      if (!isAnswered && isFresh(c, ctx.now)) return;
      threads++;
      if (isAnswered) replied++;
      else unanswered.push(c.evidence);
    });
    if (threads < MIN_THREADS) return NOT_APPLICABLE;
    let score = Math.min(1, replied / threads / TARGET_SHARE);
    const authorSeen = byAuthor.some(Boolean);
    if (!authorSeen && !MARKED_PLATFORMS.has(model.platform)) score = Math.max(score, UNMARKED_FLOOR);
    const evidence = (score < 0.9 ? unanswered : answers).slice(0, EVIDENCE_MAX);
    return judged(score, evidence, [replied, threads]);
  },
};

export default rule;
