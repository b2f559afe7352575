import { evidenceOf, type SiblingIndex, squash } from '../dom';
import type { SocialPost } from '../../contract';
import { outboundUrls } from './common';

/**
 * twitter.com as web archives and saved copies hold it (2013–2020, before the React rewrite):
 * `div.tweet[data-tweet-id]` per post with the author in `data-screen-name`, `p.tweet-text`,
 * `span._timestamp[data-time]` (seconds), and per action a hidden
 * `.ProfileTweet-action--reply|retweet|favorite .ProfileTweet-actionCount[data-tweet-stat-count]`
 * with the exact number beside the abbreviated one ("1.664 Me gusta" / "1.7K"). Seen on
 * discourse/onebox's saved tweet pages of 2015, 2016 and 2019; the 2013 pages print no counts at all.
 */
export const LEGACY_TWEET = 'div.tweet[data-tweet-id]';

export function legacyTweetId(el: Element): string | undefined {
  return el.getAttribute('data-tweet-id') ?? undefined;
}

/** The exact count of one action, or null where the tweet prints none (2013, or replies before 2017). */
function statCount(tweet: Element, action: 'reply' | 'retweet' | 'favorite'): number | null {
  for (const wrap of tweet.getElementsByClassName(`ProfileTweet-action--${action}`)) {
    const count = wrap.querySelector('[data-tweet-stat-count]')?.getAttribute('data-tweet-stat-count');
    if (count && /^\d+$/.test(count)) return Number(count);
  }
  return null;
}

export function parseLegacyTweet(tweet: Element, pageHost: string, paths: SiblingIndex): SocialPost | null {
  const id = legacyTweetId(tweet);
  if (!id || !/^\d+$/.test(id)) return null;
  const textEl = tweet.getElementsByClassName('tweet-text')[0] ?? null;
  const seconds = Number(tweet.getElementsByClassName('_timestamp')[0]?.getAttribute('data-time'));
  return {
    id,
    time: Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : undefined,
    text: squash(textEl?.textContent),
    urls: textEl ? outboundUrls(textEl, pageHost) : [],
    replies: statCount(tweet, 'reply'),
    reposts: statCount(tweet, 'retweet'),
    likes: statCount(tweet, 'favorite'),
    isReply: tweet.getAttribute('data-is-reply-to') === 'true',
    isRepost: tweet.hasAttribute('data-retweet-id'),
    isQuote: tweet.getElementsByClassName('QuoteTweet').length > 0,
    isPinned: tweet.classList.contains('user-pinned'),
    isPromoted: tweet.classList.contains('promoted-tweet'),
    author: tweet.getAttribute('data-screen-name') ?? undefined,
    evidence: evidenceOf(textEl ?? tweet, undefined, paths),
  };
}
