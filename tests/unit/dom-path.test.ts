import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssPath, siblingIndex } from '../../src/adapters/dom';

/**
 * cssPath with a shared sibling index (one per extraction) must give exactly the path it gives
 * without one, and that path must find the element again: highlight-on-click depends on it.
 */

const TAGS = ['div', 'span', 'article', 'li', 'p', 'section'];

/** A random tree as a list: node i hangs under an earlier node (or the body), so lists get long and deep. */
const nodes = fc.array(
  fc.record({
    parent: fc.nat(),
    tag: fc.constantFrom(...TAGS),
    withId: fc.boolean(),
  }),
  { minLength: 1, maxLength: 80 },
);

// Unique ids: with duplicates happy-dom's getElementById and querySelector disagree on which
// element is "the" one (a browser returns the first in document order for both).
function build(list: { parent: number; tag: string; withId: boolean }[]): Document {
  const doc = new DOMParser().parseFromString('<!doctype html><html><head></head><body></body></html>', 'text/html');
  const made: Element[] = [];
  for (const [i, n] of list.entries()) {
    const el = doc.createElement(n.tag);
    if (n.withId) el.id = `n-${i}`;
    (i === 0 ? doc.body : (made[n.parent % (i + 1)] ?? doc.body)).append(el);
    made.push(el);
  }
  return doc;
}

function parse(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${body}</body></html>`, 'text/html');
}

describe('cssPath with a sibling index', () => {
  it('gives the same path as without one, and the path finds the element', () => {
    fc.assert(
      fc.property(nodes, (list) => {
        const doc = build(list);
        const index = siblingIndex();
        for (const el of doc.body.querySelectorAll('*')) {
          const path = cssPath(el, index);
          expect(path).toBe(cssPath(el));
          expect(doc.querySelector(path)).toBe(el);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('counts only siblings of the same tag, in one long list', () => {
    const doc = parse(`<main>${'<div></div><span></span>'.repeat(500)}</main>`);
    const index = siblingIndex();
    const last = doc.querySelector('main')!.lastElementChild!;
    expect(cssPath(last, index)).toBe('html > body > main:nth-of-type(1) > span:nth-of-type(500)');
    expect(cssPath(doc.querySelector('main > div:nth-of-type(250)')!, index)).toMatch(/div:nth-of-type\(250\)$/);
  });

  it('a fresh index after the page changed sees the new positions (why it lives one extraction)', () => {
    const doc = parse('<main><p>a</p><p>b</p></main>');
    const b = doc.querySelectorAll('p')[1];
    expect(cssPath(b, siblingIndex())).toMatch(/p:nth-of-type\(2\)$/);
    b.parentElement!.insertBefore(doc.createElement('p'), b);
    const path = cssPath(b, siblingIndex());
    expect(path).toMatch(/p:nth-of-type\(3\)$/);
    expect(doc.querySelector(path)).toBe(b);
  });
});
