import { judged, NOT_APPLICABLE, type Rule } from './rule';
import { isOwn, ownPosts, percent, sameHandle } from './_social';

/** A timeline of fewer posts is too short to say "never answers". */
export const MIN_POSTS = 10;
/** One answer in ten posts: the account takes part in conversations. */
export const PASS_SHARE = 0.1;
/** Replies by other people in a post's visible conversation before the owner's silence is telling. */
export const MIN_OTHERS_REPLIES = 5;

const rule: Rule = {
  id: 'no-replies',
  appliesTo: ['profile', 'post'],
  weight: 2,
  judge(model) {
    const s = model.social;
    if (!s) return NOT_APPLICABLE;
    if (model.kind === 'post') {
      // The conversation under one post: did its author answer anyone there?
      const owner = s.handle ?? s.mainPost?.author;
      if (!owner) return NOT_APPLICABLE;
      const others = s.posts.filter((p) => p.author && !sameHandle(p.author, owner) && !p.isPromoted);
      if (others.length < MIN_OTHERS_REPLIES) return NOT_APPLICABLE;
      const answers = s.posts.filter((p) => p.isReply && sameHandle(p.author, owner));
      // The answer may be further down than the page shows: silence here is a warning, never a fail.
      const detail = [answers.length, answers.length + others.length, percent(answers.length / (answers.length + others.length))];
      return judged(answers.length > 0 ? 1 : 0.6, [(answers[0] ?? others[0]).evidence], detail);
    }
    // Main profile tabs hide replies (X "Posts", Mastodon "Posts", Bluesky "Posts"): no evidence there.
    if (!s.timelineIncludesReplies) return NOT_APPLICABLE;
    const own = ownPosts(model).filter((p) => isOwn(p, s.handle));
    if (own.length < MIN_POSTS) return NOT_APPLICABLE;
    const replies = own.filter((p) => p.isReply);
    const share = replies.length / own.length;
    const score = share >= PASS_SHARE ? 1 : replies.length > 0 ? 0.6 : 0.2;
    return judged(
      score,
      (replies.length ? replies : own).slice(0, 3).map((p) => p.evidence),
      [replies.length, own.length, percent(share)],
    );
  },
};

export default rule;
