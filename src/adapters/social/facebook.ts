import { countBefore, parseCount } from '../_social/counts';
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
import { FACEBOOK_HOSTS } from '../_social/markers';
import type { Adapter } from '../adapter';

/**
 * Facebook pages, from the "Comet" markup facebook.com serves since 2020: class names are hashed
 * and change weekly, so only ARIA and data attributes are used — feed units `div[aria-posinset]`
 * inside `div[role="main"]` (or `[role="article"]`), the message in `[data-ad-preview="message"]`
 * / `[data-ad-comet-preview="message"]`, counts in texts and aria-labels ("All reactions: 1.2K",
 * "12 comments", "3 shares"; German "Alle Reaktionen:", "12 Kommentare", "3 Mal geteilt").
 *
 * The mobile sites Firefox for Android shows (m.facebook.com's "touch" markup of 2019,
 * mbasic.facebook.com's basic markup of 2021; shapes from the saved pages in snarfed/granary's
 * tests): feed units are `<article>` / `div[role="article"]` carrying a `data-ft` JSON with the
 * post id, one post's page holds it in `#m_story_permalink_view` (a photo's in `#MPhotoContent`)
 * with its comments below, each comment under a numeric id (`div#777`) with reactions of its own.
 * Counts sit in aria-labels ("10 reactions, including Sad and Like", "13 left reactions including
 * Haha", "Foo Bar and 143 others left reactions …"; German "10 Reaktionen, darunter …", "Foo Bar
 * und 143 weitere Personen …") and link texts ("9 Comments", "3 Shares"; "9 Kommentare",
 * "3 Mal geteilt").
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
  // the mobile sites' own pages: reaction lists, composers, comment and action endpoints
  'ufi',
  'reactions',
  'composer',
  'comment',
  'a',
  'nfx',
  'save',
  'privacyx',
  'menu',
  'mbasic',
]); // prettier-ignore
// A post's address names the post: `/page/posts/123`; `/page/posts/` is the page's timeline (m.facebook.com's tab).
const POST_PATH = /\/(posts|videos|photos|permalink)\/[^/?#]+|^\/(permalink|story|photo)\.php/;
/** One post's page on the mobile sites: the post (or photo) above its comments. */
const MOBILE_SINGLE = '#m_story_permalink_view, #MPhotoContent';
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

/** Facebook's link shim (`l.facebook.com/l.php?u=…`, `lm.` on the mobile sites): the address it leads to. */
function unshim(href: string): string {
  if (!/^https?:\/\/lm?\.facebook\.com\/l\.php\?/.test(href)) return href;
  return new URL(href).searchParams.get('u') || href;
}

/** The post id in a mobile unit's `data-ft` JSON (`top_level_post_id`, `mf_story_key`), or in its like link. */
function mobileIdOf(unit: Element, own = false): string | undefined {
  const ft = unit.getAttribute('data-ft') ?? (own ? '' : (unit.querySelector('[data-ft]')?.getAttribute('data-ft') ?? ''));
  const fromFt = /"(?:top_level_post_id|mf_story_key)":"?(\d+)/.exec(ft)?.[1];
  if (fromFt || own) return fromFt;
  const like = unit.querySelector('a[href*="ft_ent_identifier="]')?.getAttribute('href') ?? '';
  return /ft_ent_identifier=(\d+)(?:&|$)/.exec(like)?.[1];
}

/** The id parsePost gives a unit, read without parsing it. */
function unitId(unit: Element): string | undefined {
  return (
    // a mobile unit's own data-ft first: its first permalink may be a shared post's inside it
    mobileIdOf(unit, true) ??
    postIdOf(unit.querySelector(PERMALINK)?.getAttribute('href') ?? null) ??
    unit.getAttribute('aria-posinset') ??
    mobileIdOf(unit)
  );
}

/**
 * Part of another post inside a mobile unit: a comment (its container has a numeric id, its like
 * span `like_<post>_<comment>`) or a shared post (an article inside the unit's own).
 */
function ofAnotherPost(el: Element, unit: Element): boolean {
  for (let n: Element | null = el; n && n !== unit; n = n.parentElement) {
    if (/^\d+$|^like_\d+_\d+$/.test(n.id) || n.matches('[role="article"], article')) return true;
  }
  return false;
}

/**
 * Reactions from an aria-label: "1.2K reactions, including Like", "13 left reactions including
 * Haha", "Foo Bar and 143 others left reactions …" (the named people count too); German
 * "10 Reaktionen, darunter …", "Foo Bar und 143 weitere Personen …".
 */
export function reactionsOf(label: string): number | null {
  const others = /^(.+?)\s+(?:and|und)\s+(\d[\d.,]*\s*(?:K|M|Tsd\.|Mio\.)?)\s+(?:others?|weitere|andere)\b/i.exec(label);
  if (others) {
    const n = parseCount(others[2]);
    return n === null ? null : n + others[1].split(/,\s*|\s+(?:and|und)\s+/i).length;
  }
  return countBefore(label, /(?:left\s+)?(?:reactions?|reaktionen)\b/);
}

function parsePost(unit: Element, pageHost: string, paths: SiblingIndex, fallbackId?: string): SocialPost | null {
  const link = unit.querySelector(PERMALINK);
  const id = unitId(unit) ?? fallbackId;
  if (!id) return null;
  const message =
    unit.querySelector('[data-ad-preview="message"], [data-ad-comet-preview="message"]') ??
    // the mobile sites: the message is the paragraphs after the author's heading
    unit.querySelector('p')?.parentElement ??
    null;
  const text = squash(message?.textContent);
  // Text nodes one by one: adjacent spans ("35", "2 comments") must not run together.
  const all = leadingTexts(unit).join(' | ');
  const count = (words: RegExp) => countBefore(all, words);
  const reactionsLabel = /(?:all reactions|alle reaktionen):?[\s|]*([\d.,]+\s*(?:K|M|Tsd\.|Mio\.)?)/i.exec(all)?.[1];
  const heading = squash(unit.querySelector('h2, h3, h4, strong')?.textContent);
  const labelled = [...unit.querySelectorAll('[aria-label]')];
  const labels = labelled.map((el) => el.getAttribute('aria-label') ?? '');
  // The post's own reactions, never a comment's or a shared post's (the mobile sites nest both in the unit).
  const reactionLabels = labelled.filter((el) => !ofAnotherPost(el, unit)).map((el) => el.getAttribute('aria-label') ?? '');
  return {
    id,
    time: isoOf(link?.getAttribute('aria-label') ?? link?.textContent),
    text,
    urls: message ? outboundUrls(message, pageHost).map(unshim) : [],
    replies: count(/comments?|kommentare?/),
    reposts: count(/shares?|-?\s?mal geteilt/),
    likes: reactionsLabel ? parseCount(reactionsLabel) : (reactionLabels.map(reactionsOf).find((n) => n !== null) ?? null),
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

function units(doc: Document, intake: Intake, kind: PageKind): Element[] {
  const main = doc.querySelector('div[role="main"]') ?? doc.body;
  if (!main) return [];
  if (main.querySelector('div[aria-posinset]')) return postElements(main, 'div[aria-posinset]', intake);
  const single = kind === 'post' ? main.querySelector(MOBILE_SINGLE) : null;
  if (single) {
    intake.last = single;
    return [single];
  }
  // Single-post pages, older layouts and the mobile sites' timelines (`<article>` on mbasic):
  // articles that are not comments or shared posts inside another article.
  return postElements(main, '[role="article"], article', intake, true);
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
  const feed = units(doc, intake, kind);
  // A mobile post page whose unit carries no id (a photo): the address names the post.
  const pageId = kind === 'post' ? postIdOf(url.href) : undefined;
  for (let i = 0; i < feed.length; i++) {
    // The newest MAX_POSTS in full, the rest only counted.
    if (social.posts.length >= intake.room) {
      countRest(feed, i, unitId, intake);
      break;
    }
    const unit = feed[i];
    const id = unitId(unit);
    if (id && intake.known.has(id)) continue;
    const post = parsePost(unit, url.hostname, paths, social.mainPost ? undefined : pageId);
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
