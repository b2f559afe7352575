import { type Adapter, stepwise } from '../adapter';
import { articleConfidence } from '../_blog/detect';
import { meta } from '../_blog/dom';
import { membersOnly } from '../_blog/hosted';
import { blogSteps } from '../_blog/model';

/**
 * Medium (medium.com, publication subdomains and custom domains, which keep Medium's app-link
 * metas). Responses open in a side panel for signed-in readers only.
 */
export function isMedium(doc: Document, url: URL): boolean {
  if (/(?:^|\.)medium\.com$/i.test(url.hostname)) return true;
  return (
    meta(doc, 'meta[property="al:android:package"]') === 'com.medium.reader' ||
    meta(doc, 'meta[name="twitter:app:name:iphone"]') === 'Medium' ||
    meta(doc, 'meta[property="al:ios:app_name"]') === 'Medium'
  );
}

const medium: Adapter = {
  id: 'medium',
  priority: 20,
  detect(doc, url) {
    return isMedium(doc, url) ? 0.9 * articleConfidence(doc) : 0;
  },
  ...stepwise(function* (doc, url) {
    const isArticle = isMedium(doc, url) && articleConfidence(doc) > 0;
    return yield* blogSteps(doc, url, 'medium', isArticle, {
      listComments: () => ({ comments: [] }),
      platformSection: (d) =>
        membersOnly(
          d.querySelector(
            '[data-testid="headerClapButton"] ~ *, [aria-label="responses" i], [data-testid="responses"], article',
          ) ?? d.body,
          'Medium',
        ),
    });
  }),
};

export default medium;
