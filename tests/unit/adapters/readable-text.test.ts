import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readableText, type TextSkip } from '../../../src/adapters/dom';

/**
 * readableText reads a subtree with no block, script or skippable element in one `textContent`
 * (src/adapters/dom.ts). Whatever the markup, that must read the same words as visiting every
 * node: this is the node-by-node reading it replaced, kept here as the reference.
 */
const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'br', 'h2', 'td', 'tr', 'table', 'section', 'option', 'select']);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'textarea']);

function referenceText(root: Element, skip?: TextSkip): string {
  const parts: string[] = [];
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
      else if (n.nodeType === 1) {
        const child = n as Element;
        if (SKIPPED.has(child.localName) || skip?.test(child)) continue;
        const block = BLOCKS.has(child.localName);
        if (block) parts.push(' ');
        walk(child);
        if (block) parts.push(' ');
      }
    }
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

// inline and block tags, left-out tags, and classes a skip may reject
const TAGS = ['span', 'b', 'a', 'em', 'p', 'div', 'li', 'br', 'h2', 'script', 'style', 'template', 'svg', 'textarea'];
const CLASSES = ['', 'reply', 'avatar', 'comment', 'note', 'comment-meta'];
const WORDS = ['Hallo', 'Welt', 'für', 'Sie', '0900', ' ', '\n  ', 'und', 'the', ''];

interface Tree {
  tag: string;
  cls: string;
  kids: (Tree | string)[];
}
const { tree } = fc.letrec<{ tree: Tree; node: Tree | string }>((tie) => ({
  tree: fc.record({
    tag: fc.constantFrom(...TAGS),
    cls: fc.constantFrom(...CLASSES),
    kids: fc.array(tie('node'), { maxLength: 4 }),
  }),
  node: fc.oneof({ depthSize: 'small' }, fc.constantFrom(...WORDS), tie('tree')),
}));

function html(t: Tree | string): string {
  if (typeof t === 'string') return t.replace(/[<&]/g, '');
  if (t.tag === 'br') return '<br>';
  return `<${t.tag}${t.cls ? ` class="${t.cls}"` : ''}>${t.kids.map(html).join('')}</${t.tag}>`;
}

const SKIP_REPLIES: TextSkip = {
  test: (el) => /(?:^|\s)(?:reply|avatar|comment-meta)(?:\s|$)/.test(el.getAttribute('class') ?? ''),
  selector: '.reply, .avatar, .comment-meta',
};

describe('readableText', () => {
  it('reads the same words as a node-by-node walk, with and without a skip', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), (kids) => {
        document.body.innerHTML = `<div id="root">${kids.map(html).join('')}</div>`;
        const root = document.getElementById('root') as Element;
        expect(readableText(root)).toBe(referenceText(root));
        expect(readableText(root, SKIP_REPLIES)).toBe(referenceText(root, SKIP_REPLIES));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a paragraph of inline markup in one call and still leaves a skipped part out', () => {
    document.body.innerHTML =
      '<div id="c"><p>Danke <b>für</b> den <a href="#">Beitrag</a>!</p><p>Gruß<span class="reply">Antworten</span></p></div>';
    const root = document.getElementById('c') as Element;
    expect(readableText(root, SKIP_REPLIES)).toBe('Danke für den Beitrag! Gruß');
  });
});
