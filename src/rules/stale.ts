import type { Evidence, PageModel } from '../contract';
import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 004: "Werden Social Media Auftritte aber erst aufgezogen und dann vernachlässigt, bleibt
 * der Erfolg aus" — "regelmäßige Aktivitäten [sind] wichtig, um präsent zu bleiben". The newest
 * sign of life: on an article the newest of published, updated and comment dates; on a profile
 * or post page the newest post.
 */

const DAY_MS = 86_400_000;

/** Issue 4: a last post older than 90 days is a stale account. */
export const STALE_DAYS = 90;
/**
 * A blog post or a single social post without any newer sign of life (update, comment) for a
 * year: readers land on old posts every day, so months alone say nothing on one page.
 */
export const SINGLE_PAGE_STALE_DAYS = 365;
/** A year without a sign of life: abandoned. */
export const ABANDONED_DAYS = 365;
export const STALE_SCORE = 0.4;
export const ABANDONED_SCORE = 0.1;
/**
 * One article page can't tell whether the blog goes on elsewhere, and one post page can't tell
 * for the whole account: there staleness is at most a warn.
 */
export const SINGLE_PAGE_FLOOR = 0.6;
/**
 * X shows a repost with the original post's time, so reposts can make an active account look
 * older than it is: a verdict resting on them stops at a warn.
 */
export const REPOST_FLOOR = 0.5;

interface Dated {
  time: number;
  evidence?: Evidence;
  repost: boolean;
}

function datesOf(model: PageModel): Dated[] {
  const out: Dated[] = [];
  const add = (iso: string | undefined, evidence?: Evidence, repost = false) => {
    const t = iso ? Date.parse(iso) : Number.NaN;
    if (Number.isFinite(t)) out.push({ time: t, evidence, repost });
  };
  if (model.kind === 'article') {
    add(model.article?.published);
    add(model.article?.updated);
    for (const c of model.comments?.comments ?? []) if (c.kind === 'comment') add(c.date, c.evidence);
    return out;
  }
  const social = model.social;
  if (!social) return out;
  const main = social.mainPost;
  // Below a focused post come other people's replies: only the owner's own posts are their activity.
  const posts = main ? [main, ...social.posts.filter((p) => main.author && p.author === main.author)] : social.posts;
  // ads are the network's timing, not the owner's
  for (const p of posts) if (!p.isPromoted) add(p.time, p.evidence, p.isRepost);
  return out;
}

const rule: Rule = {
  id: 'stale',
  appliesTo: ['article', 'profile', 'post'],
  // Activity matters, but on one page it is circumstantial: medium weight.
  weight: 2,
  judge(model, ctx) {
    const dates = datesOf(model);
    if (dates.length === 0) return NOT_APPLICABLE;
    const newest = dates.reduce((a, b) => (b.time > a.time ? b : a));
    // a date in the future is a time-zone or clock slip, not activity ahead: count it as now
    const days = Math.max(0, Math.floor((ctx.now - newest.time) / DAY_MS));
    let score: number;
    if (model.kind === 'profile') score = days > ABANDONED_DAYS ? ABANDONED_SCORE : days > STALE_DAYS ? STALE_SCORE : 1;
    else score = days > SINGLE_PAGE_STALE_DAYS ? SINGLE_PAGE_FLOOR : 1;
    if (dates.some((d) => d.repost)) score = Math.max(score, REPOST_FLOOR);
    return judged(score, newest.evidence ? [newest.evidence] : [], [days]);
  },
};

export default rule;
