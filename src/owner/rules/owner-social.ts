import { percent, postEvidence } from '../analysis';
import { judged, NOT_APPLICABLE, type OwnerRule } from './rule';

/**
 * Seeds 000 #3 and #8 / 002 #11 for accounts: does the owner answer other people and share what
 * others wrote? The share of replies to others and of reposts among the audited posts.
 */

/** Ten posts at least, as the other owner rules. */
export const MIN_POSTS = 10;
/** One post in five a reply to somebody: an account in conversation (seed 002 #11's "dialogue"). */
export const GOOD_REPLY_SHARE = 0.2;
/** One in ten a repost or quote of others: it shares, not only sends (seed 000 #8). */
export const GOOD_REPOST_SHARE = 0.1;
/** Answering weighs more than amplifying. */
export const REPLY_PART = 0.7;

const rule: OwnerRule = {
  id: 'owner-social',
  appliesTo: ['social'],
  weight: 3,
  judge(data) {
    const posts = data.posts;
    if (posts.length < MIN_POSTS) return NOT_APPLICABLE;
    const replies = posts.filter((p) => p.isReply);
    const reposts = posts.filter((p) => p.isRepost);
    const replyShare = replies.length / posts.length;
    const repostShare = reposts.length / posts.length;
    const score =
      REPLY_PART * Math.min(1, replyShare / GOOD_REPLY_SHARE) + (1 - REPLY_PART) * Math.min(1, repostShare / GOOD_REPOST_SHARE);
    const own = posts.filter((p) => !p.isReply && !p.isRepost);
    const evidence = (score < 0.9 ? own : [...replies, ...reposts]).slice(0, 5).map(postEvidence);
    return judged(score, evidence, [percent(replyShare), percent(repostShare), posts.length]);
  },
};

export default rule;
