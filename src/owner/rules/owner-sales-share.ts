import { isSales } from '../../rules/sales-focus';
import { percent, postEvidence } from '../analysis';
import { judged, NOT_APPLICABLE, type OwnerRule } from './rule';

/** Seed 002 #4 across the owner's posts: the share that only push offers (the page rule's DE/EN offer wording and shop links). */

/** Ten posts at least: a sale week must not decide the owner's verdict. */
export const MIN_POSTS = 10;
/** "Most posts push offers": more than half fails, a third is worth a look (the page rule's cut-offs). */
export const FAIL_SHARE = 0.5;
export const WARN_SHARE = 0.3;

const rule: OwnerRule = {
  id: 'owner-sales-share',
  appliesTo: ['blog', 'social'],
  weight: 1,
  judge(data) {
    const posts = data.posts.filter((p) => !p.isRepost && !p.isReply && (p.text || p.urls.length));
    if (posts.length < MIN_POSTS) return NOT_APPLICABLE;
    const sales = posts.filter((p) => isSales({ text: `${p.title ?? ''} ${p.text}`, urls: p.urls }));
    const share = sales.length / posts.length;
    const score = share > FAIL_SHARE ? 0.3 : share >= WARN_SHARE ? 0.6 : 1;
    return judged(score, sales.slice(0, 10).map(postEvidence), [sales.length, posts.length, percent(share)]);
  },
};

export default rule;
