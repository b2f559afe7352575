/**
 * Small DOM helpers shared by the blog adapters. All of them read `textContent` / attributes only:
 * `innerText` would force a layout on every call, and a full audit has a 10 ms budget.
 */

export function attr(el: Element | null | undefined, name: string): string {
  return el?.getAttribute(name)?.trim() ?? '';
}

export function meta(doc: Document, selector: string): string {
  return attr((doc.head ?? doc).querySelector(selector), 'content');
}

const DEPTH = /(?:^|\s)depth-(\d+)(?:\s|$)/;

/** WordPress's `depth-N` class (one regex on the class string: iterating classList is slower). */
export function depthClass(el: Element): number | null {
  const m = DEPTH.exec(el.getAttribute('class') ?? '');
  return m ? Number(m[1]) : null;
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/**
 * The element's text without script/style contents and without the subtrees `skip` rejects
 * (nested replies, reply links, …). Words in adjacent blocks stay apart.
 */
export function textOf(root: Element, skip?: (el: Element) => boolean, max = Number.POSITIVE_INFINITY): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (el: Element): boolean => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const t = n.nodeValue ?? '';
        parts.push(t);
        length += t.length;
        if (length >= max) return false;
      } else if (n.nodeType === 1) {
        const child = n as Element;
        if (SKIP_TEXT.has(child.localName) || skip?.(child)) continue;
        const block = BLOCK.has(child.localName);
        if (block) parts.push(' ');
        if (!walk(child)) return false;
        if (block) parts.push(' ');
      }
    }
    return true;
  };
  walk(root);
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  return text.length > max ? text.slice(0, max) : text;
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'section',
  'td',
  'tr',
  'dd',
  'dt',
  'pre',
]);

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
