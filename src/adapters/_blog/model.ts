import type { PageModel, Platform } from '../../contract';
import { articleSteps } from './article';
import { detectEmbed } from './embeds';
import { type SectionOptions, commentSectionOf } from './section';

/**
 * The PageModel of a blog post or news article, the article itself and its comment section, in
 * steps: the article (in five); the comment list (the big part on a long thread); the comment
 * embeds; the rest of the section.
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
  const article = yield* articleSteps(doc, url);
  yield;
  const listing = opts.listComments(doc);
  const listed = 'next' in listing ? yield* listing : listing;
  yield;
  // ~25 embed look-ups by id, class and tag: cold, each class is a walk over the page
  const embed = detectEmbed(doc);
  yield;
  const comments = commentSectionOf(doc, opts, listed, embed);
  const model: PageModel = { url: url.href, kind: 'article', platform, article, comments };
  if (article.lang) model.lang = article.lang;
  return model;
}
