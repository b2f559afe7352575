import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outboundUrls } from '../../../src/adapters/_social/common';
import { squash } from '../../../src/adapters/dom';

/**
 * outboundUrls skips the URL object for relative links and for t.co by reading the href's text.
 * This is the full-parse reading it replaced: both must agree on any href, hostile ones included.
 */
function reference(container: Element, pageHost: string): string[] {
  const urls: string[] = [];
  for (const a of container.querySelectorAll('a[href]')) {
    const raw = a.getAttribute('href') ?? '';
    let href: URL;
    try {
      href = new URL(raw, `https://${pageHost}/`);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(href.protocol)) continue;
    const host = href.hostname.replace(/^www\./, '');
    if (host === pageHost.replace(/^www\./, '')) continue;
    if (host === 't.co') {
      const shown = squash(a.textContent).replace(/…$/, '');
      if (/^(https?:\/\/)?[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(shown)) urls.push(/^https?:/.test(shown) ? shown : `https://${shown}`);
      continue;
    }
    urls.push(href.href);
  }
  return [...new Set(urls)];
}

const piece = fc.constantFrom(
  'https://t.co/',
  'HTTPS://T.CO/',
  'http://t.co',
  '//t.co/x',
  // the URL parser reads backslashes as slashes on an https base: "\\&" is the host "&"
  '\\\\',
  '/\\t.co/',
  'https://t.co.evil.example/',
  'https://t.co:443/',
  'https://x.com/',
  'https://www.x.com/a',
  '/hashtag/',
  '#top',
  '?q=1',
  'javascript:',
  'java\tscript:',
  'ht\ntps://t.co/',
  ' https://t.co/',
  '\u00a0https://t.co/',
  '\u0000https://example.org/',
  'mailto:a@b.c',
  'c:',
  'https://example.org/path',
  'http://[bad',
  'abc',
  '',
);
const href = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 3 }).map((parts) => parts.join(''));
const shown = fc.constantFrom('example.org/article', 'https://news.example/x…', 'pic.x.com/abc', '#Hashtag', '@someone', '');

describe('outboundUrls', () => {
  it('agrees with a full URL parse of every link, on any href', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(href, shown), { maxLength: 5 }),
        fc.constantFrom('x.com', 'www.x.com', 'mastodon.social'),
        (links, host) => {
          const root = document.createElement('div');
          for (const [h, text] of links) {
            const a = document.createElement('a');
            a.setAttribute('href', h);
            a.textContent = text;
            root.append(a);
          }
          expect(outboundUrls(root, host)).toEqual(reference(root, host));
        },
      ),
      { numRuns: 500 },
    );
  });
});
