// Where a saved page came from: the URL it is served as in `npm run audit`, so adapters see the
// page's real host (same-site links, wordpress.com vs self-hosted, x.com, …).
// Parsed with regular expressions on purpose: the CLI runs in Node without a DOM, and only
// two tags in the <head> matter.

import { decodeEntities } from '../../src/lib/entities.ts';

const TAG = /<(link|meta)\b([^>]*)>/gi;
const ATTR = /([^\s=/"'<>]+)\s*(?:=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function attributesOf(attrText: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of attrText.matchAll(ATTR)) {
    const name = m[1].toLowerCase();
    if (name in attrs) continue; // HTML: the first occurrence of an attribute wins
    attrs[name] = decodeEntities(m[3] ?? m[4] ?? m[5] ?? '');
  }
  return attrs;
}

function absoluteHttp(value: string): string | null {
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Strip comments, scripts and styles so a URL quoted inside them is never taken for the page's. */
function withoutInertText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '');
}

/**
 * The page's own URL as the page states it: `<link rel=canonical>` first, then `og:url`.
 * Relative or non-http values are ignored (a relative canonical has nothing to resolve against).
 */
export function statedUrlOf(html: string): { url: string; source: 'canonical' | 'og:url' } | null {
  const text = withoutInertText(html);
  let og: { url: string; source: 'og:url' } | null = null;
  for (const m of text.matchAll(TAG)) {
    const attrs = attributesOf(m[2]);
    if (m[1].toLowerCase() === 'link') {
      const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
      const href = attrs.href && absoluteHttp(attrs.href);
      if (rel.includes('canonical') && href) return { url: href, source: 'canonical' };
    } else if (!og) {
      const prop = (attrs.property ?? attrs.name ?? '').toLowerCase();
      const content = attrs.content && absoluteHttp(attrs.content);
      if (prop === 'og:url' && content) og = { url: content, source: 'og:url' };
    }
  }
  return og;
}

export type UrlSource = 'option' | 'canonical' | 'og:url' | 'singlefile' | 'saved-from' | 'local';

/**
 * What the tool that saved the page wrote about it, in the comments it puts at the top:
 * SingleFile (gildas-lormeau/SingleFile, COMMENT_HEADER) writes, as the first child of <html>,
 *   <!--
 *    Page saved with SingleFile
 *    url: https://example.org/post/
 *    saved date: Wed Sep 24 2026 10:11:12 GMT+0200 (Mitteleuropäische Sommerzeit)
 *   -->
 * (the date is JavaScript's Date#toString in the saver's time zone); Chrome's and Internet
 * Explorer's "Save page as" write `<!-- saved from url=(0045)https://example.org/post/ -->` (the
 * number is the URL's length), which has no date. Only the first 64 KiB are read: both comments
 * sit at the very top.
 */
export function saveCommentOf(
  html: string,
): { url: string | null; saved: number | null; source: 'singlefile' | 'saved-from' } | null {
  const head = html.slice(0, 65_536);
  for (const m of head.matchAll(/<!--([\s\S]*?)-->/g)) {
    const text = m[1];
    if (/^\s*(Page saved with SingleFile|Archive processed by SingleFile)/.test(text)) {
      const url = /^\s*url:\s*(\S+)/m.exec(text)?.[1] ?? null;
      const date = /^\s*saved date:\s*(.+?)\s*$/m.exec(text)?.[1] ?? null;
      const saved = date ? Date.parse(date.replace(/\s*\([^)]*\)\s*$/, '')) : Number.NaN;
      return { url: url && absoluteHttp(url), saved: Number.isFinite(saved) ? saved : null, source: 'singlefile' };
    }
    const from = /^\s*saved from url=\(\d+\)(\S+)/i.exec(text);
    if (from) return { url: absoluteHttp(from[1]), saved: null, source: 'saved-from' };
  }
  return null;
}

/** Stand-in origin for a saved page that does not say where it came from. */
export const LOCAL_ORIGIN = 'http://localhost';

/**
 * The URL a saved file is served as: --url, else canonical, else og:url, else the URL the saving
 * tool wrote in its comment, else a localhost URL named after the file.
 */
export function originalUrlOf(
  html: string,
  { url = null, fileName = 'page.html' }: { url?: string | null; fileName?: string } = {},
): { url: string; source: UrlSource } {
  if (url) return { url: new URL(url).href, source: 'option' };
  const stated = statedUrlOf(html);
  if (stated) return stated;
  const saved = saveCommentOf(html);
  if (saved?.url) return { url: saved.url, source: saved.source };
  const base = fileName.split(/[\\/]/).pop() || 'page.html';
  return { url: `${LOCAL_ORIGIN}/${encodeURIComponent(base)}`, source: 'local' };
}

/**
 * The charset a saved page declares in its first 1024 bytes (where browsers look for it), or null.
 * Served with that charset's meta intact, the browser decodes the bytes as the site meant.
 */
export function declaredCharsetOf(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/** text/html with the charset the page declares, else UTF-8 when the bytes are UTF-8, else windows-1252. */
export function htmlContentType(bytes: Uint8Array): string {
  const declared = declaredCharsetOf(bytes);
  if (declared) return `text/html; charset=${declared}`;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/html; charset=utf-8';
  } catch {
    // What browsers assume for an undeclared legacy page in Western locales.
    return 'text/html; charset=windows-1252';
  }
}
