/**
 * What makes each social adapter's `detect` fire: its hosts and, for saved copies served
 * elsewhere, the one DOM marker it looks for. Kept apart from common.ts (extraction plumbing) so
 * the content script's entry can import them for `mayBeSocial` without the adapters themselves:
 * gate and detect read the same constants, so a marker added here widens both.
 */

export const X_HOSTS = ['x.com', 'twitter.com'];
export const X_TWEET = 'article[data-testid="tweet"]';
export const FACEBOOK_HOSTS = ['facebook.com', 'fb.com'];
export const BLUESKY_HOSTS = ['bsky.app'];
/** A saved Bluesky feed or profile header. */
export const BLUESKY_SAVED = '[data-testid^="feedItem-by-"], [data-testid="profileHeaderFollowersButton"]';
export const INSTAGRAM_HOSTS = ['instagram.com'];
/** Saved Instagram pages keep the app-link meta naming the app. */
export const INSTAGRAM_APP_META = 'al:ios:app_name';
export const INSTAGRAM_APP_NAME = 'Instagram';
export const LINKEDIN_HOSTS = ['linkedin.com'];
/** Any Mastodon server's web app mounts into this id. */
export const MASTODON_MOUNT = 'mastodon';

export function hostMatches(url: URL, hosts: readonly string[]): boolean {
  const h = url.hostname.toLowerCase();
  return hosts.some((d) => h === d || h.endsWith(`.${d}`));
}

export function metaContent(doc: Document, key: string): string | null {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return el?.getAttribute('content') ?? null;
}
