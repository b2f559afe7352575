// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { declaredCharsetOf, htmlContentType, originalUrlOf, statedUrlOf } from '../../scripts/lib/original-url.ts';

const page = (head: string) => `<!doctype html><html><head>${head}</head><body><p>x</p></body></html>`;

describe('original URL of a saved page', () => {
  it('reads character references in attributes, and a hostile one outside Unicode does not throw', () => {
    const html = page('<link rel="canonical" href="https://canon.example/a/?x=1&AMP;y=&#x32;&amp;z=&#99999999;&#x2F;">');
    expect(statedUrlOf(html)?.url).toBe('https://canon.example/a/?x=1&y=2&z=&#99999999;/');
  });

  it('prefers --url over everything the page says', () => {
    const html = page('<link rel="canonical" href="https://canon.example/a/">');
    expect(originalUrlOf(html, { url: 'https://given.example/p?q=1' })).toEqual({
      url: 'https://given.example/p?q=1',
      source: 'option',
    });
  });

  it('takes <link rel=canonical> before og:url, whatever their order', () => {
    const html = page(
      '<meta property="og:url" content="https://og.example/b/"><link href="https://canon.example/a/" rel="canonical">',
    );
    expect(originalUrlOf(html)).toEqual({ url: 'https://canon.example/a/', source: 'canonical' });
  });

  it('falls back to og:url (property or name, any quoting)', () => {
    expect(statedUrlOf(page("<meta property='og:url' content='https://og.example/b/'>"))).toEqual({
      url: 'https://og.example/b/',
      source: 'og:url',
    });
    expect(statedUrlOf(page('<meta name=og:url content=https://og.example/c/>'))?.url).toBe('https://og.example/c/');
  });

  it('reads rel token lists and upper-case markup', () => {
    expect(statedUrlOf(page('<LINK REL="Canonical alternate" HREF="https://canon.example/up/">'))?.url).toBe(
      'https://canon.example/up/',
    );
  });

  it('decodes entities in attribute values', () => {
    expect(statedUrlOf(page('<link rel="canonical" href="https://canon.example/?p=1&amp;lang=de">'))?.url).toBe(
      'https://canon.example/?p=1&lang=de',
    );
  });

  it('ignores relative or non-http canonicals and uses og:url instead', () => {
    const html = page(
      '<link rel="canonical" href="/relative/"><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://og.example/">',
    );
    expect(originalUrlOf(html)).toEqual({ url: 'https://og.example/', source: 'og:url' });
  });

  it('does not take URLs from comments, scripts or other link types', () => {
    const html = page(
      '<!-- <link rel="canonical" href="https://comment.example/"> --><script>var s=\'<link rel="canonical" href="https://script.example/">\'</script><link rel="alternate" href="https://alt.example/">',
    );
    expect(statedUrlOf(html)).toBeNull();
  });

  it('serves a page that states nothing as a localhost URL named after the file', () => {
    expect(originalUrlOf(page(''), { fileName: '/tmp/saved pages/Mein Beitrag.html' })).toEqual({
      url: 'http://localhost/Mein%20Beitrag.html',
      source: 'local',
    });
  });

  it('finds the declared charset in the first 1024 bytes only', () => {
    expect(declaredCharsetOf(Buffer.from(page('<meta charset="ISO-8859-1">')))).toBe('iso-8859-1');
    expect(
      declaredCharsetOf(Buffer.from(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'))),
    ).toBe('windows-1252');
    expect(declaredCharsetOf(Buffer.from(`${' '.repeat(1100)}<meta charset="utf-8">`))).toBeNull();
  });

  it('serves a saved page with the charset it declares, else UTF-8 if the bytes are, else windows-1252', () => {
    expect(htmlContentType(Buffer.from(page('<meta charset="iso-8859-15">')))).toBe('text/html; charset=iso-8859-15');
    expect(htmlContentType(Buffer.from(page('<p>Grüße</p>'), 'utf8'))).toBe('text/html; charset=utf-8');
    expect(htmlContentType(Buffer.from(page('<p>Grüße</p>'), 'latin1'))).toBe('text/html; charset=windows-1252');
  });
});
