import { coefficientOfVariation, normalizedEntropy, SCHEDULERS } from '../../rules/machine-cadence';
import { ownTimed, postEvidence, WEEK_MS } from '../analysis';
import { judged, NOT_APPLICABLE, type OwnerRule } from './rule';

/**
 * Seed 000 #7 over weeks ("ein Tool, das die Infos im Stundentakt rausballert"): machine
 * regularity (gaps of a scheduler, round minutes, a scheduling client), bursts (many posts in one
 * hour), and silence (a long gap, or nothing lately).
 */

/** Nine gaps at least: over weeks, a handful of posts shows no rhythm. */
export const MIN_POSTS = 10;
/** The page rule's cut-offs for a scheduler's gaps (see src/rules/machine-cadence.ts). */
export const REGULAR_CV = 0.25;
export const REGULAR_ENTROPY = 0.5;
/** Posts on :00/:15/:30/:45; by chance about 7%. */
export const ROUND_SHARE = 0.8;
/** More own posts than this within one hour is a dump, not a conversation. */
export const BURST_PER_HOUR = 5;
/** Eight weeks without a post: readers stop coming back (seed 004: "stale"). */
export const SILENCE_MS = 8 * WEEK_MS;

const rule: OwnerRule = {
  id: 'owner-cadence',
  appliesTo: ['blog', 'social'],
  weight: 1,
  judge(data, ctx) {
    const timed = ownTimed(data);
    if (timed.length < MIN_POSTS) return NOT_APPLICABLE;
    const gaps = timed.slice(1).map((x, i) => x.t - timed[i].t);
    const signs: string[] = [];
    const evidence = [];
    const cv = coefficientOfVariation(gaps);
    const entropy = normalizedEntropy(gaps, 5 * 60_000);
    if (cv < REGULAR_CV || entropy < REGULAR_ENTROPY) signs.push('regular');
    const round = timed.filter((x) => new Date(x.t).getUTCMinutes() % 15 === 0).length / timed.length;
    if (round >= ROUND_SHARE) signs.push('round-minutes');
    const clients = timed.filter((x) => x.post.client && SCHEDULERS.test(x.post.client));
    if (clients.length >= timed.length / 2) signs.push(`client:${[...new Set(clients.map((x) => x.post.client))].join(', ')}`);
    let burst = 0;
    let burstStart = 0;
    for (let i = 0, j = 0; i < timed.length; i++) {
      while (timed[i].t - timed[j].t > 3_600_000) j++;
      if (i - j + 1 > burst) [burst, burstStart] = [i - j + 1, j];
    }
    if (burst > BURST_PER_HOUR) {
      signs.push(`burst:${burst}`);
      evidence.push(...timed.slice(burstStart, burstStart + 3).map((x) => postEvidence(x.post)));
    }
    const longest = Math.max(...gaps, ctx.now - timed[timed.length - 1].t);
    const silentWeeks = Math.floor(longest / WEEK_MS);
    if (longest > SILENCE_MS) signs.push(`silence:${silentWeeks}`);
    if (evidence.length === 0) evidence.push(...timed.slice(-3).map((x) => postEvidence(x.post)));
    // The detail lists the signs as tokens ("regular; burst:6; silence:9"): the report words each
    // in the reader's language (report_cadence_<sign>), the CLI's JSON keeps them as they are.
    // One sign is worth a look (people schedule too); two or more look like a broadcast machine.
    const score = signs.length === 0 ? 1 : signs.length === 1 ? 0.6 : 0.3;
    return judged(score, score < 1 ? evidence : [], [signs.join('; ') || '—', timed.length]);
  },
};

export default rule;
