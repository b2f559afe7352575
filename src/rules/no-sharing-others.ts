import { judged, NOT_APPLICABLE, type Rule } from './rule';
import { percent, timelinePosts } from './_social';

/** Below this many timeline posts, "no repost seen" is chance. */
export const MIN_POSTS = 10;
/** With this many posts and not one repost or quote the pattern is clear. */
export const FAIL_POSTS = 20;

/** Instagram has no reposts on the profile grid: the absence means nothing there. */
const NO_REPOSTS = new Set(['instagram']);

const rule: Rule = {
  id: 'no-sharing-others',
  appliesTo: ['profile'],
  weight: 1,
  judge(model) {
    if (NO_REPOSTS.has(model.platform)) return NOT_APPLICABLE;
    const posts = timelinePosts(model);
    if (posts.length < MIN_POSTS) return NOT_APPLICABLE;
    const shared = posts.filter((p) => p.isRepost || p.isQuote);
    const share = shared.length / posts.length;
    if (shared.length > 0) return judged(1, [shared[0].evidence], [shared.length, posts.length, percent(share)]);
    return judged(
      posts.length >= FAIL_POSTS ? 0.3 : 0.6,
      posts.slice(0, 3).map((p) => p.evidence),
      [0, posts.length, '0%'],
    );
  },
};

export default rule;
