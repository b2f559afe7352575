import type { Evidence } from '../contract';
import { judged, NOT_APPLICABLE, type Rule } from './rule';
import { ownPosts } from './_social';

/** Socialbakers' fake-account criterion: the same link posted more than 3 times. */
export const MAX_REPEATS = 3;
/** Fewer own posts cannot repeat a link more than MAX_REPEATS times. */
export const MIN_POSTS = MAX_REPEATS + 1;

/** Query parameters that only say where a click came from, not which page it opens. */
const TRACKING =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|ref|ref_src|ref_url|source|s|si|feature|cmpid|icid|trk|mkt_tok)$/i;

/** The same target written differently (tracking tags, www., trailing slash, #anchor) is one link. */
export function normalizeUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  const query = url.searchParams.toString();
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.hostname.toLowerCase().replace(/^www\./, '')}${path}${query ? `?${query}` : ''}`;
}

const rule: Rule = {
  id: 'repeated-links',
  appliesTo: ['profile'],
  weight: 1,
  judge(model) {
    const posts = ownPosts(model);
    if (posts.length < MIN_POSTS) return NOT_APPLICABLE;
    const seen = new Map<string, Evidence[]>();
    for (const post of posts) {
      // A link counts once per post, however often the post repeats it.
      for (const link of new Set(post.urls.map(normalizeUrl))) {
        if (!link) continue;
        seen.set(link, [...(seen.get(link) ?? []), post.evidence]);
      }
    }
    let worst: [string, Evidence[]] | null = null;
    for (const entry of seen) if (!worst || entry[1].length > worst[1].length) worst = entry;
    if (!worst) return judged(1, [], [0, '', posts.length]);
    const [link, evidence] = worst;
    const times = evidence.length;
    // 1–2 times is ordinary, exactly 3 is worth a look, more is the criterion.
    const score = times > MAX_REPEATS ? Math.max(0, 0.4 - 0.05 * (times - MAX_REPEATS - 1)) : times === MAX_REPEATS ? 0.7 : 1;
    return judged(score, score < 1 ? evidence : [], [times, link, posts.length]);
  },
};

export default rule;
