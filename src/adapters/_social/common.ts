import type { Adapter } from '../adapter';
import { squash } from '../../lib/dom';
import type { PageKind, PageModel, Platform, SocialPost, SocialSection } from '../../model';

/** Shared plumbing of the social adapters: knows no network's markup, never judges. */

export function emptySocial(): SocialSection {
  return { followers: null, following: null, posts: [], unreadable: [] };
}

// Also used by the content script's cheap gate (src/adapters/gates.ts): they live in markers.ts.
export { hostMatches, metaContent } from './markers';

export function langOf(doc: Document): string | undefined {
  return doc.documentElement.getAttribute('lang') || undefined;
}

/**
 * Posts in first-seen order, one per id: later copies (a post rendered twice by a virtualised
 * list, or re-read by extractMore) replace nothing, so the first-seen evidence stays stable.
 */
export function dedupePosts(posts: readonly SocialPost[]): SocialPost[] {
  const seen = new Set<string>();
  const out: SocialPost[] = [];
  for (const p of posts) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push(p);
  }
  return out;
}

/** Merges freshly parsed posts and the latest header counts into an earlier model of the same page. */
export function mergeInto(previous: PageModel, fresh: PageModel): PageModel {
  const prev = previous.social ?? emptySocial();
  const next = fresh.social ?? emptySocial();
  const mainId = next.mainPost?.id ?? prev.mainPost?.id;
  const posts = dedupePosts([...prev.posts, ...next.posts]).filter((p) => p.id !== mainId);
  const social: SocialSection = {
    ...prev,
    handle: next.handle ?? prev.handle,
    name: next.name ?? prev.name,
    followers: next.followers ?? prev.followers,
    following: next.following ?? prev.following,
    postsCount: next.postsCount ?? prev.postsCount,
    mainPost: next.mainPost ?? prev.mainPost,
    posts,
    // A count unreadable at first (still rendering) that became readable is no longer unreadable.
    unreadable: [...new Set([...prev.unreadable, ...next.unreadable])].filter(
      (name) => !((name === 'followers' && next.followers !== null) || (name === 'following' && next.following !== null)),
    ),
  };
  return { ...previous, kind: fresh.kind, lang: fresh.lang ?? previous.lang, social };
}

/**
 * `extract` and `extractMore` for a timeline adapter whose `extractWith(doc, url, known)` parses
 * only posts whose id is not in `known`: a new URL starts afresh, more of the same page merges.
 */
export function incremental(
  extractWith: (doc: Document, url: URL, known: Set<string>) => PageModel,
): Pick<Adapter, 'extract' | 'extractMore'> {
  return {
    extract: (doc, url) => extractWith(doc, url, new Set()),
    extractMore(doc, url, previous) {
      if (previous.url !== url.href) return extractWith(doc, url, new Set());
      return mergeInto(previous, extractWith(doc, url, new Set(previous.social?.posts.map((p) => p.id) ?? [])));
    },
  };
}

export function modelOf(
  url: URL,
  platform: Platform,
  kind: PageKind,
  social: SocialSection | undefined,
  lang?: string,
): PageModel {
  return kind === 'other' ? { url: url.href, kind, platform, lang } : { url: url.href, kind, platform, lang, social };
}

const TRACKING_HOSTS = new Set(['t.co']);

/**
 * Outbound links of a post. Link shorteners that wrap every link anew (X's t.co) make the same
 * target look different in every post, so for those the shown URL text is used instead.
 */
export function outboundUrls(container: Element, pageHost: string, skip?: Element | null): string[] {
  const urls: string[] = [];
  for (const a of container.querySelectorAll('a[href]')) {
    if (skip?.contains(a)) continue;
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
    if (TRACKING_HOSTS.has(host)) {
      const shown = squash(a.textContent).replace(/…$/, '');
      if (/^(https?:\/\/)?[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(shown)) urls.push(/^https?:/.test(shown) ? shown : `https://${shown}`);
      continue;
    }
    urls.push(href.href);
  }
  return [...new Set(urls)];
}

/** An ISO 8601 string for a machine-readable date (`datetime`), or undefined when it is not one. */
export function isoTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isFinite(t) && Math.abs(t) <= 8.64e15 ? new Date(t).toISOString() : undefined;
}

/** A date string the platform printed (tooltip/aria-label) as ISO, or undefined. */
export function isoOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const direct = isoTime(value);
  if (direct) return direct;
  // "January 5, 2025 at 3:04 PM" (Bluesky's tooltip): Date.parse does not know " at ".
  const en = isoTime(value.replace(/\s+at\s+/i, ' ').replace(/\u202f/g, ' '));
  if (en) return en;
  const de = /(\d{1,2})\.\s*([A-Za-zäÄ]+)\.?\s+(\d{4})(?:\s+um\s+(\d{1,2}):(\d{2}))?/.exec(value);
  if (!de) return undefined;
  const month = DE_MONTHS.findIndex((m) => de[2].toLowerCase().startsWith(m));
  if (month < 0) return undefined;
  const t = new Date(Number(de[3]), month, Number(de[1]), Number(de[4] ?? 0), Number(de[5] ?? 0)).getTime();
  return isoTime(Number.isFinite(t) ? new Date(t).toISOString() : undefined);
}

const DE_MONTHS = ['jan', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'];

/** The first `max` non-empty text nodes, one by one: adjacent spans must not run together. */
export function leadingTexts(el: Element, max = Number.POSITIVE_INFINITY): string[] {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n && parts.length < max; n = walker.nextNode()) {
    const t = squash(n.nodeValue);
    if (t) parts.push(t);
  }
  return parts;
}
