import type { PageModel, SocialPost } from '../contract';

/** Pure helpers shared by the social rules (no DOM). */

export function sameHandle(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();
}

/** Written by the page's owner: no author recorded (single-account markup) or the owner's handle. */
export function isOwn(post: SocialPost, handle: string | undefined): boolean {
  if (post.isRepost) return false;
  if (!post.author || !handle) return true;
  return sameHandle(post.author, handle);
}

/** The owner's own visible posts: no reposts of others, no ads, no posts by other people. */
export function ownPosts(model: PageModel): SocialPost[] {
  const s = model.social;
  if (!s) return [];
  const all = s.mainPost ? [s.mainPost, ...s.posts] : s.posts;
  return all.filter((p) => !p.isPromoted && isOwn(p, s.handle));
}

/** Everything the owner put on the timeline: own posts plus reposts, no ads. */
export function timelinePosts(model: PageModel): SocialPost[] {
  return (model.social?.posts ?? []).filter((p) => !p.isPromoted && (p.isRepost || isOwn(p, model.social?.handle)));
}

export function percent(share: number): string {
  if (share > 0 && share < 0.001) return `${(share * 100).toFixed(3)}%`;
  if (share < 0.1) return `${(share * 100).toFixed(2)}%`;
  return `${Math.round(share * 100)}%`;
}

/** Newest first when times are known (the timeline order otherwise). */
export function newestFirst(posts: readonly SocialPost[]): SocialPost[] {
  // Each time parsed once, not twice per comparison (n log n parses); same comparator otherwise.
  const at = new Map(posts.map((p) => [p, p.time ? Date.parse(p.time) : Number.NaN]));
  return [...posts].sort((a, b) => (b.time && a.time ? (at.get(b) ?? Number.NaN) - (at.get(a) ?? Number.NaN) : 0));
}
