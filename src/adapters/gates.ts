import { articleConfidence, BLOGGER_POST_PATH, isBlogger, wpBodyKind } from './_blog/detect';
import {
  BLUESKY_HOSTS,
  BLUESKY_SAVED,
  BLUESKY_SAVED_SIGNS,
  FACEBOOK_HOSTS,
  hostMatches,
  INSTAGRAM_APP_META,
  INSTAGRAM_APP_NAME,
  INSTAGRAM_HOSTS,
  LINKEDIN_HOSTS,
  MASTODON_MOUNT,
  mayBeSavedFrom,
  metaContent,
  X_HOSTS,
  X_SAVED,
  X_TWEET,
} from './_social/markers';

/**
 * The content script's cheap gates: on every page it asks these before loading any adapter code
 * (the adapter families are files of their own, injected by the worker: src/adapters/blog/, social/). Each gate must be
 * a SUPERSET of its family's `detect`s — whenever any adapter of the family would detect > 0,
 * its gate says true — or that family's pages go unaudited; tests/unit/gates.test.ts checks
 * this on every fixture. They read the constants the adapters' detects read, and no more than
 * those detects did: head metas, id look-ups, one selector query.
 */

/**
 * Every blog adapter needs a single article: `articleConfidence` > 0 (generic, Ghost, Medium,
 * Substack; WordPress pages with a comment area), a WordPress single-post body class, or a
 * Blogger post URL on Blogger.
 */
export function mayBeBlog(doc: Document, url: URL): boolean {
  if (wpBodyKind(doc) === 'single') return true;
  if (BLOGGER_POST_PATH.test(url.pathname) && isBlogger(doc, url)) return true;
  return articleConfidence(doc, url) > 0;
}

const SOCIAL_HOSTS = [...X_HOSTS, ...FACEBOOK_HOSTS, ...BLUESKY_HOSTS, ...INSTAGRAM_HOSTS, ...LINKEDIN_HOSTS];

/**
 * A network's own host, Mastodon's mount point (any server), Instagram's app meta, or a saved
 * copy's markup — X's tweets, Bluesky's feed items — looked for, as X's and Bluesky's detects do,
 * only where the head or mount id says that network (a selector walk of a big page would cost
 * more than the early-exit budget), in one walk where both do.
 */
export function mayBeSocial(doc: Document, url: URL): boolean {
  if (hostMatches(url, SOCIAL_HOSTS)) return true;
  if (doc.getElementById(MASTODON_MOUNT)) return true;
  if (metaContent(doc, INSTAGRAM_APP_META) === INSTAGRAM_APP_NAME) return true;
  const saved: string[] = [];
  if (mayBeSavedFrom(doc, X_SAVED)) saved.push(X_TWEET);
  if (mayBeSavedFrom(doc, BLUESKY_SAVED_SIGNS)) saved.push(BLUESKY_SAVED);
  return saved.length > 0 && doc.querySelector(saved.join(', ')) !== null;
}
