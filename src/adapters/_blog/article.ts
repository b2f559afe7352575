import { evidenceOf, type TextSkip } from '../dom';
import type { ArticleSection, Evidence, Link } from '../../contract';
import { parseDate } from './dates';
import { attr, commentThreads, linksOutside, meta, queryAllOutside, queryOutside, textOf } from './dom';
import { ldScripts } from './detect';
import { sameSite } from './domain';
import { phonesOf } from './phones';

/** Article text is only read by wording rules; 50k characters cover a long post and bound the cost. */
export const TEXT_MAX = 50_000;
const MAX_LINKS = 500;
const MAX_SHARE = 20;

/** Where the post's own text lives, most specific first (WordPress, Blogger, Ghost, Substack, Medium, news sites). */
const BODY_CLASSES = [
  'entry-content',
  'post-content',
  'post-body',
  'wp-block-post-content',
  'gh-content',
  'post-full-content',
  'available-content',
  'article-body',
  'article__body',
  'article-content',
  'story-body',
  'single-content',
  'td-post-content',
  'post-entry',
  'blog-post-content',
  'e-content',
];

// links there are site chrome or other people's words, not the author's references
const CHROME_TAGS = new Set(['nav', 'footer', 'aside', 'header', 'form']);
// class tokens are split on ASCII whitespace, as a class selector reads them (NOT_BODY below)
const CHROME_CLASS =
  /(?:^|[\t\n\f\r ])(?:sidebar|widget|comments|comments-area|comment-list|commentlist|sharedaddy|shariff|a2a_kit|addtoany_share_save_container|swp_social_panel|share|sharing|social-share|jp-relatedposts|related-posts|yarpp-related|author-box|post-navigation|navigation|breadcrumbs|tags-links|cat-links)(?=[\t\n\f\r ]|$)/;

/** Cheaper than `matches(NOT_BODY)` on every element of a long post: a tag set and one class regex. */
function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.localName)) return true;
  const cls = el.getAttribute('class');
  return (!!cls && CHROME_CLASS.test(cls)) || el.id === 'comments';
}

/** isChrome as a selector: the same tags, classes and id. */
const NOT_BODY =
  'nav, footer, aside, header, form, .sidebar, .widget, .comments, #comments, .comments-area, .comment-list, .commentlist, .sharedaddy, .shariff, .a2a_kit, .addtoany_share_save_container, .swp_social_panel, .share, .sharing, .social-share, .jp-relatedposts, .related-posts, .yarpp-related, .author-box, .post-navigation, .navigation, .breadcrumbs, .tags-links, .cat-links';

const CHROME_SKIP: TextSkip = { test: isChrome, selector: NOT_BODY };

/** Share widgets of the common plugins (Shariff, AddToAny, Jetpack sharedaddy, Social Warfare, …), by class. */
const SHARE_WIDGET_CLASSES = [
  'shariff',
  'a2a_kit',
  'addtoany_share_save_container',
  'sd-sharing-enabled',
  'sharedaddy',
  'swp_social_panel',
  'social-warfare',
  'sharethis-inline-share-buttons',
  'ssba',
  'ssba-wrap',
  'heateor_sss_sharing_container',
  'mashsb-container',
  'wp-block-outermost-social-sharing',
  'essb_links',
  'sfsi_widget',
  'dpsp-share-buttons',
  'novashare-buttons',
  'td-post-sharing',
  'social-sharing',
  'share-buttons',
  'sharing-buttons',
];
const SHARE_WIDGET_SELECTOR = SHARE_WIDGET_CLASSES.map((c) => `.${c}`).join(', ');
const SHARE_LINKS = [
  'facebook.com/sharer',
  'facebook.com/share.php',
  'twitter.com/intent/tweet',
  'twitter.com/share',
  'x.com/intent/tweet',
  'x.com/intent/post',
  'linkedin.com/shareArticle',
  'linkedin.com/sharing',
  'linkedin.com/cws/share',
  'pinterest.com/pin/create',
  'reddit.com/submit',
  'wa.me/?text',
  'api.whatsapp.com/send',
  'whatsapp://send',
  't.me/share',
  'telegram.me/share',
  'xing.com/spi/shares',
  'xing.com/social/share',
  'bsky.app/intent/compose',
  'threads.net/intent',
  'tumblr.com/widgets/share',
  'flipboard.com/bookmarklet',
];
const SHARE_LINK = new RegExp(SHARE_LINKS.map((s) => s.replace(/[.?/]/g, '\\$&')).join('|'), 'i');

function bodyOf(doc: Document, threads: readonly Element[]): Element | null {
  // microdata first: it names the body exactly (never inside the comment list: not queried there)
  const micro = queryOutside(doc.documentElement, '[itemprop="articleBody"]', threads);
  if (micro) return micro;
  for (const c of BODY_CLASSES) {
    // the first match outside sidebars and comments: widgets reuse .entry-content on some themes
    for (const el of doc.getElementsByClassName(c)) if (!el.closest('aside, .sidebar, .widget, #comments, footer')) return el;
  }
  return doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
}

type LdKey = 'datePublished' | 'dateModified' | 'author' | 'headline';

/** JSON-LD parsed once per extraction; a reader of the keys the article needs. */
function ldReader(doc: Document): (key: LdKey) => string {
  const parsed: unknown[] = [];
  for (const s of ldScripts(doc)) {
    try {
      parsed.push(JSON.parse(s.textContent ?? ''));
    } catch {
      // broken JSON-LD is common (unescaped quotes in headlines): skip it
    }
  }
  return (key) => {
    for (const p of parsed) {
      const found = findKey(p, key, 0);
      if (found) return found;
    }
    return '';
  };
}

function findKey(node: unknown, key: string, depth: number): string {
  if (!node || typeof node !== 'object' || depth > 6) return '';
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = findKey(n, key, depth + 1);
      if (f) return f;
    }
    return '';
  }
  const obj = node as Record<string, unknown>;
  const v = obj[key];
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const first = Array.isArray(v) ? v[0] : v;
    if (first && typeof first === 'object' && typeof (first as Record<string, unknown>).name === 'string') {
      return (first as Record<string, string>).name;
    }
  }
  for (const k of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const f = findKey(obj[k], key, depth + 1);
    if (f) return f;
  }
  return '';
}

function linksOf(body: Element, base: URL): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  for (const a of body.querySelectorAll('a[href]')) {
    if (links.length >= MAX_LINKS) break;
    // ancestors above the body (an ASP.NET page-wide <form>) say nothing about the link
    const chrome = a.closest(NOT_BODY);
    if (chrome && chrome !== body && body.contains(chrome)) continue;
    let href: URL;
    try {
      href = new URL(attr(a, 'href'), base);
    } catch {
      continue;
    }
    if (href.protocol !== 'http:' && href.protocol !== 'https:') continue;
    // in-page anchors (footnotes, table of contents) are not references
    if (href.host === base.host && href.pathname === base.pathname) continue;
    const key = href.href.replace(/#.*$/, '');
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ href: key, internal: sameSite(href.hostname, base.hostname), text: textOf(a).slice(0, 120) });
  }
  return links;
}

/** Share widgets and sharer links; a comment list's links are readers' words, not the site's buttons. */
export function shareButtonsOf(doc: Document, threads: readonly Element[] = commentThreads(doc)): Evidence[] {
  const out: Evidence[] = [];
  // in document order, each once (a selector list matches an element once)
  const widgets = queryAllOutside(doc.documentElement, SHARE_WIDGET_SELECTOR, threads);
  const outer = widgets.filter((w) => !widgets.some((o) => o !== w && o.contains(w))).slice(0, MAX_SHARE);
  for (const w of outer) {
    if (out.length >= MAX_SHARE) break;
    out.push(evidenceOf(w));
  }
  // one pass over the links with one regex: a 22-part `a[href*=…]` selector list costs more per link
  for (const a of linksOutside(doc, threads)) {
    if (out.length >= MAX_SHARE) break;
    const href = a.getAttribute('href');
    if (!href || !SHARE_LINK.test(href) || outer.some((w) => w.contains(a))) continue;
    out.push(evidenceOf(a, attr(a, 'aria-label') || attr(a, 'title') || a.textContent || attr(a, 'href')));
  }
  return out;
}

function isoOf(value: string): string | undefined {
  return parseDate(value);
}

export function langOf(doc: Document, text: string): string | undefined {
  const declared =
    attr(doc.documentElement, 'lang') ||
    meta(doc, 'meta[http-equiv="content-language" i]') ||
    meta(doc, 'meta[property="og:locale"]');
  if (declared) return declared.replace('_', '-').split('-')[0].toLowerCase();
  return guessLang(text);
}

/** No declared language (Blogger templates): count a few function words of each language. */
function guessLang(text: string): string | undefined {
  const sample = ` ${text.slice(0, 5000).toLowerCase()} `;
  const count = (words: string[]) => words.reduce((n, w) => n + (sample.split(` ${w} `).length - 1), 0);
  const de = count(['der', 'die', 'und', 'ist', 'nicht', 'ich', 'das', 'mit', 'auch', 'ein']);
  const en = count(['the', 'and', 'is', 'not', 'of', 'to', 'with', 'that', 'this', 'a']);
  if (de + en < 5) return undefined;
  return de > en ? 'de' : 'en';
}

/**
 * The article, in steps (see blogSteps): the first look-ups of a class or tag on a page walk the
 * whole document once each (Chromium caches the collection afterwards), so on a 50,000-element
 * page the thread, body, share-widget and phone scans each cost several ms in the content script's
 * first, cold run; together they made one long task.
 */
export function* articleSteps(doc: Document, url: URL): Generator<void, ArticleSection, void> {
  const threads = commentThreads(doc);
  const body = bodyOf(doc, threads);
  yield;
  const ldValue = ldReader(doc);
  // whole-page fallbacks leave the comment list out: a commenter is not the byline, and a
  // selector nothing matches would test every comment's elements
  const query = (selector: string) => queryOutside(doc.documentElement, selector, threads);
  // fallbacks look only around the post (Blogger's .date-header sits above it): never a whole-page selector list
  const scope = body?.closest('article, .post, .hentry, .post-outer, .date-outer') ?? body?.parentElement ?? body;
  const text = body ? textOf(body, CHROME_SKIP, TEXT_MAX) : '';
  const h1 = body?.closest('article')?.querySelector('h1') ?? doc.querySelector('h1');
  const title =
    meta(doc, 'meta[property="og:title"]') || ldValue('headline') || (h1 ? textOf(h1) : '') || (doc.title ?? '').trim();
  const author =
    meta(doc, 'meta[name="author"]') ||
    meta(doc, 'meta[property="article:author"]').replace(/^https?:\/\/\S+$/, '') ||
    ldValue('author') ||
    textOf(
      query('[rel="author"], .author .fn, .byline .author, .post-author-name, [itemprop="author"]') ?? doc.createElement('i'),
    );
  const published =
    isoOf(meta(doc, 'meta[property="article:published_time"]')) ??
    isoOf(ldValue('datePublished')) ??
    isoOf(
      attr(
        query(
          'time.published[datetime], time.entry-date[datetime], [itemprop="datePublished"][datetime], [itemprop="datePublished"][content]',
        ),
        'datetime',
      ) || attr(query('[itemprop="datePublished"][content]'), 'content'),
    ) ??
    isoOf(attr(body?.closest('article')?.querySelector('time[datetime]'), 'datetime')) ??
    isoOf(textOf(scope?.querySelector('.date-header, .published, abbr.published') ?? doc.createElement('i')));
  const updated =
    isoOf(meta(doc, 'meta[property="article:modified_time"]')) ??
    isoOf(ldValue('dateModified')) ??
    isoOf(attr(scope?.querySelector('time.updated[datetime], [itemprop="dateModified"][datetime]'), 'datetime'));
  yield;
  const links = body ? linksOf(body, url) : [];
  yield;
  const shareButtons = shareButtonsOf(doc, threads);
  yield;
  const section: ArticleSection = { title: title.slice(0, 300), links, shareButtons, text, phones: phonesOf(doc, threads) };
  if (author) section.author = author.slice(0, 120);
  if (published) section.published = published;
  if (updated) section.updated = updated;
  const lang = langOf(doc, text);
  if (lang) section.lang = lang;
  return section;
}
