import { decodeEntities } from '../lib/entities';

/**
 * Just enough XML for RSS 2.0 and Atom feeds: the `<item>`/`<entry>` blocks and their child
 * elements' text (CDATA kept verbatim, entities decoded). String work, so it runs wherever the
 * owner audit runs; anything that is not a feed gives no items, which the caller reports.
 */
export function blocks(xml: string, tag: string): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}\\s*>`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1]);
}

/** The text of the first `<tag>` child (namespaced names like `slash:comments` as written). */
export function child(block: string, tag: string): string | undefined {
  const re = new RegExp(`<${tag.replace(/[.:]/g, '\\$&')}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag.replace(/[.:]/g, '\\$&')}\\s*>)`);
  const m = re.exec(block);
  if (!m) return undefined;
  const inner = m[1] ?? '';
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(inner);
  return cdata ? cdata[1] : decodeEntities(inner.trim());
}

export function isFeed(xml: string): boolean {
  return /<rss\b|<feed\b|<rdf:RDF\b/.test(xml.slice(0, 2000));
}
