import { decodeEntities } from '../lib/entities';

/**
 * Plain text and links out of the HTML that APIs and feeds hand back (WordPress's
 * `content.rendered`, Mastodon's `content`, RSS `<description>`). String work only: the owner
 * audit also runs where there is no DOMParser, and this text is never rendered as HTML.
 */

/** Texts the report keeps per post or comment: evidence excerpts are at most 200 characters (DESIGN.md). */
export const EXCERPT_CHARS = 200;

/** The visible text of an HTML fragment, whitespace collapsed. */
export function textOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<br\s*\/?>|<\/p>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

export function excerpt(text: string, max = EXCERPT_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Absolute http(s) hrefs of the fragment's links, resolved against `base`. */
export function hrefsOf(html: string, base: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    try {
      const url = new URL(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''), base);
      if (url.protocol === 'http:' || url.protocol === 'https:') out.push(url.href);
    } catch {
      // not a URL: skipped
    }
  }
  return out;
}

/** The links that leave the site (the owner's own navigation and tag links are not "links shared"). */
export function outboundOf(urls: readonly string[], origin: string): string[] {
  const host = hostOf(origin);
  return urls.filter((u) => hostOf(u) !== host);
}

function hostOf(u: string): string {
  try {
    return new URL(u).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
