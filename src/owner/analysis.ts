import type { Evidence } from '../contract';
import type { OwnerComment, OwnerData, OwnerPost } from './types';

/** Measures over many posts that several owner rules and the facts share. */

const HOUR_MS = 3_600_000;
export const WEEK_MS = 7 * 24 * HOUR_MS;

export const timeOf = (iso: string | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

export function postEvidence(p: OwnerPost): Evidence {
  return { selector: p.url, text: p.title || p.text || p.url };
}

export function commentEvidence(p: OwnerPost, c: OwnerComment): Evidence {
  return { selector: c.url ?? p.url, text: `${c.author}: ${c.text}`.slice(0, 200) };
}

/** A top-level comment by somebody else, and whether (and when) the post's author answered it. */
export interface Asked {
  post: OwnerPost;
  comment: OwnerComment;
  /** ms from the comment to the author's first answer; null when unanswered or undated */
  replyMs: number | null;
  answered: boolean;
}

/**
 * Of other people's top-level comments, which the post's author answered: with parents known, an
 * author comment anywhere below it; without (feeds), an author comment later in the thread.
 */
export function askedComments(data: OwnerData): Asked[] {
  const out: Asked[] = [];
  for (const post of data.posts) {
    const comments = post.comments;
    if (!comments || comments.length === 0) continue;
    const byId = new Map(comments.map((c) => [c.id, c]));
    const rootOf = (c: OwnerComment): OwnerComment => {
      let cur = c;
      for (let hops = 0; cur.parentId && byId.has(cur.parentId) && hops < 100; hops++) cur = byId.get(cur.parentId)!;
      return cur;
    };
    const answers = new Map<string, number[]>();
    if (data.threaded) {
      for (const c of comments) {
        if (!c.byAuthor || !c.parentId) continue;
        const root = rootOf(c);
        answers.set(root.id, [...(answers.get(root.id) ?? []), timeOf(c.time)]);
      }
    }
    comments.forEach((c, i) => {
      if (c.byAuthor || (data.threaded && c.parentId && byId.has(c.parentId))) return;
      const times = data.threaded
        ? (answers.get(c.id) ?? [])
        : comments
            .slice(i + 1)
            .filter((a) => a.byAuthor)
            .map((a) => timeOf(a.time));
      const asked = timeOf(c.time);
      const later = times.filter((t) => Number.isFinite(t) && (!Number.isFinite(asked) || t >= asked));
      const first = later.length ? Math.min(...later) : Number.NaN;
      out.push({
        post,
        comment: c,
        answered: times.length > 0,
        replyMs: Number.isFinite(first) && Number.isFinite(asked) ? first - asked : null,
      });
    });
  }
  return out;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The owner's own posts in time order (reposts of others excluded). */
export function ownTimed(data: OwnerData): { post: OwnerPost; t: number }[] {
  return data.posts
    .filter((p) => !p.isRepost)
    .map((post) => ({ post, t: timeOf(post.time) }))
    .filter((x) => Number.isFinite(x.t))
    .sort((a, b) => a.t - b.t);
}

/** Posts per week over the audited span (newest − oldest); null with fewer than two dated posts. */
export function postsPerWeek(data: OwnerData): number | null {
  const times = data.posts.map((p) => timeOf(p.time)).filter(Number.isFinite);
  if (times.length < 2) return null;
  const span = Math.max(...times) - Math.min(...times);
  // Two posts a minute apart are not 20,000 a week: the span counts as one day at least.
  return Math.round(((times.length - 1) / (Math.max(span, WEEK_MS / 7) / WEEK_MS)) * 100) / 100;
}

export function span(data: OwnerData): { from: string | null; to: string | null } {
  const times = data.posts.map((p) => timeOf(p.time)).filter(Number.isFinite);
  if (times.length === 0) return { from: null, to: null };
  return { from: new Date(Math.min(...times)).toISOString(), to: new Date(Math.max(...times)).toISOString() };
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
export const percent = (x: number) => `${Math.round(x * 100)}%`;
