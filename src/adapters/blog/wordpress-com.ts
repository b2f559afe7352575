import { type Adapter, stepwise } from '../adapter';
import { wpCommentSteps } from '../_blog/comments-wp';
import { generator } from '../_blog/detect';
import { blogSteps } from '../_blog/model';
import { wpArticleConfidence } from './wordpress';

/**
 * WordPress.com (also on custom domains) and its "highlander" comment system: the generator says
 * "WordPress.com", comments carry `highlander-comment`, and the form has the identity chooser
 * `#comment-form-identity` ("Trage deine Daten unten ein oder klicke ein Icon um dich einzuloggen").
 */
export function isWordPressCom(doc: Document, url: URL): boolean {
  const gen = generator(doc);
  if (/^WordPress\.com/im.test(gen)) return true;
  // a self-hosted site names its version; Jetpack there is still self-hosted WordPress
  if (/^WordPress\s*\d/im.test(gen)) return false;
  if (/\.wordpress\.com$/i.test(url.hostname)) return true;
  return !!(
    doc.getElementById('comment-form-identity') ??
    doc.getElementById('highlander_comment_nonce') ??
    doc.getElementsByClassName('highlander-comment')[0]
  );
}

const wordpressCom: Adapter = {
  id: 'wordpress-com',
  priority: 30,
  detect(doc, url) {
    if (!isWordPressCom(doc, url)) return 0;
    return 0.95 * wpArticleConfidence(doc, url);
  },
  ...stepwise(function* (doc, url) {
    const isArticle = isWordPressCom(doc, url) && wpArticleConfidence(doc, url) > 0;
    return yield* blogSteps(doc, url, 'wordpress-com', isArticle, {
      listComments: wpCommentSteps,
      emptyAreaIsClosed: true,
    });
  }),
};

export default wordpressCom;
