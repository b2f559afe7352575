import type { Comment, CommentCounts } from '../../contract';

/**
 * Comments read in full (text, author, date, evidence) per page. DESIGN.md's budget for a
 * 50,000-element page is 50 ms and ≤ 3× a bare DOM walk; a generated WordPress post of that size
 * holds ~3,300 comments, and parsing each in full cost ~50 ms alone (bench/warm-profile.ts). Reading
 * 300 keeps the parse under ~5 ms there while a sample of a few hundred still says how a thread
 * goes (who answered whom, the newest comment, what readers ask); every item is still counted
 * from its class names, so the facts stay exact. Threads below this are parsed whole.
 */
export const DETAIL_LIMIT = 300;

/** What a comment lister hands the section builder: the comments read, and counts when sampled. */
export interface ListedComments {
  comments: Comment[];
  /** set only when `comments` is a sample: the counts over every comment item in the DOM */
  counts?: CommentCounts;
}

/** A comment list read in steps (a generator that pauses between parts of the work). */
export type CommentSteps = Generator<void, ListedComments, void>;

/** `count` thread numbers spread evenly from the first thread to the last, both included. */
function spread(threads: number, count: number): number[] {
  if (count >= threads) return Array.from({ length: threads }, (_, i) => i);
  if (count <= 1) return [0];
  const picked: number[] = [];
  // fractional steps: an integer stride would alias with a theme's or a thread's own period
  // (an author who answers every fourth thread, sampled every eighth, looks like all or nothing)
  const step = (threads - 1) / (count - 1);
  for (let j = 0; j < count; j++) {
    const t = Math.round(j * step);
    if (picked[picked.length - 1] !== t) picked.push(t);
  }
  return picked;
}

/**
 * Which items (indexes into the document-order list) to read in full: whole threads (a comment at
 * depth 0 with the replies after it), always the first and the last thread — the oldest and the
 * newest whichever way the theme sorts, so `stale` still sees the newest date — and evenly spaced
 * threads between them, as many as fit in `limit` items. A thread over half the limit is cut
 * after its first items (the opening comment and the first replies). Items before the first
 * depth-0 item belong to the first thread, as src/rules/_thread.ts reads them.
 * Returns null when every item fits: then nothing is sampled.
 */
export function sampleThreads(depths: readonly number[], limit = DETAIL_LIMIT): number[] | null {
  const n = depths.length;
  if (n <= limit) return null;
  const starts: number[] = [0];
  for (let i = 1; i < n; i++) if (depths[i] === 0) starts.push(i);
  const threads = starts.length;
  // a thread over half the limit (over all of it when it is the only one) is read up to that
  // cap: the first and the last thread then always fit together
  const cap = threads === 1 ? limit : Math.floor(limit / 2);
  const sizeOf = (t: number) => Math.min(cap, (t + 1 < threads ? starts[t + 1] : n) - starts[t]);
  const total = (ts: readonly number[]) => ts.reduce((s, t) => s + sizeOf(t), 0);
  // the most threads whose evenly spread selection fits: the sum grows (almost) with the count,
  // so a binary search finds it (where it does not, a few threads fewer are read: still a sample)
  let lo = 2;
  let hi = Math.min(threads, limit);
  let best = spread(threads, Math.min(threads, 2));
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const ts = spread(threads, mid);
    if (total(ts) <= limit) {
      if (ts.length > best.length) best = ts;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const out: number[] = [];
  for (const t of best) for (let i = starts[t]; i < starts[t] + sizeOf(t); i++) out.push(i);
  return out;
}
