import type { PageModel, SocialPost } from '../../../../src/contract';
import type { RuleContext } from '../../../../src/rules/rule';
import { post as basePost } from '../../rules/_builders';

let next = 0;

/** The rule tests' post (../../rules/_builders.ts) with a numbered text, so no two posts repeat. */
export function post(over: Partial<SocialPost> = {}): SocialPost {
  next++;
  return basePost({
    id: String(next),
    text: `post number ${next}`,
    evidence: { selector: `article:nth-of-type(${next})`, text: `post ${next}` },
    ...over,
  });
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
