import { countBefore, parseCount } from '../_social/counts';
import { evidenceOf, type SiblingIndex, siblingIndex, squash } from '../dom';
import type { PageKind, PageModel, SocialPost, SocialSection } from '../../contract';
import {
  countRest,
  emptySocial,
  hostMatches,
  type Intake,
  incremental,
  isoTime,
  langOf,
  modelOf,
  outboundUrls,
  postElements,
} from '../_social/common';
import { mayBeSavedFrom, X_HOSTS, X_SAVED, X_TWEET } from '../_social/markers';
import { LEGACY_TWEET, legacyTweetId, parseLegacyTweet } from '../_social/x-legacy';
import type { Adapter } from '../adapter';

/**
 * X / Twitter, from the markup x.com serves in 2025–2026 (React Native Web, stable `data-testid`s):
 * `article[data-testid="tweet"]` per post, `tweetText`, `User-Name`, `time[datetime]` inside the
 * permalink `a[href*="/status/"]`, and the action buttons' aria-labels with the exact counts
 * ("4483 reposts. Repost") next to the abbreviated visible text ("4.4K").
 */

const HOSTS = X_HOSTS;
const TWEET = X_TWEET;
/** First path segments that are X's own pages, not accounts. */
const RESERVED = new Set([
  'home',
  'explore',
  'search',
  'notifications',
  'messages',
  'settings',
  'i',
  'compose',
  'login',
  'logout',
  'signup',
  'tos',
  'privacy',
  'hashtag',
  'intent',
  'share',
  'jobs',
  'lists',
  'communities',
  'bookmarks',
]);

// socialContext wording in the UIs our users run (EN, DE).
const PINNED = /^(pinned|angeheftet|fixiert)/i;
const REPOSTED = /(reposted|retweeted|repostet|retweetet|reposteado)\s*$/i;
const REPLYING = /^(replying to|antwort an|als antwort an)\b/i;

function kindOf(url: URL, doc: Document): { kind: PageKind; handle?: string; statusId?: string } {
  if (hostMatches(url, HOSTS)) {
    const [first, second, third] = url.pathname.split('/').filter(Boolean);
    if (!first || RESERVED.has(first.toLowerCase())) return { kind: 'other' };
    if (second === 'status' && third && /^\d+$/.test(third)) return { kind: 'post', handle: first, statusId: third };
    if (!second || ['with_replies', 'media', 'highlights', 'superfollows'].includes(second))
      return { kind: 'profile', handle: first };
    return { kind: 'other' };
  }
  // A saved page or a local copy: decide from the DOM. A profile has the account header.
  if (doc.querySelector('[data-testid="UserName"], [data-testid="UserProfileHeader_Items"]')) return { kind: 'profile' };
  return { kind: 'post' };
}

function statusIdOf(a: Element | null | undefined): string | undefined {
  return /\/status\/(\d+)/.exec(a?.getAttribute('href') ?? '')?.[1];
}

/** The nested quoted post of a quote tweet: the block around the second `User-Name`. */
function quoteBlockOf(article: Element): Element | null {
  const names = article.querySelectorAll('[data-testid="User-Name"]');
  if (names.length < 2) return null;
  return names[1].closest('[role="link"]') ?? names[1].parentElement?.parentElement ?? null;
}

/** The count of one action button: exact from the aria-label, 0 for a button without a number. */
function actionCount(article: Element, group: string, testid: string, groupWords: RegExp, unreadable: string[]): number | null {
  // Two single-attribute look-ups, not one selector list: a list misses Chromium's fast path and
  // was 5x slower (the largest part of parsing a tweet, bench/warm-profile.ts timeline 10000).
  const button = article.querySelector(`[data-testid="${testid}"]`) ?? article.querySelector(`[data-testid="un${testid}"]`);
  if (!button) return group ? countBefore(group, groupWords) : null;
  const label = button.getAttribute('aria-label') ?? '';
  if (/\d/.test(label)) {
    const n = parseCount(label);
    if (n !== null) return n;
  }
  const fromGroup = group ? countBefore(group, groupWords) : null;
  if (fromGroup !== null) return fromGroup;
  const shown = squash(button.textContent);
  // X labels a button without interactions just "Reply" / "Like" and shows no number.
  if (!/\d/.test(label) && !/\d/.test(shown)) return 0;
  const n = parseCount(shown);
  if (n === null) unreadable.push(`${testid}:${shown}`);
  return n;
}

function parseTweet(article: Element, pageHost: string, unreadable: string[], paths: SiblingIndex): SocialPost | null {
  const quote = quoteBlockOf(article);
  // Most tweets quote nothing: then the first match is the tweet's own, and querySelector stops there.
  const own = (sel: string) =>
    quote ? ([...article.querySelectorAll(sel)].find((el) => !quote.contains(el)) ?? null) : article.querySelector(sel);
  const time = own('time[datetime]');
  const permalink = time?.closest('a[href*="/status/"]') ?? own('a[href*="/status/"]');
  const id = statusIdOf(permalink);
  if (!id) return null;
  const textEl = own('[data-testid="tweetText"]');
  const context = squash(article.querySelector('[data-testid="socialContext"]')?.textContent);
  const nameLink = own('[data-testid="User-Name"] a[href^="/"]');
  const author = nameLink?.getAttribute('href')?.split('/')[1];
  // The action bar's summary ("12 replies, 4483 reposts, …"): read once for all three counts.
  const group = article.querySelector('[role="group"][aria-label]')?.getAttribute('aria-label') ?? '';
  const replyMarker = [...article.querySelectorAll('div[dir]')].some(
    // REPLYING is anchored at the start: its head is enough, not a squash of the whole block's text.
    (d) => !textEl?.contains(d) && REPLYING.test(squash((d.textContent ?? '').trimStart().slice(0, 200))),
  );
  return {
    id,
    time: isoTime(time?.getAttribute('datetime')),
    text: squash(textEl?.textContent),
    urls: textEl ? outboundUrls(textEl, pageHost) : [],
    replies: actionCount(article, group, 'reply', /repl(y|ies)|antworten?/, unreadable),
    reposts: actionCount(article, group, 'retweet', /reposts?|retweets?/, unreadable),
    likes: actionCount(article, group, 'like', /likes?|„?gefällt mir“?-angaben/, unreadable),
    isReply: replyMarker,
    isRepost: REPOSTED.test(context),
    isQuote: quote !== null,
    isPinned: PINNED.test(context),
    // placementTracking also wraps video players and follow buttons: only around a tweet is it an ad.
    isPromoted: article.closest('[data-testid="placementTracking"]') !== null,
    author,
    evidence: evidenceOf(textEl ?? article, undefined, paths),
  };
}

function readHeader(doc: Document, social: SocialSection, handle: string | undefined): void {
  const scope = doc.querySelector('[data-testid="primaryColumn"]') ?? doc;
  // The header sits above the timeline in the same column: first matches only. Listing every
  // `a[href$=…]` walked the whole timeline three times (3.6 ms of a 50k-element profile's audit).
  const link = (suffix: string) =>
    handle && /^\w+$/.test(handle)
      ? scope.querySelector(`a[href="/${handle}/${suffix}" i]`)
      : scope.querySelector(`a[href$="/${suffix}"]`);
  const followers = link('verified_followers') ?? link('followers');
  const following = link('following');
  for (const [name, el] of [
    ['followers', followers],
    ['following', following],
  ] as const) {
    if (!el) continue;
    const n = parseCount(el.textContent);
    if (n === null) social.unreadable.push(name);
    else social[name] = n;
  }
  const header = scope.querySelector('[data-testid="UserName"]');
  if (header) {
    social.handle ??= /@(\w{1,15})/.exec(header.textContent ?? '')?.[1];
    social.name = squash(header.querySelector('span')?.textContent) || undefined;
  }
  // The top bar's "74.2K posts" / "1.234 Beiträge" beside the column's first heading. Looking
  // further (every `h2 + div`) walked the whole timeline when the bar has no count.
  const bar = scope.querySelector('h2[role="heading"]')?.nextElementSibling;
  if (bar?.localName === 'div' && /\d/.test(bar.textContent ?? '')) social.postsCount = parseCount(bar.textContent);
}

/**
 * A tweet's id as cheaply as it can be read: its permalink around the first `time`. The tag
 * collection finds that `time` ~3x faster than querySelector (counting 4,400 tweets of a
 * 200k-element timeline: 1.2 ms against 4.5 ms).
 */
function tweetId(article: Element): string | undefined {
  const time = article.getElementsByTagName('time')[0];
  return statusIdOf(time?.closest('a[href*="/status/"]') ?? (time ? null : article.querySelector('a[href*="/status/"]')));
}

function extractWith(doc: Document, url: URL, intake: Intake): PageModel {
  const { kind, handle, statusId } = kindOf(url, doc);
  const social = emptySocial();
  social.handle = handle;
  if (kind === 'profile') readHeader(doc, social, handle);
  // X's "Replies" tab (/<handle>/with_replies) is the only one that shows the account's answers.
  if (kind === 'profile' && url.pathname.split('/')[2] === 'with_replies') social.timelineIncludesReplies = true;
  const pageHost = hostMatches(url, HOSTS) ? url.hostname : 'x.com';
  let afterMain = false;
  const paths = siblingIndex();
  // A timeline holds thousands of posts: `posts.some` per post was quadratic (22 % of a 50k audit).
  const seen = new Set<string>();
  const { known } = intake;
  let tweets = postElements(doc, TWEET, intake, true);
  // no React markup: the twitter.com of 2013–2020 that archives and saved copies hold
  const legacy = tweets.length === 0 && !intake.after;
  if (legacy) tweets = postElements(doc, LEGACY_TWEET, intake, true);
  const idOf = legacy ? legacyTweetId : tweetId;
  for (let i = 0; i < tweets.length; i++) {
    // The newest MAX_POSTS in full, the rest only counted (a focused post is found before its replies).
    if (social.posts.length >= intake.room) {
      countRest(tweets, i, idOf, intake);
      break;
    }
    const article = tweets[i];
    // Skipping posts an earlier extraction read is only for extractMore; a first extraction knows none.
    if (known.size > 0) {
      const permalinkId = idOf(article);
      if (permalinkId && known.has(permalinkId) && permalinkId !== statusId) continue;
    }
    const post = legacy ? parseLegacyTweet(article, pageHost, paths) : parseTweet(article, pageHost, social.unreadable, paths);
    // The same tweet can be rendered twice (a thread's context and the timeline): one per id.
    if (!post || seen.has(post.id)) continue;
    seen.add(post.id);
    if (kind === 'post' && !social.mainPost && (!statusId || post.id === statusId)) {
      social.mainPost = post;
      afterMain = true;
      continue;
    }
    // On a post page, everything below the focused post is a reply in its conversation.
    if (kind === 'post' && afterMain) post.isReply = true;
    social.posts.push(post);
  }
  if (kind === 'post') social.handle ??= social.mainPost?.author;
  return modelOf(url, 'x', kind, social, langOf(doc));
}

const x: Adapter = {
  id: 'x',
  priority: 50,
  detect(doc, url) {
    if (hostMatches(url, HOSTS)) return 1;
    // Saved copies of X pages served elsewhere: below the blog adapters' certain matches. The tweet
    // query walks the whole page, so only where the head or the mount point says X (or nothing).
    return mayBeSavedFrom(doc, X_SAVED) && doc.querySelector(TWEET) ? 0.6 : 0;
  },
  ...incremental(extractWith),
};

export default x;
