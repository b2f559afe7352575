import type { PageModel, Platform } from '../../model';
import { articleOf } from './article';
import { type SectionOptions, commentSectionOf } from './section';

/** The PageModel of a blog post or news article: the article itself and its comment section. */
export function blogModel(doc: Document, url: URL, platform: Platform, isArticle: boolean, opts: SectionOptions): PageModel {
  if (!isArticle) return { url: url.href, kind: 'other', platform };
  const article = articleOf(doc, url);
  const model: PageModel = { url: url.href, kind: 'article', platform, article, comments: commentSectionOf(doc, opts) };
  if (article.lang) model.lang = article.lang;
  return model;
}
