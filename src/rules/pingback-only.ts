import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 001: the reposted article's own "comments" are one pingback ("Pingback: Glacé entdeckt
 * das Monitoring nicht") — links from other blogs, nobody talking. A thread made only of
 * pingbacks and trackbacks is an echo, not a conversation.
 */

/** Humans at least half of the thread: the pingbacks are a side note (pass). */
export const HUMAN_SHARE_TARGET = 0.5;
/** Two or more pingbacks and not one human: a pattern, so a fail. */
export const MIN_PINGBACKS_FOR_FAIL = 2;
/** One lone pingback, or humans drowned in pingbacks but present: a warn, never a fail. */
export const THIN_SCORE = 0.5;

const rule: Rule = {
  id: 'pingback-only',
  appliesTo: ['article'],
  // Says more about the audience than the owner: light.
  weight: 1,
  judge(model) {
    const list = model.comments?.comments;
    if (!list) return NOT_APPLICABLE;
    const pings = list.filter((c) => c.kind !== 'comment');
    // a sampled thread (model.comments.counts): the shares and the detail from the true totals,
    // the evidence from the sample
    const counts = model.comments?.counts;
    const pingCount = counts?.pingbacks ?? pings.length;
    const humans = counts?.comments ?? list.length - pings.length;
    // nothing about pingbacks to judge; comments-closed and author-replies cover the rest
    if (pingCount === 0) return NOT_APPLICABLE;
    const evidence = pings.map((c) => c.evidence);
    if (humans === 0) return judged(pingCount >= MIN_PINGBACKS_FOR_FAIL ? 0 : THIN_SCORE, evidence, [0, pingCount]);
    const share = humans / (humans + pingCount);
    return judged(Math.max(THIN_SCORE, Math.min(1, share / HUMAN_SHARE_TARGET)), evidence, [humans, pingCount]);
  },
};

export default rule;
