import { countBefore, parseCount } from '../_social/counts';
import { evidenceOf, siblingIndex, squash } from '../dom';
import type { PageKind, SocialPost } from '../../contract';
import { emptySocial, hostMatches, langOf, MAX_POSTS, modelOf, outboundUrls } from '../_social/common';
import { LINKEDIN_HOSTS } from '../_social/markers';
import type { Adapter } from '../adapter';

/**
 * LinkedIn company pages as the logged-out public page shows them (`linkedin.com/company/<slug>`):
 * the top card's first subline "Software Development · Berlin · 12,345 followers" (German
 * "12.345 Follower:innen"), and the "Updates" feed of `[data-activity-urn]` cards with the text in
 * `[data-test-id="main-feed-activity-card__commentary"]` and counts in `social-actions__*` test ids.
 * Post times are relative ("2w") there, so posts carry no time.
 *
 * Member profiles (`linkedin.com/in/<slug>`, older `/pub/<name>/…`): the public page of 2022–2024
 * states followers in the top card's sublines ("12,345 followers", German "12.345 Follower:innen")
 * beside "500+ connections"; the public page of 2015 (`#pagekey-public_profile_v3_desktop`, shape
 * from akitten/linkedin-public-profile-parser's saved pages) shows only "500+ connections". A
 * connection count is not a follower count (capped at "500+", and mutual), so followers stay
 * unknown where the page states none.
 */

const HOSTS = LINKEDIN_HOSTS;

function kindOf(url: URL): { kind: PageKind; handle?: string } {
  const [first, slug, third] = url.pathname.split('/').filter(Boolean);
  if ((first === 'company' || first === 'showcase') && slug && (!third || ['posts', 'about'].includes(third)))
    return { kind: 'profile', handle: slug };
  if (first === 'posts' || first === 'feed') return { kind: 'post' };
  if ((first === 'in' || first === 'pub') && slug) return { kind: 'profile', handle: decodeURIComponent(slug) };
  return { kind: 'other' };
}

/** Where a page states followers: a company's first subline, a member's subline items. */
const FOLLOWER_LINES = '.top-card-layout__first-subline, .top-card__subline-item, .top-card-layout__entity-info';
const FOLLOWERS = /followers?|follower:innen|follower\*innen/;

function countOf(card: Element, testid: string): number | null {
  const el = card.querySelector(`[data-test-id="${testid}"], [data-id="${testid}"]`);
  if (!el) return null;
  const text = squash(el.textContent);
  return text ? parseCount(text) : 0;
}

const linkedin: Adapter = {
  id: 'linkedin',
  priority: 50,
  detect(_doc, url) {
    // Company pages, member profiles and posts: LinkedIn articles (/pulse/) are blog posts for the blog adapters.
    return hostMatches(url, HOSTS) && kindOf(url).kind !== 'other' ? 1 : 0;
  },
  extract(doc, url) {
    const { kind, handle } = kindOf(url);
    const social = emptySocial();
    social.handle = handle;
    social.name = squash(doc.querySelector('.top-card-layout__title, #name, h1')?.textContent) || undefined;
    const subline = [...doc.querySelectorAll(FOLLOWER_LINES)]
      .map((el) => squash(el.textContent))
      .find((text) => /follower/i.test(text));
    if (kind === 'profile' && subline) {
      const n = countBefore(subline, FOLLOWERS);
      if (n === null) social.unreadable.push('followers');
      social.followers = n;
    }
    const paths = siblingIndex();
    // One id set instead of `posts.some` per card: a long feed made that quadratic.
    const listed = new Set<string>();
    const beyond = new Set<string>();
    for (const card of doc.querySelectorAll('[data-activity-urn], [data-urn^="urn:li:activity"]')) {
      const urn = card.getAttribute('data-activity-urn') ?? card.getAttribute('data-urn') ?? '';
      const id = /activity:(\d+)/.exec(urn)?.[1];
      if (!id || listed.has(id) || beyond.has(id)) continue;
      // The newest MAX_POSTS cards in full; later ones only count (postsSeen below).
      if (social.posts.length >= MAX_POSTS && (kind !== 'post' || social.mainPost)) {
        beyond.add(id);
        continue;
      }
      const textEl = card.querySelector(
        '[data-test-id="main-feed-activity-card__commentary"], .attributed-text-segment-list__content',
      );
      const header = squash(card.querySelector('.main-feed-activity-card__header, header')?.textContent);
      const post: SocialPost = {
        id,
        text: squash(textEl?.textContent),
        urls: textEl ? outboundUrls(textEl, url.hostname) : [],
        replies: countOf(card, 'social-actions__comments'),
        reposts: countOf(card, 'social-actions__reposts'),
        likes: countOf(card, 'social-actions__reaction-count'),
        isReply: false,
        isRepost: /reposted|hat das repostet|teilt/i.test(header),
        isQuote: false,
        isPinned: false,
        isPromoted: /promoted|gesponsert/i.test(header),
        evidence: evidenceOf(textEl ?? card, undefined, paths),
      };
      if (kind === 'post' && !social.mainPost) social.mainPost = post;
      else {
        listed.add(id);
        social.posts.push(post);
      }
    }
    if (beyond.size > 0) social.postsSeen = social.posts.length + beyond.size;
    return modelOf(url, 'linkedin', kind, social, langOf(doc));
  },
};

export default linkedin;
