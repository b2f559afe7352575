import type { PageModel, Platform } from '../../model';
import { articleOf } from './article';
import { type SectionOptions, commentSectionOf } from './section';

/**
 * The PageModel of a blog post or news article, the article itself and its comment section, in
 * steps: the article; the comment list (the big part on a long thread); the rest of the section.
 * The content script hands the page its main thread between them where they ran long.
 */
export function* blogSteps(
  doc: Document,
  url: URL,
  platform: Platform,
  isArticle: boolean,
  opts: SectionOptions,
): Generator<void, PageModel, void> {
  if (!isArticle) return { url: url.href, kind: 'other', platform };
  const article = articleOf(doc, url);
  yield;
  const listed = opts.listComments(doc);
  yield;
  const model: PageModel = { url: url.href, kind: 'article', platform, article, comments: commentSectionOf(doc, opts, listed) };
  if (article.lang) model.lang = article.lang;
  return model;
}
