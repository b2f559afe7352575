import type { Platform } from '../contract';
import { judged, NOT_APPLICABLE, type Rule } from './rule';
import { newestFirst, ownPosts, percent } from './_social';

/**
 * Engagement rate as HypeAuditor defines it: (likes + comments) / followers per post, averaged over
 * the latest 12 posts. Reposts are left out so the figure stays comparable with that reference.
 */
export const LATEST_POSTS = 12;
/** Below this many own posts with counts one viral or one dead post decides: too thin to judge. */
export const MIN_POSTS = 3;
/** Small accounts swing wildly (a friend's like is 1%); HypeAuditor's reference is for 20K+. */
export const MIN_FOLLOWERS = 1000;

/**
 * Typical engagement per post and follower, by network. Instagram: HypeAuditor's average of about
 * 1.5% for accounts above 20K followers. Networks where far fewer followers see a post get their
 * own, much lower medians (Rival IQ's 2024 Social Media Industry Benchmark: X ≈ 0.03%, Facebook
 * ≈ 0.06%); networks without a published benchmark get the most lenient (X's) value, so the rule
 * errs on the side of no alarm.
 */
export const TYPICAL_RATE: Partial<Record<Platform, number>> & { default: number } = {
  instagram: 0.015,
  facebook: 0.0006,
  x: 0.0003,
  default: 0.0003,
};

/** A tenth of the typical rate or less: the audience does not react, bought or long gone. */
export const FAIL_RATIO = 0.1;
/** Half the typical rate or more is healthy. */
export const PASS_RATIO = 0.5;

const rule: Rule = {
  id: 'engagement-vs-followers',
  appliesTo: ['profile'],
  weight: 2,
  judge(model) {
    const followers = model.social?.followers ?? null;
    if (followers === null || followers < MIN_FOLLOWERS) return NOT_APPLICABLE;
    const counted = newestFirst(ownPosts(model).filter((p) => !p.isPinned && p.likes !== null)).slice(0, LATEST_POSTS);
    if (counted.length < MIN_POSTS) return NOT_APPLICABLE;
    const rate = counted.reduce((sum, p) => sum + ((p.likes ?? 0) + (p.replies ?? 0)) / followers, 0) / counted.length;
    const typical = TYPICAL_RATE[model.platform] ?? TYPICAL_RATE.default;
    const ratio = rate / typical;
    // Linear between the cut-offs: 0.5 at FAIL_RATIO, 0.9 at PASS_RATIO.
    const score =
      ratio >= PASS_RATIO
        ? 1
        : ratio <= FAIL_RATIO
          ? 0.5 * (ratio / FAIL_RATIO) * 0.8
          : 0.5 + (0.4 * (ratio - FAIL_RATIO)) / (PASS_RATIO - FAIL_RATIO);
    // Too few posts for a fail: one quiet week is not a bought audience.
    const capped = counted.length < 6 ? Math.max(score, 0.5) : score;
    const evidence = counted.slice(0, 3).map((p) => p.evidence);
    return judged(capped, evidence, [percent(rate), percent(typical), counted.length, followers]);
  },
};

export default rule;
