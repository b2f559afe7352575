import type { PageModel, SocialPost, SocialSection } from './model';

/**
 * Pure functions on models that both sides need: the social adapters merge a re-read into the
 * model they hold (content script), and the worker merges the part of a re-read a content script
 * sent (`{ type: 'page', more: true }`) into the tab's last model — the same function, so the
 * model the worker judges is the one the adapter would have built.
 */

export function emptySocial(): SocialSection {
  return { followers: null, following: null, posts: [], unreadable: [] };
}

/**
 * Posts in first-seen order, one per id: later copies (a post rendered twice by a virtualised
 * list, or re-read by extractMore) replace nothing, so the first-seen evidence stays stable.
 */
export function dedupePosts(posts: readonly SocialPost[]): SocialPost[] {
  const seen = new Set<string>();
  const out: SocialPost[] = [];
  for (const p of posts) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push(p);
  }
  return out;
}

/** Merges freshly parsed posts and the latest header counts into an earlier model of the same page. */
export function mergeInto(previous: PageModel, fresh: PageModel): PageModel {
  const prev = previous.social ?? emptySocial();
  const next = fresh.social ?? emptySocial();
  const mainId = next.mainPost?.id ?? prev.mainPost?.id;
  const posts = dedupePosts([...prev.posts, ...next.posts]).filter((p) => p.id !== mainId);
  const social: SocialSection = {
    ...prev,
    handle: next.handle ?? prev.handle,
    name: next.name ?? prev.name,
    followers: next.followers ?? prev.followers,
    following: next.following ?? prev.following,
    postsCount: next.postsCount ?? prev.postsCount,
    mainPost: next.mainPost ?? prev.mainPost,
    posts,
    // A count unreadable at first (still rendering) that became readable is no longer unreadable.
    unreadable: [...new Set([...prev.unreadable, ...next.unreadable])].filter(
      (name) => !((name === 'followers' && next.followers !== null) || (name === 'following' && next.following !== null)),
    ),
  };
  return { ...previous, kind: fresh.kind, lang: fresh.lang ?? previous.lang, social };
}

/**
 * The worker's half of an incremental re-read: `part` is the page's model with only the posts the
 * content script had not sent before (and the latest header counts). Merged into the tab's last
 * model of the same URL it gives the model the adapter holds; `postsSeen` is the adapter's count.
 */
export function mergeMore(previous: PageModel, part: PageModel, maxPosts: number): PageModel {
  const merged = mergeInto(previous, part);
  const social = merged.social;
  if (!social) return merged;
  const seen = part.social?.postsSeen ?? previous.social?.postsSeen;
  const posts = social.posts.length > maxPosts ? social.posts.slice(0, maxPosts) : social.posts;
  const next: SocialSection = { ...social, posts };
  if (seen !== undefined && seen > posts.length) next.postsSeen = seen;
  else delete next.postsSeen;
  return { ...merged, social: next };
}
