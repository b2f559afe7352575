import { type Adapter, stepwise } from '../adapter';
import { articleConfidence } from '../_blog/detect';
import { membersOnly } from '../_blog/hosted';
import { blogSteps } from '../_blog/model';

/** Substack (x.substack.com and custom domains, which load everything from substackcdn.com). */
export function isSubstack(doc: Document, url: URL): boolean {
  if (/\.substack\.com$/i.test(url.hostname)) return true;
  return !!doc.head?.querySelector(
    'link[href*="substackcdn.com"], script[src*="substackcdn.com"], meta[content*="substackcdn.com"]',
  );
}

const substack: Adapter = {
  id: 'substack',
  priority: 20,
  detect(doc, url) {
    return isSubstack(doc, url) ? 0.9 * articleConfidence(doc) : 0;
  },
  ...stepwise(function* (doc, url) {
    const isArticle = isSubstack(doc, url) && articleConfidence(doc) > 0;
    return yield* blogSteps(doc, url, 'substack', isArticle, {
      listComments: () => ({ comments: [] }),
      // comments need a (sometimes paid) subscription; posts with comments off show no comment button
      platformSection: (d) =>
        membersOnly(
          d.querySelector(
            '.post-footer a[href$="/comments"], a.post-ufi-comment-button, [data-testid="comments-section"], .comments-section',
          ),
          'Substack',
        ),
    });
  }),
};

export default substack;
