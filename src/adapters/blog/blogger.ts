import { type Adapter, stepwise } from '../adapter';
import { bloggerComments } from '../_blog/comments-blogger';
import { articleConfidence, BLOGGER_POST_PATH, isBlogger, notArticleReason } from '../_blog/detect';
import { firstById } from '../_blog/dom';
import { blogSteps } from '../_blog/model';

/**
 * Blogger / Blogspot (also on custom domains, where only the generator meta tells). Post pages
 * live at /YYYY/MM/slug.html; the comment form is always an iframe (`iframe#comment-editor`,
 * its URL in `a#comment-editor-src`) or a link to blogger.com/comment.g — never readable fields.
 */
export { isBlogger };

function isPostPage(doc: Document, url: URL): boolean {
  if (BLOGGER_POST_PATH.test(url.pathname)) return true;
  if (notArticleReason(doc)) return false;
  if (firstById(doc, ['comments', 'comment-editor', 'comment-holder', 'comments-block'])) return true;
  return articleConfidence(doc) > 0 && doc.getElementsByClassName('post-body').length === 1;
}

function iframeForm(doc: Document): Element | null {
  return doc.querySelector(
    '#comment-editor, a#comment-editor-src, #comment-post-message, a[href*="blogger.com/comment.g"], a[href*="blogger.com/comment/frame"]',
  );
}

const blogger: Adapter = {
  id: 'blogger',
  priority: 20,
  detect(doc, url) {
    if (!isBlogger(doc, url)) return 0;
    return isPostPage(doc, url) ? 0.9 : 0;
  },
  ...stepwise(function* (doc, url) {
    const isArticle = isBlogger(doc, url) && isPostPage(doc, url);
    return yield* blogSteps(doc, url, 'blogger', isArticle, { listComments: bloggerComments, iframeForm });
  }),
};

export default blogger;
