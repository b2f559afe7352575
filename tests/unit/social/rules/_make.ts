import type { PageModel, SocialPost } from '../../../../src/model';
import type { RuleContext } from '../../../../src/rules/rule';

let next = 0;

export function post(over: Partial<SocialPost> = {}): SocialPost {
  next++;
  return {
    id: String(next),
    text: `post number ${next}`,
    urls: [],
    replies: 0,
    reposts: 0,
    likes: 0,
    isReply: false,
    isRepost: false,
    isQuote: false,
    isPinned: false,
    isPromoted: false,
    evidence: { selector: `article:nth-of-type(${next})`, text: `post ${next}` },
    ...over,
  };
}

export function profile(
  posts: SocialPost[],
  over: Partial<NonNullable<PageModel['social']>> = {},
  platform: PageModel['platform'] = 'x',
): PageModel {
  return {
    url: 'https://x.com/acme',
    kind: 'profile',
    platform,
    social: { handle: 'acme', followers: 10_000, following: 100, posts, unreadable: [], ...over },
  };
}

export function many(n: number, make: (i: number) => Partial<SocialPost>): SocialPost[] {
  return Array.from({ length: n }, (_, i) => post(make(i)));
}

export const ctx: RuleContext = { now: Date.parse('2026-01-01T00:00:00Z'), history: [] };
