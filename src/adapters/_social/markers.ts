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
/**
 * Titles "Name (@handle) / X", "Name on X: "…" / X" (formerly "/ Twitter"), and "Name on X" as
 * the app sets it while a pushState-opened post renders (tests/e2e/social-spa.e2e.ts);
 * og:site_name "X (formerly Twitter)".
 */
export const X_SAVED: SavedSigns = {
  hosts: X_HOSTS,
  title: /(^|\/ )(X|Twitter)$|\bon (X|Twitter)(: |$)/,
  siteName: /^(X|Twitter)\b/,
  mountId: 'react-root',
};
/** A saved Bluesky feed or profile header. */
export const BLUESKY_SAVED = '[data-testid^="feedItem-by-"], [data-testid="profileHeaderFollowersButton"]';
/** Titles "Name (@handle) — Bluesky", "@handle on Bluesky"; og:site_name "Bluesky Social". */
export const BLUESKY_SAVED_SIGNS: SavedSigns = { hosts: BLUESKY_HOSTS, title: /\bBluesky\b/, siteName: /\bBluesky\b/ };
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

/**
 * Meta tags live in <head>: asking the whole document walked every element of a page without the
 * tag (60 % of the early exit on a 50k-element shop page); the head is a few dozen elements.
 */
export function metaContent(doc: Document, key: string): string | null {
  const el = doc.head?.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return el?.getAttribute('content') ?? null;
}

/** What a saved copy of a network's page keeps without walking the body: see `mayBeSavedFrom`. */
export interface SavedSigns {
  hosts: readonly string[];
  /** document.title as the network sets it. */
  title: RegExp;
  /** og:site_name. */
  siteName: RegExp;
  /** The id the web app mounts into, if it is the network's own. */
  mountId?: string;
}

/**
 * Whether a page served off the network's host may be a saved copy, from what costs no walk of the
 * body: the mount id (the id map), the title, og:site_name or the canonical link (the head). A
 * selector for the network's markup (`[data-testid^="feedItem-by-"]`) walks every element of a
 * page without it: 10k elements cost more than the whole early-exit budget (< 1 ms). A document
 * without a title is a copied fragment (the real pages' `x-quote-tweet` starts at a timeline cell):
 * nothing to tell from, so it says yes and the caller's selector decides.
 */
export function mayBeSavedFrom(doc: Document, signs: SavedSigns): boolean {
  if (signs.mountId && doc.getElementById(signs.mountId)) return true;
  const title = doc.title.trim();
  if (!title || signs.title.test(title)) return true;
  if (signs.siteName.test(metaContent(doc, 'og:site_name') ?? '')) return true;
  const canonical = doc.head?.querySelector('link[rel="canonical"][href]')?.getAttribute('href');
  if (!canonical) return false;
  try {
    return hostMatches(new URL(canonical), signs.hosts);
  } catch {
    return false;
  }
}
