import { percent, postEvidence } from '../analysis';
import { judged, NOT_APPLICABLE, type OwnerRule } from './rule';

/** Seed 000 #1 across the site ("Die Kommentarfunktion Ihres Blogs ist deaktiviert"): the share of posts open for comments. */

/** With fewer posts whose state is known, one closed post would swing the share. */
export const MIN_KNOWN = 3;
/** Closing comments on old posts against spam is common; closing most is closing the blog. */
export const GOOD_SHARE = 0.9;

const rule: OwnerRule = {
  id: 'owner-comments-open',
  appliesTo: ['blog'],
  weight: 3,
  judge(data) {
    const known = data.posts.filter((p) => p.commentsOpen !== null);
    if (known.length < MIN_KNOWN) return NOT_APPLICABLE;
    const open = known.filter((p) => p.commentsOpen);
    const share = open.length / known.length;
    // 0.9 and up passes; a blog with every post closed scores 0.
    const score = share >= GOOD_SHARE ? 1 : share;
    const closed = known.filter((p) => !p.commentsOpen);
    return judged(score, closed.slice(0, 10).map(postEvidence), [open.length, known.length, percent(share)]);
  },
};

export default rule;
