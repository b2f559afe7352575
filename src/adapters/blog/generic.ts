import { type Adapter, stepwise } from '../adapter';
import { wpCommentSteps } from '../_blog/comments-wp';
import { articleConfidence } from '../_blog/detect';
import { blogSteps } from '../_blog/model';

/**
 * Any article the platform adapters do not claim: `og:type=article`, JSON-LD Article types,
 * microformats `h-entry`, `itemprop=articleBody`, or a comment area. Lowest priority, and half
 * the confidence, so a platform adapter always wins a tie. Comment lists are read where a theme
 * copied WordPress's classes; embeds (Disqus, remark42, …) are found on any platform.
 */

// social networks are their adapters' business, even where they print og:type=article (Mastodon)
const SOCIAL_HOSTS =
  /(?:^|\.)(?:x\.com|twitter\.com|facebook\.com|instagram\.com|linkedin\.com|bsky\.app|threads\.net|tiktok\.com|youtube\.com)$/i;

const generic: Adapter = {
  id: 'generic',
  priority: 0,
  detect(doc, url) {
    if (SOCIAL_HOSTS.test(url.hostname)) return 0;
    return 0.5 * articleConfidence(doc, url);
  },
  ...stepwise(function* (doc, url) {
    const isArticle = !SOCIAL_HOSTS.test(url.hostname) && articleConfidence(doc, url) > 0;
    return yield* blogSteps(doc, url, 'generic', isArticle, { listComments: wpCommentSteps });
  }),
};

export default generic;
