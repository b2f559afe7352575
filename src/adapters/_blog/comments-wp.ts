import { drain } from '../adapter';
import { evidenceOf, excerpt, type SiblingIndex, siblingIndex, type TextSkip } from '../dom';
import type { Comment, CommentCounts } from '../../contract';
import { parseDate } from './dates';
import { attr, depthOfClass, textOf } from './dom';
import { type CommentSteps, DETAIL_LIMIT, type ListedComments, sampleThreads } from './sample';

/**
 * Comment lists written by WordPress's `wp_list_comments()` (classic themes, block themes'
 * `.wp-block-comment-template`, WordPress.com "highlander") and by themes that copy its classes.
 * `comment_class()` puts `comment|pingback|trackback`, `bypostauthor` and `depth-N` on exactly one
 * element per comment (the <li>, or a <div> with `style => div`), which is what we key on.
 *
 * Linear in the page: each comment is read from its own parts (the children that are not the
 * nested replies), never by querying its whole subtree, so a deep thread of thousands of
 * comments costs no more than a flat one. Past DETAIL_LIMIT items only a sample of whole threads
 * is read in full (./sample.ts); every item is still counted from its class string.
 */

const ITEM_CLASSES = ['comment', 'pingback', 'trackback'];
const AREA_IDS = ['comments', 'comment-list', 'commentlist'];
const AREA_CLASSES = ['comments-area', 'comment-list', 'commentlist', 'wp-block-comments', 'wp-block-comment-template'];

// The roles of a comment's own elements, by class, best first. Read in one walk over the comment's
// parts with class-token look-ups: `matches()` with a selector list per element and per role cost
// most of the time on long threads.
// wpDiscuz (the most used comment plugin) keeps comment_class() on div#wpd-comm-N_P and names its
// parts .wpd-comment-text / .wpd-comment-author / .wpd-comment-date (exact time in its title)
const TEXT_CLASSES = [
  'comment-content',
  'comment-text',
  'wp-block-comment-content',
  'wpd-comment-text',
  'comment_content',
  'comment-entry',
  'commenttext',
  'comment-body-text',
];
const AUTHOR_CLASSES = [
  'fn',
  'wp-block-comment-author-name',
  'wpd-comment-author',
  'comment-author-name',
  'comment-author',
  'comment_author',
  'author',
];
const META_CLASSES = ['comment-metadata', 'comment-meta', 'commentmetadata'];
const DATE_CLASSES = ['wp-block-comment-date', 'wpd-comment-date', 'comment-date', 'comment-time', 'comment_date'];
// the post author's badge where the item itself lacks `bypostauthor`
const AUTHOR_BADGES = ['wpd-blog-post_author'];

/** What one class token says about its element (a token can be several things at once). */
interface TokenRole {
  text: number;
  author: number;
  meta: boolean;
  date: boolean;
  badge: boolean;
}
const TOKEN_ROLES = new Map<string, TokenRole>();
for (const c of [...TEXT_CLASSES, ...AUTHOR_CLASSES, ...META_CLASSES, ...DATE_CLASSES, ...AUTHOR_BADGES]) {
  TOKEN_ROLES.set(c, {
    text: TEXT_CLASSES.indexOf(c),
    author: AUTHOR_CLASSES.indexOf(c),
    meta: META_CLASSES.includes(c),
    date: DATE_CLASSES.includes(c),
    badge: AUTHOR_BADGES.includes(c),
  });
}
// The role tokens of a class string, in order, found by one scan: splitting every class string of
// a 3,300-comment thread into new arrays cost ~9 ms (and their garbage), the scan ~5 ms. A token
// is a maximal run of non-whitespace, as `split(/\s+/)` reads it.
const ROLE_TOKEN = new RegExp(`(?:^|\\s)(${[...TOKEN_ROLES.keys()].join('|')})(?=\\s|$)`, 'g');

interface Roles {
  text: Element | null;
  textRank: number;
  author: Element | null;
  authorRank: number;
  time: Element | null;
  dates: Element[];
  badge: boolean;
}

/**
 * `itemprop="text"` (schema.org markup) is found by one native query per part: reading the
 * attribute from every element the walk visits cost more than the rest of the walk.
 */
const ITEM_TEXT = '[itemprop="text"]';

/**
 * Every element of a comment that can play a role: the role classes, `<time datetime>`, `<cite>`,
 * schema.org's text, and links inside a meta block (their titles and texts carry the date). One
 * native query per part finds them: in a content script each element JavaScript touches gets a
 * wrapper of its own, and a walk over every element of every comment cost more than the rest of
 * the comment's reading.
 */
const ROLE_SELECTOR = [
  ...[...TOKEN_ROLES.keys()].map((c) => `.${c}`),
  'time[datetime]',
  'cite',
  ITEM_TEXT,
  ...META_CLASSES.map((c) => `.${c} a`),
].join(',');

/**
 * The roles of a comment's parts, read from the role elements in document order, with what a walk
 * down the parts would see: a link counts as a date only under a meta block of the same part,
 * and nothing inside the element that was the text block when it was reached is looked at (its
 * inside is text, not structure).
 */
function rolesOf(parts: readonly Element[]): Roles {
  const r: Roles = { text: null, textRank: 99, author: null, authorRank: 99, time: null, dates: [], badge: false };
  for (const p of parts) {
    const itemText = p.matches(ITEM_TEXT) ? p : p.querySelector(ITEM_TEXT);
    const metas: Element[] = [];
    let closed: Element | null = null;
    const found = p.matches(ROLE_SELECTOR) ? [p] : [];
    for (const el of p.querySelectorAll(ROLE_SELECTOR)) found.push(el);
    for (const el of found) {
      if (closed?.contains(el)) continue;
      // `className` is the class attribute of HTML elements (faster than getAttribute); an <svg>
      // icon has an SVGAnimatedString there instead
      const name = el.className;
      const cls = typeof name === 'string' ? name : el.getAttribute('class');
      const inMeta = metas.some((m) => m.contains(el));
      if (cls) {
        ROLE_TOKEN.lastIndex = 0;
        for (let m = ROLE_TOKEN.exec(cls); m; m = ROLE_TOKEN.exec(cls)) {
          const role = TOKEN_ROLES.get(m[1]) as TokenRole;
          if (role.text >= 0 && role.text < r.textRank) {
            r.text = el;
            r.textRank = role.text;
          }
          if (role.author >= 0 && role.author < r.authorRank) {
            r.author = el;
            r.authorRank = role.author;
          }
          if (role.meta && metas.at(-1) !== el) metas.push(el);
          if (role.date) r.dates.push(el);
          if (role.badge) r.badge = true;
        }
      }
      const tag = el.localName;
      if (tag === 'time' && !r.time && el.hasAttribute('datetime')) r.time = el;
      else if (tag === 'a' && inMeta) r.dates.push(el);
      else if (tag === 'cite' && r.authorRank > AUTHOR_CLASSES.length) {
        r.author = el;
        r.authorRank = AUTHOR_CLASSES.length;
      }
      if (r.textRank > TEXT_CLASSES.length && el === itemText) {
        r.text = el;
        r.textRank = TEXT_CLASSES.length;
      }
      // the walk this replaces did not go below the element that was the text block when reached
      if (r.text === el) closed = el;
    }
  }
  return r;
}

// parts of a comment that are not what the person wrote
const CHROME_CLASSES = [
  'children',
  'comment-meta',
  'comment-metadata',
  'commentmetadata',
  'comment-author',
  'vcard',
  'reply',
  'comment-reply-link',
  'comment-awaiting-moderation',
  'comment-footer',
  'comment-actions',
  'avatar',
];
// class tokens are split on ASCII whitespace, as a class selector reads them
const CHROME = new RegExp(`(?:^|[\\t\\n\\f\\r ])(?:${CHROME_CLASSES.join('|')})(?=[\\t\\n\\f\\r ]|$)`);
// every element that can be an item (./dom.ts readableText's superset: plain <li> items are blocks)
const ITEM_SELECTOR = ITEM_CLASSES.map((c) => `.${c}`).join(',');
const CHROME_SELECTOR = `${ITEM_SELECTOR},${CHROME_CLASSES.map((c) => `.${c}`).join(',')}`;
// where replies nest: <ol class="children"> (core), Blogger-like reply wrappers
const NESTED = /(?:^|\s)(?:children|comment-replies|replies)(?:\s|$)/;

function inArea(el: Element, areas: readonly Element[]): boolean {
  return areas.some((a) => a.contains(el));
}

/**
 * The nearest ancestor of `el` in `set`. `seen` remembers the answer for every element walked
 * through, so the ancestors the items share (the list, the comment area, the page) are walked
 * once for the whole thread, not once per comment.
 */
function ancestorIn(el: Element, set: { has(el: Element): boolean }, seen: Map<Element, Element | null>): Element | null {
  const path: Element[] = [];
  let found: Element | null = null;
  for (let n = el.parentElement; n; n = n.parentElement) {
    if (set.has(n)) {
      found = n;
      break;
    }
    const known = seen.get(n);
    if (known !== undefined) {
      found = known;
      break;
    }
    path.push(n);
  }
  for (const p of path) seen.set(p, found);
  return found;
}

/** The comment items and their class strings, read once. */
interface Items {
  list: Element[];
  classes: string[];
  /** each item's nearest item-classed ancestor (its parent comment, unless that one was left out) */
  outers: (Element | null)[];
}

// WordPress's own comment ids: `comment-12` on the item (old themes' `li-comment-12`)
const COMMENT_ITEM_ID = /^(?:li-)?comment-\d+$/;

/**
 * Items of a comment list that carry no `comment` class: themes of the 2000s print
 * `<li class="alt" id="comment-299292">` inside `ol.commentlist`; the id says what the class does not.
 * Only lists already found as comment areas are read, so a page without one pays nothing.
 */
function unclassedItems(areas: readonly Element[], classed: readonly Element[]): Element[] {
  const out: Element[] = [];
  let known: Set<Element> | null = null;
  for (const a of areas) {
    if (a.localName !== 'ol' && a.localName !== 'ul') {
      if (classed.length === 0) out.push(...countedListItems(a));
      continue;
    }
    for (const li of a.getElementsByTagName('li')) {
      if (!COMMENT_ITEM_ID.test(li.id)) continue;
      known ??= new Set(classed);
      if (!known.has(li)) out.push(li);
    }
  }
  return out;
}

// "Readers' Comments (718)", "2 Kommentare zu …", "12 Responses to …"
const COUNTING_HEADING =
  /(?:^|\s)(\d[\d.,]*)\s+(?:comments?|kommentare?|responses?|antworten|replies|reaktionen)\b|\b(?:comments?|kommentare?)\s*\((\d[\d.,]*)\)/i;

/**
 * A site's own thread without WordPress's classes (Politico 2010: `#comments` > h2 "Readers'
 * Comments (718)" > `ol#commentsList` > `li`): the first list of the comment area is the thread
 * when a heading of the area counts comments and the list holds no more items than it says.
 */
function countedListItems(area: Element): Element[] {
  let stated: number | null = null;
  for (const tag of ['h2', 'h3', 'h4']) {
    for (const h of area.getElementsByTagName(tag)) {
      const m = COUNTING_HEADING.exec(h.textContent ?? '');
      if (m) {
        stated = Number((m[1] ?? m[2]).replace(/[.,]/g, ''));
        break;
      }
    }
    if (stated !== null) break;
  }
  if (!stated) return [];
  const list = area.querySelector('ol, ul');
  if (!list) return [];
  const items = [...list.children].filter((c) => c.localName === 'li');
  return items.length > 0 && items.length <= stated ? items : [];
}

function candidates(doc: Document): Items {
  const areas: Element[] = [];
  for (const id of AREA_IDS) {
    const el = doc.getElementById(id);
    if (el) areas.push(el);
  }
  for (const c of AREA_CLASSES) for (const el of doc.getElementsByClassName(c)) areas.push(el);
  // single-class collections keep the browser's fast path; pingbacks are rare, so merging is cheap
  const lists = ITEM_CLASSES.map((c) => [...doc.getElementsByClassName(c)]);
  let all = lists[0];
  const unclassed = unclassedItems(areas, lists[0]);
  if (lists[1].length + lists[2].length + unclassed.length > 0) {
    const merged = new Set([...lists[0], ...lists[1], ...lists[2], ...unclassed]);
    all = [...merged].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  }
  // depth-N marks comment_class() output anywhere; plain <li> items count inside a comment list
  // (WordPress.com prints pingbacks as `<li class="post pingback">` without depth)
  const cls = new Map<Element, string>();
  const depth = new Map<Element, number | null>();
  for (const el of all) {
    // `className` is the class attribute of HTML elements, read faster than getAttribute
    const name = el.className;
    const c = typeof name === 'string' ? name : (el.getAttribute('class') ?? '');
    cls.set(el, c);
    depth.set(el, depthOfClass(c));
  }
  const picked = all.filter((el) => depth.get(el) !== null || (el.localName === 'li' && inArea(el, areas)));
  const inList = new Set(picked);
  // a theme that repeats comment_class() on an inner element would count each comment twice.
  // The nearest item-classed ancestor is what `closest('.comment, .pingback, .trackback')` finds,
  // without matching a selector list at every level for every comment
  const nearest = new Map<Element, Element | null>();
  const list: Element[] = [];
  const outers: (Element | null)[] = [];
  for (const el of picked) {
    const outer = ancestorIn(el, depth, nearest);
    if (outer && inList.has(outer) && depth.get(outer) === depth.get(el) && outer.firstElementChild?.contains(el)) continue;
    list.push(el);
    outers.push(outer);
  }
  return { list, classes: list.map((el) => cls.get(el) as string), outers };
}

/** The comment's own parts: its child elements except nested replies. */
function partsOf(item: Element, items: Set<Element>): Element[] {
  const parts: Element[] = [];
  for (let c = item.firstElementChild; c; c = c.nextElementSibling) {
    if (items.has(c)) continue;
    const cls = c.getAttribute('class') ?? '';
    if (NESTED.test(cls) || ((c.localName === 'ol' || c.localName === 'ul') && c.getElementsByClassName('comment').length > 0))
      continue;
    parts.push(c);
  }
  return parts;
}

function partsText(parts: readonly Element[], skip: TextSkip): string {
  return parts
    .filter((p) => !skip.test(p))
    .map((p) => textOf(p, skip))
    .join(' ')
    .trim();
}

function dateOf(r: Roles): string | undefined {
  if (r.time) return parseDate(attr(r.time, 'datetime'));
  for (const el of r.dates) {
    const date = parseDate(el.getAttribute('title')) ?? parseDate(el.textContent);
    if (date) return date;
  }
  return undefined;
}

// `classList.contains` on the class string already read: a DOMTokenList per comment costs more
// than the test. Tokens are split on ASCII whitespace, as classList splits them.
const TRACKBACK = /(?:^|[\t\n\f\r ])trackback(?=[\t\n\f\r ]|$)/;
const PINGBACK = /(?:^|[\t\n\f\r ])pingback(?=[\t\n\f\r ]|$)/;
const BYPOSTAUTHOR = /(?:^|[\t\n\f\r ])bypostauthor(?=[\t\n\f\r ]|$)/;

function kindOf(cls: string, text: string): Comment['kind'] {
  // `includes` first: it is most of the cost when every item of a long thread is counted
  if ((cls.includes('trackback') && TRACKBACK.test(cls)) || /^trackback\b/i.test(text)) return 'trackback';
  if ((cls.includes('pingback') && PINGBACK.test(cls)) || /^pingback\b/i.test(text)) return 'pingback';
  return 'comment';
}

// wpDiscuz's author badge sits inside the item it marks
const BADGE_CLASS = AUTHOR_BADGES[0];

/** The item each author badge of the page belongs to (its nearest item ancestor). */
function badgedItems(doc: Document, items: ReadonlySet<Element>): Set<Element> {
  const out = new Set<Element>();
  const nearest = new Map<Element, Element | null>();
  for (const badge of doc.getElementsByClassName(BADGE_CLASS)) {
    const item = ancestorIn(badge, items, nearest);
    if (item) out.add(item);
  }
  return out;
}

/** `limit`: the most comments read in full (tests pass Infinity to compare a sample with the whole). */
/** Comments read in full between two pauses of wpCommentSteps: a few ms cold. */
const READ_STEP = 50;

/** The comment list in one go (tests compare it with the sample). */
export function wpComments(doc: Document, limit = DETAIL_LIMIT): ListedComments {
  return drain(wpCommentSteps(doc, limit));
}

/**
 * The comment list in steps (see blogSteps): finding the items, their threads, every READ_STEP
 * comments read in full, the counts. A 3,300-comment thread took 25–50 ms in one piece in the
 * content script's first (cold) run.
 */
export function* wpCommentSteps(doc: Document, limit = DETAIL_LIMIT): CommentSteps {
  const { list, classes, outers } = candidates(doc);
  yield;
  const items = new Set(list);
  const parentOf: (Element | null)[] = [];
  const depths: number[] = [];
  const nesting: number[] = [];
  const position = new Map<Element, number>();
  const nearest = new Map<Element, Element | null>();
  list.forEach((item, i) => {
    // no item lies between an item and its nearest item-classed ancestor: the parent is that
    // one, or (when it was left out) the nearest item above it
    const outer = outers[i];
    const parent = !outer || items.has(outer) ? outer : ancestorIn(outer, items, nearest);
    parentOf.push(parent);
    position.set(item, i);
    // documents order parents before children, so the parent's nesting is known
    nesting.push(parent ? nesting[position.get(parent) as number] + 1 : 0);
    const depthN = depthOfClass(classes[i]);
    depths.push(depthN !== null ? depthN - 1 : nesting[i]);
  });
  yield;
  const skipChrome: TextSkip = {
    test: (el) => items.has(el) || CHROME.test(el.getAttribute('class') ?? ''),
    selector: CHROME_SELECTOR,
  };
  const skipItems: TextSkip = { test: (el) => items.has(el), selector: ITEM_SELECTOR };
  const index: SiblingIndex = siblingIndex();
  const read = (i: number): Comment => {
    const item = list[i];
    const parent = parentOf[i];
    const cls = classes[i];
    const parts = partsOf(item, items);
    const roles = rolesOf(parts);
    const textEl = roles.text;
    const text = textEl ? textOf(textEl) : partsText(parts, skipChrome);
    const authorEl = roles.author;
    // "Pingback: <a>Title</a>" has no author block: the linking site's title stands in for it
    const author = authorEl ? textOf(authorEl).replace(/\s+(sagt|says|schreibt|meint)\s*:?\s*$/i, '') : '';
    const fullText = textEl ? text : partsText(parts, skipItems);
    const comment: Comment = {
      author: excerpt(author, 100),
      text,
      kind: kindOf(cls, fullText),
      byPostAuthor: BYPOSTAUTHOR.test(cls) || roles.badge,
      depth: depths[i],
      evidence: evidenceOf(item, text || fullText, index),
    };
    const id = item.getAttribute('id');
    if (id) comment.id = id;
    const date = dateOf(roles);
    if (date) comment.date = date;
    if (parent?.id) comment.parentId = parent.id;
    return comment;
  };
  const pick = sampleThreads(depths, limit);
  const comments: Comment[] = [];
  const toRead = pick ?? list.keys();
  for (const i of toRead) {
    comments.push(read(i));
    if (comments.length % READ_STEP === 0) yield;
  }
  if (!pick) return { comments };
  // Counted over every item from its class string; a sampled item's own reading (a "Pingback:"
  // text without the class, a badge) is the same evidence the full parse would have used.
  const readAt = new Map<number, Comment>();
  for (let k = 0; k < pick.length; k++) readAt.set(pick[k], comments[k]);
  const badged = badgedItems(doc, items);
  const counts: CommentCounts = { comments: 0, pingbacks: 0, byPostAuthor: 0 };
  classes.forEach((cls, i) => {
    const seen = readAt.get(i);
    const kind = seen ? seen.kind : kindOf(cls, '');
    if (kind !== 'comment') {
      counts.pingbacks++;
      return;
    }
    counts.comments++;
    if (seen ? seen.byPostAuthor : (cls.includes('bypostauthor') && BYPOSTAUTHOR.test(cls)) || badged.has(list[i]))
      counts.byPostAuthor++;
  });
  return { comments, counts };
}
