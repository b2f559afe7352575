/**
 * Small DOM helpers shared by the blog adapters. All of them read `textContent` / attributes only:
 * `innerText` would force a layout on every call, and a full audit has a 10 ms budget.
 */

import { readableText } from '../dom';

export function attr(el: Element | null | undefined, name: string): string {
  return el?.getAttribute(name)?.trim() ?? '';
}

export function meta(doc: Document, selector: string): string {
  return attr((doc.head ?? doc).querySelector(selector), 'content');
}

const DEPTH = /(?:^|\s)depth-(\d+)(?:\s|$)/;

/** WordPress's `depth-N` class, from the class string (one regex: iterating classList is slower). */
export function depthOfClass(cls: string): number | null {
  const m = DEPTH.exec(cls);
  return m ? Number(m[1]) : null;
}

/**
 * The element's text without script/style contents and without the subtrees `skip` rejects
 * (nested replies, reply links, …). Words in adjacent blocks stay apart.
 */
export const textOf = readableText;

/**
 * First descendant of `root` matching `selector` that belongs to `root` itself and not to a nested
 * item (a reply inside a threaded comment list carries the same class names as its parent).
 */
export function own(root: Element, selector: string, itemSelector: string): Element | null {
  for (const el of root.querySelectorAll(selector)) {
    if (el.closest(itemSelector) === root) return el;
  }
  return null;
}

/** Hidden by markup (not by a stylesheet, which we cannot read without a layout): honeypots, templates. */
export function hiddenByMarkup(el: Element, stop: Element): boolean {
  for (let n: Element | null = el; n && n !== stop.parentElement; n = n.parentElement) {
    if (n.hasAttribute('hidden') || n.getAttribute('aria-hidden') === 'true') return true;
    const style = n.getAttribute('style');
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden|clip\s*:\s*rect\(\s*1px/i.test(style)) return true;
  }
  return false;
}

export function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/["\\\]]/g, '\\$&');
}

/*
 * Whole-document look-ups on the fast paths browsers keep for a single id or class (an id map, a
 * cached class collection). A selector list like "#a, .b, .c" loses them and matches every element
 * against every part: on a 50,000-element page that is ~10 ms per query instead of ~0.
 */

export function firstById(doc: Document, ids: readonly string[]): Element | null {
  for (const id of ids) {
    const el = doc.getElementById(id);
    if (el) return el;
  }
  return null;
}

export function firstByClass(root: Document | Element, classes: readonly string[]): Element | null {
  for (const c of classes) {
    const el = root.getElementsByClassName(c)[0];
    if (el) return el;
  }
  return null;
}

/** The first element in document order among several candidates (null-safe). */
export function earliest(...els: (Element | null | undefined)[]): Element | null {
  let best: Element | null = null;
  for (const el of els) {
    if (!el) continue;
    if (!best || best.compareDocumentPosition(el) & 2 /* PRECEDING */) best = el;
  }
  return best;
}

/*
 * The comment thread is most of a long post's page (3,300 comments are 50,000 elements), and
 * site-wide signals (share buttons, the site's phone numbers) are never in it: a phone number a
 * reader writes in a comment is not the site's hotline. Scans for them skip the comment lists.
 */

// The lists that hold the comment items (not the comment area with its form and notices):
// WordPress core and block themes, Blogger (threaded and classic), wpDiscuz
const THREAD_IDS = ['commentlist', 'comment-holder', 'comments-block'];
const THREAD_CLASSES = [
  'comment-list',
  'commentlist',
  'wp-block-comment-template',
  'comment-thread',
  'comments-content',
  'wpd-thread-list',
];

/** The page's comment lists, outermost only, in document order. */
export function commentThreads(doc: Document): Element[] {
  const found = new Set<Element>();
  for (const id of THREAD_IDS) {
    const el = doc.getElementById(id);
    if (el) found.add(el);
  }
  for (const c of THREAD_CLASSES) for (const el of doc.getElementsByClassName(c)) found.add(el);
  const all = [...found];
  return all
    .filter((el) => !all.some((o) => o !== el && o.contains(el)))
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/**
 * The page's links outside `threads`, in document order. One pass over the page's link collection
 * that jumps over each thread's links (they are contiguous in it): the jump is native, while a
 * test per link in JavaScript cost ~5 ms for the ~10,000 links of a 3,300-comment thread.
 */
export function linksOutside(doc: Document, threads: readonly Element[]): Element[] {
  const links = doc.getElementsByTagName('a');
  const jump = new Map<Element, number>();
  for (const t of threads) {
    const inner = t.getElementsByTagName('a');
    if (inner.length > 0) jump.set(inner[0], inner.length);
  }
  const out: Element[] = [];
  for (let i = 0; i < links.length; i++) {
    const a = links[i];
    const skip = jump.get(a);
    if (skip !== undefined) i += skip - 1;
    else out.push(a);
  }
  return out;
}

/**
 * `root.textContent` without the text of `threads` (each replaced by a line break, so words on
 * either side stay apart). Subtrees that hold no thread are read with one native `textContent`.
 */
export function textOutside(root: Element, threads: readonly Element[]): string {
  const parts: string[] = [];
  const whole = walkOutside(root, threads, (n, subtree) => {
    // elements and text (comments and processing instructions are not in textContent)
    if (!subtree) return false;
    if (n === null) parts.push('\n');
    else if (n.nodeType === 1 || n.nodeType === 3 || n.nodeType === 4) parts.push(n.textContent ?? '');
    return false;
  });
  return whole ? (root.textContent ?? '') : parts.join('');
}

/**
 * The first element matching `selector` in `root` outside `threads`, in document order. A
 * selector no element matches makes the browser test every element of the page (~5 ms for an
 * attribute selector on 50,000 elements): here each subtree without a thread is queried natively
 * and the threads are never entered.
 */
export function queryOutside(root: Element, selector: string, threads: readonly Element[]): Element | null {
  let found: Element | null = null;
  const whole = walkOutside(root, threads, (n, subtree) => {
    if (n?.nodeType !== 1) return false;
    const el = n as Element;
    found = el.matches(selector) ? el : subtree ? el.querySelector(selector) : null;
    return found !== null;
  });
  return whole ? root.querySelector(selector) : found;
}

/**
 * Every element matching `selector` in `root` outside `threads`, in document order: the subtrees
 * without a thread are queried natively, the threads never entered. A page's first look-up of a
 * class walks the whole page (Chromium caches the collection only afterwards): twelve share-widget
 * classes cost 15–55 ms on a cold 50,000-element page, nearly all of it inside the thread.
 */
export function queryAllOutside(root: Element, selector: string, threads: readonly Element[]): Element[] {
  const out: Element[] = [];
  const whole = walkOutside(root, threads, (n, subtree) => {
    if (n?.nodeType !== 1) return false;
    const el = n as Element;
    if (el.matches(selector)) out.push(el);
    if (subtree) for (const inner of el.querySelectorAll(selector)) out.push(inner);
    return false;
  });
  return whole ? [...root.querySelectorAll(selector)] : out;
}

/**
 * Hands `visit` the largest subtrees of `root` that hold no thread (`subtree` true), in document
 * order, null where a thread is left out, and each thread's ancestors on their own (`subtree`
 * false: their other children follow); stops when `visit` returns true. Returns true without a
 * call when no thread is inside `root` (the caller reads `root` itself in one native call).
 */
function walkOutside(root: Element, threads: readonly Element[], visit: (n: Node | null, subtree: boolean) => boolean): boolean {
  const inside = threads.filter((t) => t !== root && root.contains(t));
  if (inside.length === 0) return true;
  const skip = new Set<Node>(inside);
  const above = new Set<Node>();
  for (const t of inside) for (let n = t.parentNode; n && n !== root && !above.has(n); n = n.parentNode) above.add(n);
  const walk = (el: Node): boolean => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (skip.has(c) ? visit(null, true) : above.has(c) ? visit(c, false) || walk(c) : visit(c, true)) return true;
    }
    return false;
  };
  walk(root);
  return false;
}
