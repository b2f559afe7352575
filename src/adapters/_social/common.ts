import type { Adapter } from '../adapter';
import { mergeInto } from '../../contract/merge';
import { squash } from '../dom';
import type { PageKind, PageModel, Platform, SocialSection } from '../../contract';

/** Shared plumbing of the social adapters: knows no network's markup, never judges. */

export { dedupePosts, emptySocial } from '../../contract/merge';

// Also used by the content script's cheap gate (src/adapters/gates.ts): they live in markers.ts.
export { hostMatches, metaContent } from './markers';

export function langOf(doc: Document): string | undefined {
  return doc.documentElement.getAttribute('lang') || undefined;
}

/**
 * How many posts a timeline adapter parses in full: the newest ones, on a profile the first in DOM
 * order. The rules' statistics need a few dozen to a few hundred posts (repeated-links and
 * same-message-everywhere compare texts and links across posts, machine-cadence wants 12+ timed
 * gaps, reply share and sales focus are shares of the timeline), and a consultant judges an
 * account by what it posts now, not what it posted 1,000 posts ago. Parsing every post made the
 * audit grow with the timeline: an X profile scrolled to 1,300 posts (50,000 elements) took 43 ms,
 * 6.7x the bare DOM walk, and each re-audit re-judged every post (75 ms at 200,000 elements).
 * Measured on that page: a post costs ~40 µs to parse and judge, so 200 / 250 / 300 posts gave
 * 1.4x / 1.7x / 1.7x the walk (noisy machine; ~2 ms per 50 posts): 250 keeps the audit well under
 * 3x the walk with room for heavier real markup, and gives the shares ten times the posts the
 * strictest minimum (no-sharing-others' 20) asks for. Posts beyond are only counted by id
 * (`SocialSection.postsSeen`).
 */
export const MAX_POSTS = 250;

/** What one extraction may read: the posts a model already holds, and how many more in full. */
export interface Intake {
  /** ids of posts the model already holds: extractMore skips them */
  readonly known: ReadonlySet<string>;
  /** how many posts this extraction may still parse in full (MAX_POSTS minus the model's) */
  readonly room: number;
  /** ids of the posts shown beyond `room`, counted but not parsed: the adapter fills it */
  readonly beyond: Set<string>;
  /** set on extractMore at the cap: the last post element the previous extraction listed */
  readonly after?: Element;
  /** the last post element this extraction listed (`postElements` sets it) */
  last?: Element;
}

/** Counts `elements[from…]` into `intake.beyond` by their cheaply read id: no text, link or count parsing. */
export function countRest(
  elements: ArrayLike<Element>,
  from: number,
  idOf: (el: Element) => string | null | undefined,
  intake: Intake,
): void {
  for (let i = from; i < elements.length; i++) {
    const id = idOf(elements[i]);
    if (id) intake.beyond.add(id);
  }
}

/**
 * The post elements (`selector`) in `scope`, in DOM order; `topLevel` drops matches inside an
 * earlier match (a quoted post rendered as a post of its own markup). On extractMore at the cap
 * only the posts after the last one listed before: they are all a model at the cap can still
 * count (appended while scrolling), and listing the whole timeline again cost 12 ms of a 200k
 * re-audit. A timeline re-rendered since (the last post gone) is listed in full. Posts a page
 * inserts above the last one after the cap (X's "show new posts") are not counted then.
 */
export function postElements(scope: ParentNode, selector: string, intake: Intake, topLevel = false): Element[] {
  const after = intake.after;
  const all = after?.isConnected && scope.contains(after) ? following(scope, after, selector) : scope.querySelectorAll(selector);
  let list: Element[];
  if (!topLevel) list = [...all];
  else {
    // In DOM order a nested match follows the match it sits in, with only its own relatives between:
    // comparing with the last kept one replaces a `closest` walk to the root per post.
    list = [];
    let outer: Element | undefined;
    for (const el of all) {
      if (outer?.contains(el)) continue;
      outer = el;
      list.push(el);
    }
  }
  intake.last = list.at(-1) ?? after;
  return list;
}

/** The matches of `selector` after `node` in `scope` in DOM order, outside `node` itself. */
function following(scope: ParentNode, node: Element, selector: string): Element[] {
  const out: Element[] = [];
  for (let n: Element | null = node; n && n !== scope; n = n.parentElement) {
    for (let sib = n.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (sib.matches(selector)) out.push(sib);
      for (const el of sib.querySelectorAll(selector)) out.push(el);
    }
  }
  return out;
}

/**
 * What an extraction chain of one page has seen, kept beside the model rather than in it (the
 * model is stored and sent): every distinct post id, parsed or only counted, so the next
 * extractMore can tell which appended posts are new to the count, and the last post element listed.
 */
interface Seen {
  ids: Set<string>;
  last?: Element;
}
const seenOf = new WeakMap<PageModel, Seen>();

/** Sets `postsSeen` when the page showed more posts than the model keeps, and remembers what was seen. */
function withSeen(model: PageModel, ids: Set<string>, last: Element | undefined, floor = 0): PageModel {
  const social = model.social;
  if (!social) return model;
  const mainId = social.mainPost?.id;
  if (mainId) ids.delete(mainId);
  seenOf.set(model, { ids, last });
  const count = Math.max(ids.size, floor);
  if (count > social.posts.length) social.postsSeen = count;
  return model;
}

/**
 * `extract` and `extractMore` for a timeline adapter whose `extractWith(doc, url, intake)` lists
 * its posts with `postElements`, parses in full only those whose id is not in `intake.known`, at
 * most `intake.room` of them, and counts the rest into `intake.beyond`: a new URL starts afresh,
 * more of the same page merges. A model at MAX_POSTS parses nothing more; appended posts only
 * raise `postsSeen`.
 */
export function incremental(
  extractWith: (doc: Document, url: URL, intake: Intake) => PageModel,
): Pick<Adapter, 'extract' | 'extractMore'> {
  const fresh = (doc: Document, url: URL): PageModel => {
    const intake: Intake = { known: new Set(), room: MAX_POSTS, beyond: new Set() };
    const model = extractWith(doc, url, intake);
    const ids = new Set(intake.beyond);
    for (const p of model.social?.posts ?? []) ids.add(p.id);
    return withSeen(model, ids, intake.last);
  };
  return {
    extract: fresh,
    extractMore(doc, url, previous) {
      if (previous.url !== url.href) return fresh(doc, url);
      const posts = previous.social?.posts ?? [];
      const known = new Set(posts.map((p) => p.id));
      const seen = seenOf.get(previous);
      const room = Math.max(0, MAX_POSTS - posts.length);
      // Below the cap every post is listed: one not read yet may sit anywhere in a virtualised list.
      const intake: Intake = { known, room, beyond: new Set(), after: room === 0 ? seen?.last : undefined };
      const merged = mergeInto(previous, extractWith(doc, url, intake));
      // A model that crossed a copy (structured clone) lost its side set: its own posts restart it.
      const ids = new Set(seen?.ids ?? known);
      for (const id of intake.beyond) ids.add(id);
      for (const p of merged.social?.posts ?? []) ids.add(p.id);
      return withSeen(merged, ids, intake.last, previous.social?.postsSeen ?? 0);
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
/** An absolute link to a shortener in TRACKING_HOSTS, its host in group 1. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: C0 controls and space are what the URL parser strips
const SHORTENED = /^[\x00-\x20]*https?:\/\/(t\.co)(?:[/?#]|$)/i;

/**
 * Outbound links of a post. Link shorteners that wrap every link anew (X's t.co) make the same
 * target look different in every post, so for those the shown URL text is used instead.
 */
export function outboundUrls(container: Element, pageHost: string, skip?: Element | null): string[] {
  const urls: string[] = [];
  for (const a of container.querySelectorAll('a[href]')) {
    if (skip?.contains(a)) continue;
    const raw = a.getAttribute('href') ?? '';
    // Most links in a post are the network's own (hashtags, mentions: relative) or its shortener
    // (https://t.co/…): told apart by their text, without a URL object each (a fifth of an X
    // post's parse). Leading C0/space is what the URL parser strips too, and on an https base it
    // reads a backslash as a slash (two of them start a host); tabs or newlines inside, which it
    // drops, take the full path.
    const plain = !/[\t\n\r]/.test(raw);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: C0 controls and space are what the URL parser strips
    if (plain && !/^[\x00-\x20]*(?:[a-z][a-z\d+.-]*:|[/\\]{2})/i.test(raw)) continue;
    const shortened = plain ? SHORTENED.exec(raw) : null;
    let host: string;
    let href: URL | null = null;
    if (shortened) host = shortened[1].toLowerCase();
    else {
      try {
        href = new URL(raw, `https://${pageHost}/`);
      } catch {
        continue;
      }
      if (!/^https?:$/.test(href.protocol)) continue;
      host = href.hostname.replace(/^www\./, '');
      if (host === pageHost.replace(/^www\./, '')) continue;
    }
    if (TRACKING_HOSTS.has(host)) {
      const shown = squash(a.textContent).replace(/…$/, '');
      if (/^(https?:\/\/)?[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(shown)) urls.push(/^https?:/.test(shown) ? shown : `https://${shown}`);
      continue;
    }
    if (href) urls.push(href.href);
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
