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

// --- what speaks against "one post by an owner" -------------------------------------------------

// og:type values of other kinds of page (shops, media, people, places). `website` is no evidence
// either way: news sites print it on their articles too.
const NEUTRAL_OG = /^(?:article|website|blog|)$/;
// JSON-LD main types of pages that are not one post: shops, listings, search, Q&A, forums, profiles
const OTHER_LD = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:CollectionPage|SearchResultsPage|QAPage|DiscussionForumPosting|ProfilePage)"/;
const PRODUCT_LD = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:Product|ProductGroup|IndividualProduct)"/;
// a listing's ItemList: a recipe roundup or category page lists dozens of other pages
const LIST_ITEM = /"@type"\s*:\s*"ListItem"/g;
const LISTING_ITEMS = 10;
// wiki and forum software (generator meta)
const OTHER_GENERATORS =
  /^(?:MediaWiki|XWiki|DokuWiki|Discourse|phpBB|vBulletin|XenForo|Invision|Flarum|MyBB|Vanilla|NodeBB)\b/im;
// their page shells by id: MediaWiki, XWiki, Stack Exchange, Discourse (single id look-ups)
const OTHER_IDS = ['mw-content-text', 'xwikicontent', 'question-header', 'main-outlet'];
const ERROR_TITLE = /^\s*(?:404\b|403\b|page not found|not found|forbidden|seite nicht gefunden|fehler 404)/i;
const ERROR_BODY_CLASSES = ['error404', 'error-404', 'error-page', 's_404', 'page-not-found'];

function countMatches(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/**
 * Whether something says this page is not one post. Weighed before any evidence for an article: wikis and
 * landing pages print `og:type=article`, a recipe roundup prints BlogPosting beside its ItemList.
 * Head metas, JSON-LD, the title, the body's class and four id look-ups: no walk over the body.
 */
export function notArticleReason(doc: Document): boolean {
  const ogType = meta(doc, 'meta[property="og:type"]').toLowerCase();
  if (!NEUTRAL_OG.test(ogType) && !ogType.startsWith('article')) return true;
  if (meta(doc, 'meta[property="product:price:amount"], meta[property="og:price:amount"]')) return true;
  if (OTHER_GENERATORS.test(generator(doc))) return true;
  for (const id of OTHER_IDS) if (doc.getElementById(id)) return true;
  if (ERROR_TITLE.test(doc.title)) return true;
  const cls = doc.body?.classList;
  if (cls && ERROR_BODY_CLASSES.some((c) => cls.contains(c))) return true;
  let article = false;
  let product = false;
  for (const s of ldScripts(doc)) {
    const text = s.textContent ?? '';
    if (OTHER_LD.test(text)) return true;
    // `includes` first: most pages' JSON-LD has no ItemList, and counting scans the whole text
    if (text.includes('"ItemList"') && countMatches(text, LIST_ITEM) >= LISTING_ITEMS) return true;
    article ||= ARTICLE_LD.test(text);
    product ||= PRODUCT_LD.test(text);
  }
  // a review post may describe the product it reviews: Product counts only without an Article type
  return product && !article;
}

// --- what speaks for it, where og:type and JSON-LD say nothing -----------------------------------

const DATE_METAS =
  'meta[property="article:published_time"], meta[name="date" i], meta[name="pubdate" i], meta[name="publishdate" i], meta[name="publish-date" i], meta[name="dc.date.issued" i], meta[name="dcterms.created" i], meta[name="sailthru.date" i], meta[name="parsely-pub-date" i], meta[name="parsely-page" i], meta[name="originalpublicationdate" i], meta[itemprop="datePublished"]';
const AUTHOR_METAS =
  'meta[name="author" i], meta[property="article:author"], meta[name="sailthru.author" i], meta[name="parsely-author" i], meta[name="dc.creator" i], link[rel="author"]';
// /2014/12/29/…, /2014/12/…: the date in the path is a post's permalink
const DATED_PATH = /\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])\//;
// a slug of four words or more, maybe with an extension or followed by an id segment:
// /the-4-stocks-that-slimmed-the-djia/, /ziele-chancen-risiken/a-65464327
const SLUG_PATH = /\/[^/]*[a-z\u00c0-\u024f]+(?:-[^/-]+){3,}[^/]*(?:\/[\w-]*\d[\w-]*)?\/?$/i;
// templates that say "one entry": Drupal's node type, WordPress's single post
const SINGLE_BODY = /(?:^|\s)(?:node-type-(?:article|blog|story|news)[\w-]*|single-post)(?:\s|$)/;

/**
 * Points for "one post": a publication date, an author, a permalink-shaped URL, a single-entry
 * template. Two of them make an article where the page has neither og:type=article nor JSON-LD
 * (2010s news sites: Reuters, Drupal papers). Head metas, the URL and the body's class only.
 */
export function postEvidence(doc: Document, url: URL | null): number {
  const head = doc.head ?? doc;
  let points = 0;
  if (head.querySelector(DATE_METAS)) points++;
  if (head.querySelector(AUTHOR_METAS)) points++;
  if (url && (DATED_PATH.test(url.pathname) || SLUG_PATH.test(url.pathname))) points++;
  if (SINGLE_BODY.test(doc.body?.className ?? '')) points++;
  return points;
}
const POST_EVIDENCE_NEEDED = 2;

/**
 * Confidence that this is one article (not a listing, not an app page), 0 when it is not.
 * Runs on every page the content script sees, so only head metas, id look-ups and single-class
 * collections: no selector list over the body (see firstById). Evidence against comes first;
 * when in doubt the answer is 0 — no badge.
 */
export function articleConfidence(doc: Document, url: URL | null = null): number {
  if (notArticleReason(doc)) return 0;
  const ogType = meta(doc, 'meta[property="og:type"]').toLowerCase();
  if (ogType === 'article' || ldSaysArticle(doc)) return 1;
  if (commentArea(doc)) return 0.8;
  if (ogType && ogType !== 'website') return 0;
  // microformats: one h-entry is a post, several are a feed
  const entries = doc.getElementsByClassName('h-entry');
  if (entries.length === 1 && entries[0].getElementsByClassName('e-content').length > 0) return 0.7;
  if (postEvidence(doc, url) >= POST_EVIDENCE_NEEDED) return 0.6;
  return 0;
}
