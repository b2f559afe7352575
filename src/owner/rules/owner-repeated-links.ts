import type { Evidence } from '../../contract';
import { normalizeUrl } from '../../rules/repeated-links';
import { postEvidence, timeOf } from '../analysis';
import { judged, NOT_APPLICABLE, type OwnerRule } from './rule';

/**
 * Seed 000 #6 over months ("Sie teilen und twittern ständig die gleichen Links – auch wenn die schon
 * Monate oder Jahre alt sind"): the same outbound link in several posts, spread over weeks.
 */

/** Socialbakers' criterion, as the page rule: more than 3 times is a pattern. */
export const MAX_REPEATS = 3;
/** Repeats within a few days are a campaign; spread over a month or more they are the seed's habit. */
export const MIN_SPREAD_DAYS = 30;
export const MIN_POSTS = MAX_REPEATS + 1;

const rule: OwnerRule = {
  id: 'owner-repeated-links',
  appliesTo: ['blog', 'social'],
  weight: 1,
  judge(data) {
    const posts = data.posts.filter((p) => !p.isRepost);
    if (posts.length < MIN_POSTS) return NOT_APPLICABLE;
    const seen = new Map<string, { evidence: Evidence[]; times: number[] }>();
    for (const p of posts) {
      for (const link of new Set(p.urls.map(normalizeUrl))) {
        if (!link) continue;
        const entry = seen.get(link) ?? { evidence: [], times: [] };
        entry.evidence.push({ ...postEvidence(p), text: `${link} — ${p.title || p.text}`.slice(0, 200) });
        entry.times.push(timeOf(p.time));
        seen.set(link, entry);
      }
    }
    // The most repeated link (the first seen among equals).
    const worst = [...seen].reduce<[string, { evidence: Evidence[]; times: number[] }] | undefined>(
      (best, e) => (!best || e[1].evidence.length > best[1].evidence.length ? e : best),
      undefined,
    );
    if (!worst || worst[1].evidence.length < MAX_REPEATS)
      return judged(1, [], [worst?.[1].evidence.length ?? 0, worst?.[0] ?? '–', 0]);
    const [link, { evidence, times }] = worst;
    const dated = times.filter(Number.isFinite);
    const days = dated.length > 1 ? Math.round((Math.max(...dated) - Math.min(...dated)) / 86_400_000) : 0;
    const n = evidence.length;
    const score = n > MAX_REPEATS && days >= MIN_SPREAD_DAYS ? 0.3 : n > MAX_REPEATS || days >= MIN_SPREAD_DAYS ? 0.6 : 0.8;
    return judged(score, evidence.slice(0, 10), [n, link, days]);
  },
};

export default rule;
