import { type Adapter, stepwise } from '../adapter';
import { articleConfidence, generator } from '../_blog/detect';
import { membersOnly } from '../_blog/hosted';
import { blogSteps } from '../_blog/model';

/** Ghost: generator "Ghost 5.x"; its `{{comments}}` helper mounts comments-ui by a `data-ghost-comments` script. */
export function isGhost(doc: Document): boolean {
  return /^Ghost\b/im.test(generator(doc));
}

const ghost: Adapter = {
  id: 'ghost',
  priority: 20,
  detect(doc) {
    return isGhost(doc) ? 0.9 * articleConfidence(doc) : 0;
  },
  ...stepwise(function* (doc, url) {
    const isArticle = isGhost(doc) && articleConfidence(doc) > 0;
    return yield* blogSteps(doc, url, 'ghost', isArticle, {
      listComments: () => ({ comments: [] }),
      platformSection: (d) => membersOnly(d.querySelector('[data-ghost-comments], #ghost-comments-root, .gh-comments'), 'Ghost'),
    });
  }),
};

export default ghost;
