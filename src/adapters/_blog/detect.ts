import { attr, meta } from './dom';

/**
 * Cheap page checks for the adapters' `detect`: head look-ups first (the head is small), at most
 * one selector-list query over the body. No walks, no text reads beyond a few meta tags.
 */

export function generator(doc: Document): string {
  const head = doc.head ?? doc;
  let all = '';
  for (const m of head.querySelectorAll('meta[name="generator" i]')) all += `${attr(m, 'content')}\n`;
  return all;
}

const ARTICLE_LD =
  /"@type"\s*:\s*(?:\[[^\]]*)?"(?:Article|BlogPosting|NewsArticle|Report|TechArticle|ScholarlyArticle|LiveBlogPosting|OpinionNewsArticle|AnalysisNewsArticle|ReportageNewsArticle|BackgroundNewsArticle|SatiricalArticle|Posting)"/;

/** JSON-LD scripts, parsed lazily; Yoast & co. put them in the head, some themes at the end of the body. */
export function ldScripts(doc: Document): Element[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')];
}

export function ldSaysArticle(doc: Document): boolean {
  for (const s of ldScripts(doc)) if (ARTICLE_LD.test(s.textContent ?? '')) return true;
  return false;
}

/**
 * WordPress writes the template into <body class>: a single post, a page, or a listing. Listings
 * (home, archive, search) are not audited — they have no comment section of their own.
 */
export function wpBodyKind(doc: Document): 'single' | 'page' | 'listing' | null {
  const cls = doc.body?.classList;
  if (!cls || cls.length === 0) return null;
  if (cls.contains('single') || cls.contains('single-post') || [...cls].some((c) => /^postid-\d+$/.test(c))) return 'single';
  if (['home', 'blog', 'archive', 'search', 'category', 'tag', 'error404', 'date', 'author'].some((c) => cls.contains(c))) {
    return 'listing';
  }
  if (cls.contains('page') || cls.contains('page-template-default')) return 'page';
  return null;
}

/** Where comments live or are embedded: any of these makes a page a commentable article. */
export const COMMENT_AREA =
  '#comments, #respond, #commentform, .comments-area, .comment-list, .commentlist, .wp-block-comments, .wp-block-post-comments-form, #disqus_thread, #commento, .fb-comments, #remark42, #hyvor-talk-view, #isso-thread, .giscus, .utterances, #comment-holder, #comments-block, #comment-editor, #jetpack_remote_comment';

const H_ENTRY = '.h-entry .e-content, article.h-entry, .hentry .entry-content';

/**
 * Confidence that this is one article (not a listing, not an app page), 0 when it is not.
 * Runs on every page the content script sees: head metas first, then one selector-list query.
 */
export function articleConfidence(doc: Document): number {
  const ogType = meta(doc, 'meta[property="og:type"]').toLowerCase();
  if (ogType === 'article' || ldSaysArticle(doc)) return 1;
  const hit = doc.body?.querySelector(`${COMMENT_AREA}, [itemprop="articleBody"], ${H_ENTRY}`);
  if (!hit) return 0;
  if (!hit.matches(H_ENTRY)) return ogType ? (hit.matches(COMMENT_AREA) ? 0.8 : 0) : 0.8;
  // one h-entry is a post; several are a feed
  return (doc.body?.querySelectorAll('.h-entry, .hentry').length ?? 0) === 1 ? 0.7 : 0;
}
