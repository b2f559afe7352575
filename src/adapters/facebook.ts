import { countBefore, parseCount } from '../lib/counts';
import { evidenceOf, type SiblingIndex, siblingIndex, squash } from '../lib/dom';
import type { PageKind, PageModel, SocialPost } from '../contract';
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
} from './_social/common';
import { FACEBOOK_HOSTS } from './_social/markers';
import type { Adapter } from './adapter';

/**
 * Facebook pages, from the "Comet" markup facebook.com serves since 2020: class names are hashed
 * and change weekly, so only ARIA and data attributes are used — feed units `div[aria-posinset]`
 * inside `div[role="main"]` (or `[role="article"]`), the message in `[data-ad-preview="message"]`
 * / `[data-ad-comet-preview="message"]`, counts in texts and aria-labels ("All reactions: 1.2K",
 * "12 comments", "3 shares"; German "Alle Reaktionen:", "12 Kommentare", "3 Mal geteilt").
 */

const HOSTS = FACEBOOK_HOSTS;
const RESERVED = new Set([
  'home.php',
  'watch',
  'marketplace',
  'groups',
  'gaming',
  'events',
  'friends',
  'messages',
  'notifications',
  'login',
  'login.php',
  'settings',
  'search',
  'help',
  'policies',
  'privacy',
  'ads',
  'bookmarks',
  'reel',
  'stories',
]); // prettier-ignore
const POST_PATH = /\/(posts|videos|photos|permalink)\/|^\/(permalink|story|photo)\.php/;
const PERMALINK = 'a[href*="/posts/"], a[href*="story_fbid"], a[href*="/permalink/"], a[href*="/videos/"], a[href*="/photos/"]';
const SPONSORED = /^(sponsored|gesponsert)$/i;
const SHARED = /(shared a (post|link|video|memory)|hat einen (beitrag|link) geteilt|hat ein video geteilt)/i;

function kindOf(url: URL): { kind: PageKind; handle?: string } {
  const first = url.pathname.split('/').filter(Boolean)[0];
  if (POST_PATH.test(url.pathname)) return { kind: 'post', handle: first?.includes('.php') ? undefined : first };
  if (url.pathname === '/profile.php' && url.searchParams.get('id'))
    return { kind: 'profile', handle: url.searchParams.get('id')! };
  if (!first || RESERVED.has(first.toLowerCase()) || first.includes('.php')) return { kind: 'other' };
  return { kind: 'profile', handle: first };
}

function postIdOf(href: string | null): string | undefined {
  if (!href) return undefined;
  const m = /\/(?:posts|videos|photos|permalink)\/(?:[^/?]+\/)?(pfbid\w+|\d+)|(?:story_fbid|fbid)=(pfbid\w+|\d+)/.exec(href);
  return m?.[1] ?? m?.[2];
}

/** The id parsePost gives a unit, read without parsing it. */
function unitId(unit: Element): string | undefined {
  return postIdOf(unit.querySelector(PERMALINK)?.getAttribute('href') ?? null) ?? unit.getAttribute('aria-posinset') ?? undefined;
}

function parsePost(unit: Element, pageHost: string, paths: SiblingIndex): SocialPost | null {
  const link = unit.querySelector(PERMALINK);
  const id = postIdOf(link?.getAttribute('href') ?? null) ?? unit.getAttribute('aria-posinset') ?? undefined;
  if (!id) return null;
  const message = unit.querySelector('[data-ad-preview="message"], [data-ad-comet-preview="message"]');
  const text = squash(message?.textContent);
  // Text nodes one by one: adjacent spans ("35", "2 comments") must not run together.
  const all = leadingTexts(unit).join(' | ');
  const count = (words: RegExp) => countBefore(all, words);
  const reactionsLabel = /(?:all reactions|alle reaktionen):?[\s|]*([\d.,]+\s*(?:K|M|Tsd\.|Mio\.)?)/i.exec(all)?.[1];
  const heading = squash(unit.querySelector('h2, h3, h4, strong')?.textContent);
  const labels = [...unit.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label') ?? '');
  return {
    id,
    time: isoOf(link?.getAttribute('aria-label') ?? link?.textContent),
    text,
    urls: message ? outboundUrls(message, pageHost) : [],
    replies: count(/comments?|kommentare?/),
    reposts: count(/shares?|-?\s?mal geteilt/),
    likes: reactionsLabel
      ? parseCount(reactionsLabel)
      : (labels.map((l) => countBefore(l, /reactions?|reaktionen/)).find((n) => n !== null) ?? null),
    isReply: false,
    isRepost: SHARED.test(heading),
    isQuote: false,
    isPinned: /^(pinned post|angehefteter beitrag)/i.test(all),
    isPromoted:
      labels.some((l) => SPONSORED.test(l)) ||
      [...unit.querySelectorAll('span, a')].some((el) => SPONSORED.test(squash(el.textContent))),
    author: squash(unit.querySelector('h2 a, h3 a, h4 a, strong a')?.textContent) || undefined,
    evidence: evidenceOf(message ?? unit, undefined, paths),
  };
}

function units(doc: Document, intake: Intake): Element[] {
  const main = doc.querySelector('div[role="main"]') ?? doc.body;
  if (!main) return [];
  if (main.querySelector('div[aria-posinset]')) return postElements(main, 'div[aria-posinset]', intake);
  // Single-post pages and older layouts: articles that are not comments inside another article.
  return postElements(main, '[role="article"]', intake, true);
}

function extractWith(doc: Document, url: URL, intake: Intake): PageModel {
  const { kind, handle } = kindOf(url);
  const social = emptySocial();
  social.handle = handle;
  social.name = squash(doc.querySelector('div[role="main"] h1')?.textContent) || undefined;
  if (kind === 'profile') {
    for (const [name, sel] of [
      ['followers', 'a[href*="/followers"]'],
      ['following', 'a[href*="/following"]'],
    ] as const) {
      const el = doc.querySelector(sel);
      if (!el) continue;
      const n = parseCount(el.textContent);
      if (n === null) social.unreadable.push(name);
      else social[name] = n;
    }
  }
  const paths = siblingIndex();
  // One id set instead of `posts.some` per unit: a long feed made that quadratic.
  const listed = new Set<string>();
  const feed = units(doc, intake);
  for (let i = 0; i < feed.length; i++) {
    // The newest MAX_POSTS in full, the rest only counted.
    if (social.posts.length >= intake.room) {
      countRest(feed, i, unitId, intake);
      break;
    }
    const unit = feed[i];
    const id = postIdOf(unit.querySelector(PERMALINK)?.getAttribute('href') ?? null);
    if (id && intake.known.has(id)) continue;
    const post = parsePost(unit, url.hostname, paths);
    if (!post || listed.has(post.id)) continue;
    if (kind === 'post' && !social.mainPost) social.mainPost = post;
    else {
      listed.add(post.id);
      social.posts.push(post);
    }
  }
  return modelOf(url, 'facebook', kind, social, langOf(doc));
}

const facebook: Adapter = {
  id: 'facebook',
  priority: 50,
  detect(_doc, url) {
    return hostMatches(url, HOSTS) ? 1 : 0;
  },
  ...incremental(extractWith),
};

export default facebook;
