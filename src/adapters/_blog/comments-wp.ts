import { evidenceOf, excerpt } from '../../lib/dom';
import type { Comment } from '../../model';
import { parseDate } from './dates';
import { attr, depthClass, textOf } from './dom';

/**
 * Comment lists written by WordPress's `wp_list_comments()` (classic themes, block themes'
 * `.wp-block-comment-template`, WordPress.com "highlander") and by themes that copy its classes.
 * `comment_class()` puts `comment|pingback|trackback`, `bypostauthor` and `depth-N` on exactly one
 * element per comment (the <li>, or a <div> with `style => div`), which is what we key on.
 */

const ITEM = '.comment, .pingback, .trackback';
const AREA =
  '#comments, .comments-area, .comment-list, .commentlist, #comment-list, .wp-block-comments, .wp-block-comment-template, #commentlist';

const AUTHOR =
  '.comment-author .fn, .fn, .wp-block-comment-author-name, .comment-author-name, .comment-author, cite, [itemprop="author"], .comment_author, .author';
const TEXT =
  '.comment-content, .comment-text, .wp-block-comment-content, .comment_content, .comment-entry, [itemprop="text"], .commenttext, .comment-body-text';
const DATE_TEXT =
  '.comment-metadata a, .comment-meta a, .commentmetadata a, .wp-block-comment-date, .comment-date, .comment-time, .comment_date';
// parts of a comment that are not what the person wrote
const CHROME =
  /(?:^|\s)(?:children|comment-meta|comment-metadata|commentmetadata|comment-author|vcard|reply|comment-reply-link|comment-awaiting-moderation|comment-footer|comment-actions|avatar)(?:\s|$)/;

function candidates(doc: Document): Element[] {
  // depth-N marks comment_class() output anywhere; plain <li> items count inside a comment list
  // (WordPress.com prints pingbacks as `<li class="post pingback">` without depth)
  const all = [...doc.querySelectorAll(ITEM)].filter(
    (el) => depthClass(el) !== null || (el.localName === 'li' && el.closest(AREA)),
  );
  const inList = new Set(all);
  // a theme that repeats comment_class() on an inner <article> would count each comment twice
  return all.filter((el) => {
    const outer = el.parentElement?.closest(ITEM);
    return !(
      outer &&
      inList.has(outer) &&
      depthClass(outer) === depthClass(el) &&
      !outer.querySelector(':scope > .children, :scope > ul, :scope > ol')?.contains(el)
    );
  });
}

function ownFirst(item: Element, selector: string, items: Set<Element>): Element | null {
  for (const el of item.querySelectorAll(selector)) {
    if (ownerOf(el, items) === item) return el;
  }
  return null;
}

function ownerOf(el: Element, items: Set<Element>): Element | null {
  for (let n: Element | null = el; n; n = n.parentElement) if (items.has(n)) return n;
  return null;
}

/** The first readable date in the comment's own meta links (the author link sits in the same block). */
function dateText(item: Element, items: Set<Element>): string | undefined {
  for (const el of item.querySelectorAll(DATE_TEXT)) {
    if (ownerOf(el, items) !== item) continue;
    const date = parseDate(el.textContent);
    if (date) return date;
  }
  return undefined;
}

function kindOf(item: Element, text: string): Comment['kind'] {
  if (item.classList.contains('trackback') || /^trackback\b/i.test(text)) return 'trackback';
  if (item.classList.contains('pingback') || /^pingback\b/i.test(text)) return 'pingback';
  return 'comment';
}

export function wpComments(doc: Document): Comment[] {
  const list = candidates(doc);
  const items = new Set(list);
  return list.map((item) => {
    const parent = item.parentElement ? ownerOf(item.parentElement, items) : null;
    const depthN = depthClass(item);
    let depth = 0;
    if (depthN !== null) depth = depthN - 1;
    else for (let p = parent; p; p = p.parentElement ? ownerOf(p.parentElement, items) : null) depth++;
    const skip = (el: Element) => items.has(el) || CHROME.test(` ${el.getAttribute('class') ?? ''} `);
    const textEl = ownFirst(item, TEXT, items);
    const text = textEl ? textOf(textEl, (el) => items.has(el)) : textOf(item, skip);
    const authorEl = ownFirst(item, AUTHOR, items);
    // "Pingback: <a>Title</a>" has no author block: the linking site's title stands in for it
    const author = authorEl ? textOf(authorEl).replace(/\s+(sagt|says|schreibt|meint)\s*:?\s*$/i, '') : '';
    const timeEl = ownFirst(item, 'time[datetime]', items);
    const date = timeEl ? parseDate(attr(timeEl, 'datetime')) : dateText(item, items);
    const fullText = textEl ? text : textOf(item, (el) => items.has(el));
    const comment: Comment = {
      author: excerpt(author, 100),
      text,
      kind: kindOf(item, fullText),
      byPostAuthor: item.classList.contains('bypostauthor'),
      depth,
      evidence: evidenceOf(item, text || fullText),
    };
    const id = item.getAttribute('id');
    if (id) comment.id = id;
    if (date) comment.date = date;
    if (parent?.id) comment.parentId = parent.id;
    return comment;
  });
}
