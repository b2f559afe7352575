import { type Adapter, stepwise } from '../adapter';
import { wpCommentSteps } from '../_blog/comments-wp';
import { articleConfidence, commentArea, generator, notArticleReason, wpBodyKind } from '../_blog/detect';
import { blogSteps } from '../_blog/model';

/**
 * Self-hosted WordPress. Many sites strip the generator meta (security plugins, caches), so the
 * REST API link, the comment form's `wp-comments-post.php` and `wp-content` asset URLs count too.
 */
export function isWordPress(doc: Document): boolean {
  if (/^WordPress\s*\d/im.test(generator(doc))) return true;
  const head = doc.head;
  if (
    head?.querySelector(
      'link[rel="https://api.w.org/"], link[href*="/wp-content/"], link[href*="/wp-includes/"], script[src*="/wp-content/"], script[src*="/wp-includes/"]',
    )
  )
    return true;
  // `document.forms` is a cached collection: no attribute selector over the whole page
  for (const f of doc.forms) if (/wp-comments-post\.php/.test(f.getAttribute('action') ?? '')) return true;
  return false;
}

/** Single posts, and static pages that have a comment area; never listings (home, archives, search). */
export function wpArticleConfidence(doc: Document, url: URL | null = null): number {
  const kind = wpBodyKind(doc);
  if (kind === 'listing' || notArticleReason(doc)) return 0;
  if (kind === 'single') return 1;
  const generic = articleConfidence(doc, url);
  if (kind === 'page') return commentArea(doc) ? 1 : 0;
  return generic;
}

const wordpress: Adapter = {
  id: 'wordpress',
  priority: 20,
  detect(doc, url) {
    if (!isWordPress(doc)) return 0;
    return 0.9 * wpArticleConfidence(doc, url);
  },
  ...stepwise(function* (doc, url) {
    const isArticle = isWordPress(doc) && wpArticleConfidence(doc, url) > 0;
    return yield* blogSteps(doc, url, 'wordpress', isArticle, {
      listComments: wpCommentSteps,
      emptyAreaIsClosed: true,
    });
  }),
};

export default wordpress;
