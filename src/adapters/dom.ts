import type { Evidence } from '../contract';
import { EXCERPT_MAX, excerpt, squash } from '../contract/excerpt';

export { EXCERPT_MAX, excerpt, squash };

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'textarea']);

/**
 * Elements a reader sees as a break between words: blocks, line breaks, table cells, the options
 * of a select. `textContent` runs their texts together ("Bitte wählen<br>Suchmaschine" reads
 * "Bitte wählenSuchmaschine", `<p>für Sie da:</p><p>0900 …</p>` reads "für Sie da:0900 …").
 */
const BREAKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'optgroup',
  'option',
  'p',
  'pre',
  'section',
  'select',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * Subtrees `readableText` leaves out besides script and style: `test` says which element is left
 * out, `selector` matches at least every element `test` accepts (a superset is fine: a subtree
 * that holds a match is walked node by node, one without is read in one native call).
 */
export interface TextSkip {
  test(el: Element): boolean;
  selector: string;
}

/** Per `TextSkip` (and without one), the selector of what makes a subtree more than its `textContent`. */
let notPlain: WeakMap<TextSkip, string> | undefined;
let plainSelector: string | undefined;

/**
 * The element's text as a reader sees its words: whitespace squashed, a space wherever a block or
 * line break separates two texts, without script/style contents and the subtrees `skip` rejects
 * (nested replies, reply links, …). Reads no `innerText`, which would force a layout. A subtree
 * with no block, no script and nothing `skip` may reject inside is read with one `textContent`:
 * in a content script every node JavaScript touches gets a wrapper of its own, and a walk over
 * every text node of a post cost more than the rest of its reading. With a `max`, the walk stops
 * once `max` characters are collected, so an excerpt of a long element stays cheap.
 */
export function readableText(root: Element, skip?: TextSkip, max = Number.POSITIVE_INFINITY): string {
  const parts: string[] = [];
  let length = 0;
  // made on first use: a module-level value would ship to the entry, which imports this file's neighbours
  plainSelector ??= [...SKIP_TEXT, ...BREAKS].join(',');
  let plain = plainSelector;
  if (skip) {
    notPlain ??= new WeakMap();
    plain = notPlain.get(skip) ?? `${plainSelector},${skip.selector}`;
    notPlain.set(skip, plain);
  }
  // a whole text (no cap) needs no running length: one squash at the end, not one per text node
  const bounded = max !== Number.POSITIVE_INFINITY;
  const add = (t: string): boolean => {
    parts.push(t);
    if (!bounded) return true;
    // squashed length, so indentation in the markup does not end the text early
    length += t.replace(/\s+/g, ' ').length;
    return length < max;
  };
  const walk = (el: Element): boolean => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3 || n.nodeType === 4) {
        if (!add(n.nodeValue ?? '')) return false;
      } else if (n.nodeType === 1) {
        const child = n as Element;
        if (SKIP_TEXT.has(child.localName) || skip?.test(child)) continue;
        const block = BREAKS.has(child.localName);
        if (block) parts.push(' ');
        if (!(child.querySelector(plain) ? walk(child) : add(child.textContent ?? ''))) return false;
        if (block) parts.push(' ');
      }
    }
    return true;
  };
  if (root.querySelector(plain)) walk(root);
  else add(root.textContent ?? '');
  const text = squash(parts.join(''));
  return text.length > max ? text.slice(0, max) : text;
}

const SIMPLE_ID = /^[A-Za-z][\w-]*$/;

/**
 * Paths for many elements of one page. nth-of-type positions are filled one parent at a time by
 * one pass over its children: a timeline keeps every post in one sibling list (X's
 * `cellInnerDiv`s), so counting previous siblings per post made a 50k-element timeline's evidence
 * paths quadratic (37 % of its audit). Ancestors' paths are kept too, so the column every post
 * shares is spelled out once. Make one per extraction and drop it with the extraction: the page
 * changes between extractions (a timeline appends and recycles cells), and positions kept past
 * that would be stale.
 */
export interface SiblingIndex {
  readonly nth: WeakMap<Element, number>;
  readonly paths: WeakMap<Element, string>;
}

export function siblingIndex(): SiblingIndex {
  return { nth: new WeakMap(), paths: new WeakMap() };
}

function nthOfType(node: Element, index: SiblingIndex | undefined): number {
  const parent = node.parentElement;
  if (!index || !parent) {
    let n = 1;
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.localName === node.localName) n++;
    }
    return n;
  }
  const known = index.nth.get(node);
  if (known !== undefined) return known;
  const seen = new Map<string, number>();
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    const n = (seen.get(child.localName) ?? 0) + 1;
    seen.set(child.localName, n);
    index.nth.set(child, n);
  }
  return index.nth.get(node) ?? 1;
}

/**
 * A CSS path that finds this element again: the nearest id-bearing ancestor, then
 * `tag:nth-of-type(n)` steps. Used for highlight-on-click, so it must be unique and stable.
 * Callers that build paths for many elements of one page pass one `siblingIndex()`.
 */
export function cssPath(el: Element, index?: SiblingIndex): string {
  // Steps bottom-up, each with its element, until the top of the path or an ancestor already known.
  const steps: string[] = [];
  const nodes: Element[] = [];
  let prefix = '';
  let node: Element | null = el;
  while (node && node.nodeType === 1) {
    const known = index?.paths.get(node);
    if (known !== undefined) {
      prefix = known;
      break;
    }
    nodes.push(node);
    const id = node.getAttribute('id');
    // getElementById is the id map (O(1)); querySelectorAll(`#id`) parsed a new selector per call,
    // ~12 µs each, 40 ms for a thread of 3,000 comments. Highlighting uses querySelector, which
    // finds the first element with the id: exactly the one getElementById returns.
    if (id && SIMPLE_ID.test(id) && node.ownerDocument.getElementById(id) === node) {
      steps.push(`#${id}`);
      break;
    }
    const tag = node.localName;
    if (tag === 'html' || tag === 'body') {
      steps.push(tag);
      if (tag === 'html') break;
      node = node.parentElement;
      continue;
    }
    steps.push(`${tag}:nth-of-type(${nthOfType(node, index)})`);
    node = node.parentElement;
  }
  let path = prefix;
  for (let i = steps.length - 1; i >= 0; i--) {
    path = path ? `${path} > ${steps[i]}` : steps[i];
    index?.paths.set(nodes[i], path);
  }
  return path;
}

export function evidenceOf(el: Element, text?: string, index?: SiblingIndex): Evidence {
  // one character past the cap, so excerpt() still sees that there was more and adds its "…"
  return { selector: cssPath(el, index), text: excerpt(text ?? readableText(el, undefined, EXCERPT_MAX + 1)) };
}
