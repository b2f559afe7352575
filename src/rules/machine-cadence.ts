import type { SocialPost } from '../contract';
import { judged, NOT_APPLICABLE, type Rule } from './rule';
import { ownPosts } from './_social';

/** Five gaps at least: with fewer, any timing pattern is chance. */
export const MIN_TIMED_POSTS = 6;
/**
 * Coefficient of variation (std/mean) of the gaps between posts. People post in bursts (a Poisson
 * process has CV 1, real accounts more); a scheduler's "every hour" has CV near 0.
 */
export const REGULAR_CV = 0.25;
/**
 * Shannon entropy of the gaps rounded to 5 minutes, normalised to [0,1]: 1 = every gap different,
 * 0 = one gap repeated. A daily 9:00 bot that skips days stays low here while its CV does not.
 */
export const REGULAR_ENTROPY = 0.5;
/** Minutes a scheduler offers: :00, :15, :30, :45. By chance 4 of 60 minutes (≈ 7%) of posts land there. */
export const ROUND_MINUTE_SHARE = 0.8;
/** Share of posts sent by a scheduling tool (where the network shows the client). */
export const SCHEDULER_SHARE = 0.5;

export const SCHEDULERS =
  /buffer|hootsuite|sprout ?social|later(\.com)?$|^later\b|dlvr\.?it|ifttt|tweetdeck|zapier|sendible|socialbee|publer|agorapulse|loomly|coschedule|meet ?edgar|planoly|falcon|sprinklr|socialoomph|twuffer|hubspot|swat\.io|fedica|typefully|hypefury|postoplan|crowdfire|moa\b|feed2toot|rss/i;

function gapsOf(posts: SocialPost[]): number[] {
  const times = posts
    .map((p) => Date.parse(p.time ?? ''))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push(times[i] - times[i - 1]);
  return gaps;
}

export function coefficientOfVariation(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return 0;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

export function normalizedEntropy(values: number[], bucket: number): number {
  if (values.length < 2) return 1;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v / bucket), (counts.get(Math.round(v / bucket)) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) h -= (c / values.length) * Math.log2(c / values.length);
  return h / Math.log2(values.length);
}

const rule: Rule = {
  id: 'machine-cadence',
  appliesTo: ['profile'],
  weight: 1,
  judge(model) {
    // Pinned posts sit out of time order; they say nothing about the rhythm.
    const posts = ownPosts(model).filter((p) => !p.isPinned);
    const timed = posts.filter((p) => p.time && Number.isFinite(Date.parse(p.time)));
    const withClient = posts.filter((p) => p.client);
    const scheduled = withClient.filter((p) => SCHEDULERS.test(p.client ?? ''));
    const schedulerTrace = withClient.length >= 3 && scheduled.length / withClient.length >= SCHEDULER_SHARE;
    if (timed.length < MIN_TIMED_POSTS && !schedulerTrace) return NOT_APPLICABLE;
    const signals: string[] = [];
    if (timed.length >= MIN_TIMED_POSTS) {
      const gaps = gapsOf(timed);
      const cv = coefficientOfVariation(gaps);
      const entropy = normalizedEntropy(gaps, 5 * 60_000);
      if (cv < REGULAR_CV || entropy < REGULAR_ENTROPY) signals.push(`cv=${cv.toFixed(2)} entropy=${entropy.toFixed(2)}`);
      const round = timed.filter((p) => new Date(p.time ?? '').getUTCMinutes() % 15 === 0).length / timed.length;
      if (round >= ROUND_MINUTE_SHARE) signals.push(`:00/:15/:30/:45 ${Math.round(round * 100)}%`);
    }
    if (schedulerTrace) signals.push([...new Set(scheduled.map((p) => p.client))].join(', '));
    // One sign alone is a look worth taking (people schedule too); two together look like a machine.
    const score = signals.length === 0 ? 1 : signals.length === 1 ? 0.6 : 0.3;
    const evidence = (schedulerTrace ? scheduled : timed).slice(0, 5).map((p) => p.evidence);
    return judged(score, score < 1 ? evidence : [], [signals.join('; ') || '—', timed.length]);
  },
};

export default rule;
