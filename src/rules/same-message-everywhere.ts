import { postFingerprint } from '../judge/fingerprint';
import { judged, NOT_APPLICABLE, type Rule } from './rule';
import { ownPosts, percent } from './_social';

/** Half of the fingerprintable posts found word for word on another network: one text for all. */
export const FAIL_SHARE = 0.5;
/** … and at least this many, so two cross-posted announcements don't decide it. */
export const FAIL_MIN = 3;
/** A fifth and two posts is worth a look. */
export const WARN_SHARE = 0.2;
export const WARN_MIN = 2;

const rule: Rule = {
  id: 'same-message-everywhere',
  appliesTo: ['profile'],
  weight: 1,
  judge(model, ctx) {
    // Only the user's earlier audits of OTHER networks count: the same network repeats are repeated-links' business.
    const elsewhere = new Map<string, Set<string>>();
    for (const h of ctx.history) {
      if (h.platform === model.platform) continue;
      elsewhere.set(h.fingerprint, (elsewhere.get(h.fingerprint) ?? new Set()).add(h.platform));
    }
    if (elsewhere.size === 0) return NOT_APPLICABLE;
    const posts = ownPosts(model)
      .map((post) => ({ post, fp: postFingerprint(post) }))
      .filter((x): x is { post: (typeof x)['post']; fp: string } => x.fp !== null);
    if (posts.length === 0) return NOT_APPLICABLE;
    const matches = posts.filter((x) => elsewhere.has(x.fp));
    const share = matches.length / posts.length;
    const platforms = [...new Set(matches.flatMap((x) => [...(elsewhere.get(x.fp) ?? [])]))].join(', ');
    const score =
      share >= FAIL_SHARE && matches.length >= FAIL_MIN ? 0.3 : share >= WARN_SHARE && matches.length >= WARN_MIN ? 0.6 : 1;
    return judged(
      score,
      matches.slice(0, 5).map((x) => x.post.evidence),
      [matches.length, posts.length, platforms || '—', percent(share)],
    );
  },
};

export default rule;
