import { parseCount } from '../_social/counts';
import { evidenceOf, type SiblingIndex, siblingIndex, squash } from '../dom';
import type { PageKind, PageModel, SocialPost } from '../../contract';
import {
  countRest,
  emptySocial,
  hostMatches,
  type Intake,
  incremental,
  isoOf,
  langOf,
  leadingTexts,
  modelOf,
  outboundUrls,
  postElements,
} from '../_social/common';
import { BLUESKY_HOSTS, BLUESKY_SAVED, BLUESKY_SAVED_SIGNS, mayBeSavedFrom } from '../_social/markers';
import type { Adapter } from '../adapter';

/**
 * Bluesky (bsky.app, React Native Web with `data-testid`s): feed items
 * `[data-testid^="feedItem-by-"]`, thread items `[data-testid^="postThreadItem-by-"]`, the text in
 * `postText`, counts in `replyBtn` / `repostCount` / `likeCount` (abbreviated: "1.2K"), the header's
 * `profileHeaderFollowersButton` / `profileHeaderFollowsButton`, and the time only in the post
 * link's tooltip / aria-label ("January 5, 2025 at 3:04 PM", German "5. Jan. 2025 um 15:04").
 */

const HOSTS = BLUESKY_HOSTS;
const ITEM = '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]';
const REPOSTED = /^(reposted by|repostet von|geteilt von)/i;
const PINNED = /^(pinned|angeheftet)/i;
const REPLY_TO = /^(reply to|replied to|antwort an)/i;

function kindOf(url: URL, doc: Document): { kind: PageKind; handle?: string; rkey?: string } {
  if (!hostMatches(url, HOSTS)) {
    // A saved copy served elsewhere: the header says profile, a thread says post.
    if (doc.querySelector('[data-testid="profileHeaderFollowersButton"]')) return { kind: 'profile' };
    const first = doc.querySelector('[data-testid^="postThreadItem-by-"] a[href*="/post/"]')?.getAttribute('href') ?? '';
    const m = /\/profile\/([^/]+)\/post\/(\w+)/.exec(first);
    return m ? { kind: 'post', handle: m[1], rkey: m[2] } : { kind: 'other' };
  }
  const [first, handle, third, rkey] = url.pathname.split('/').filter(Boolean);
  if (first !== 'profile' || !handle) return { kind: 'other' };
  if (third === 'post' && rkey) return { kind: 'post', handle, rkey };
  return third ? { kind: 'other' } : { kind: 'profile', handle };
}

function countIn(item: Element, testids: string[]): number | null {
  for (const id of testids) {
    const el = item.querySelector(`[data-testid="${id}"]`);
    if (!el) continue;
    // The buttons' aria-labels carry numbers only in some versions ("Like (12 likes)").
    const label = el.getAttribute('aria-label') ?? '';
    const text = squash(el.textContent);
    if (/\d/.test(text)) return parseCount(text);
    if (/\d/.test(label)) return parseCount(label.replace(/^\D+/, ''));
    return 0;
  }
  return null;
}

/** The item's own post link: the one with the time tooltip, else the first post link. */
function postLinkOf(item: Element): { link: Element | undefined; m: RegExpExecArray | null } {
  const links = item.querySelectorAll('a[href*="/post/"]');
  let link: Element | undefined;
  for (const a of links) {
    if (a.hasAttribute('data-tooltip') || a.getAttribute('aria-label')) {
      link = a;
      break;
    }
  }
  const href = (link ?? links[0])?.getAttribute('href') ?? '';
  return { link, m: /\/profile\/([^/]+)\/post\/([\w]+)/.exec(href) };
}

function itemId(item: Element): string | undefined {
  return postLinkOf(item).m?.[2];
}

function parseItem(item: Element, host: string, paths: SiblingIndex): SocialPost | null {
  const { link, m } = postLinkOf(item);
  if (!m) return null;
  const textEl = item.querySelector('[data-testid="postText"]');
  // The context lines ("Reposted by …", "Pinned", "Reply to …") sit above the text, among the first text nodes.
  const texts = leadingTexts(item, 25);
  const context = texts.find((t) => REPOSTED.test(t) || PINNED.test(t)) ?? '';
  return {
    id: m[2],
    time: isoOf(link?.getAttribute('data-tooltip') ?? link?.getAttribute('aria-label') ?? link?.getAttribute('title')),
    text: squash(textEl?.textContent),
    urls: textEl ? outboundUrls(textEl, host) : [],
    replies: countIn(item, ['replyCount', 'replyBtn']),
    reposts: countIn(item, ['repostCount', 'repostBtn']),
    likes: countIn(item, ['likeCount', 'likeBtn']),
    isReply: texts.some((t) => REPLY_TO.test(t)),
    isRepost: REPOSTED.test(context),
    isQuote: item.querySelector('[data-testid="quoteEmbed"], [aria-label*="quote" i] [data-testid="postText"]') !== null,
    isPinned: PINNED.test(context),
    isPromoted: false,
    author: m[1],
    evidence: evidenceOf(textEl ?? item, undefined, paths),
  };
}

function extractWith(doc: Document, url: URL, intake: Intake): PageModel {
  const { kind, handle, rkey } = kindOf(url, doc);
  const social = emptySocial();
  social.handle = handle;
  if (kind === 'profile') {
    for (const [name, id] of [
      ['followers', 'profileHeaderFollowersButton'],
      ['following', 'profileHeaderFollowsButton'],
    ] as const) {
      const el = doc.querySelector(`[data-testid="${id}"]`);
      if (!el) continue;
      const n = parseCount(el.textContent);
      if (n === null) social.unreadable.push(name);
      else social[name] = n;
    }
    social.name = squash(doc.querySelector('[data-testid="profileHeaderDisplayName"]')?.textContent) || undefined;
  }
  const paths = siblingIndex();
  // One id set instead of `posts.some` per item: a long feed made that quadratic.
  const listed = new Set<string>();
  const items = postElements(doc, ITEM, intake);
  for (let i = 0; i < items.length; i++) {
    // The newest MAX_POSTS in full, the rest only counted; a thread's focused post comes first.
    if (social.posts.length >= intake.room) {
      countRest(items, i, itemId, intake);
      break;
    }
    const item = items[i];
    // Known posts are skipped before the full parse (the focused post is re-read for fresh counts).
    const id = itemId(item);
    if (!id || (intake.known.has(id) && id !== rkey)) continue;
    const post = parseItem(item, url.hostname, paths);
    if (!post) continue;
    if (kind === 'post' && post.id === rkey && !social.mainPost) social.mainPost = post;
    else if (!listed.has(post.id)) {
      listed.add(post.id);
      // Under the focused post of a thread, everything is a reply in its conversation.
      if (kind === 'post' && social.mainPost) post.isReply = true;
      social.posts.push(post);
    }
  }
  return modelOf(url, 'bluesky', kind, social, langOf(doc));
}

const bluesky: Adapter = {
  id: 'bluesky',
  priority: 50,
  detect(doc, url) {
    if (hostMatches(url, HOSTS)) return 1;
    // The prefix selector walks the whole page: only where the head says Bluesky (or nothing).
    return mayBeSavedFrom(doc, BLUESKY_SAVED_SIGNS) && doc.querySelector(BLUESKY_SAVED) ? 0.6 : 0;
  },
  ...incremental(extractWith),
};

export default bluesky;
