import { attr, firstByClass, firstById, meta } from './dom';

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
  // `document.scripts` is a cached collection; an attribute selector over the body would walk it all
  const out: Element[] = [];
  for (const s of doc.scripts) if (s.type === 'application/ld+json') out.push(s);
  return out;
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

/**
 * Blogger: the generator meta (custom domains), or a blogspot host. Here rather than in blogger.ts
 * because the content script's gate (src/adapters/gates.ts) asks it too, without loading adapters.
 */
export function isBlogger(doc: Document, url: URL): boolean {
  if (/^blogger$/im.test(generator(doc))) return true;
  return /\.blogspot\.[a-z.]+$/i.test(url.hostname);
}

/** Blogger's post URLs: /YYYY/MM/slug.html. */
export const BLOGGER_POST_PATH = /\/\d{4}\/\d{2}\/[^/]+\.html$/;

/** Where comments live or are embedded: any of these makes a page a commentable article. */
export const COMMENT_IDS = [
  'comments',
  'respond',
  'commentform',
  'disqus_thread',
  'commento',
  'remark42',
  'hyvor-talk-view',
  'isso-thread',
  'comment-holder',
  'comments-block',
  'comment-editor',
  'jetpack_remote_comment',
];
export const COMMENT_CLASSES = [
  'comments-area',
  'comment-list',
  'commentlist',
  'wp-block-comments',
  'wp-block-post-comments-form',
  'fb-comments',
  'giscus',
  'utterances',
];

export function commentArea(doc: Document): Element | null {
  return firstById(doc, COMMENT_IDS) ?? firstByClass(doc, COMMENT_CLASSES);
}

/**
 * Confidence that this is one article (not a listing, not an app page), 0 when it is not.
 * Runs on every page the content script sees, so only head metas, id look-ups and single-class
 * collections: no selector list over the body (see firstById).
 */
export function articleConfidence(doc: Document): number {
  const ogType = meta(doc, 'meta[property="og:type"]').toLowerCase();
  if (ogType === 'article' || ldSaysArticle(doc)) return 1;
  if (commentArea(doc)) return 0.8;
  if (ogType) return 0;
  // microformats: one h-entry is a post, several are a feed
  const entries = doc.getElementsByClassName('h-entry');
  if (entries.length === 1 && entries[0].getElementsByClassName('e-content').length > 0) return 0.7;
  return 0;
}
