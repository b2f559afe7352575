import type { Fetcher } from '../net';
import type { OwnerData } from '../types';

/** How many posts an owner audit reads by default (issue 12: "across the last N posts (default 20)"). */
export const DEFAULT_POSTS = 20;
/** The most the report or the CLI may ask for: 200 posts with their comments is minutes at 4 requests a second. */
export const MAX_POSTS = 200;
/** Comments read per post at most (5 pages of 100): a post's thread beyond that is counted, not read. */
export const MAX_COMMENTS_PER_POST = 500;

export interface SourceContext {
  fetcher: Fetcher;
  /** how many of the newest posts to read */
  posts: number;
  /** steps done of steps known, for the progress bar */
  progress?: (done: number, total: number) => void;
}

/** One source module: reads one kind of public endpoint into OwnerData. */
export type ReadSource = (url: URL, ctx: SourceContext) => Promise<OwnerData>;

export function isoOrUndefined(value: unknown, assumeUtc = false): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  // WordPress's `date_gmt` is UTC without a zone designator ("2024-03-02T09:15:00").
  const withZone = assumeUtc && !/(Z|[+-]\d\d:?\d\d)$/.test(value) ? `${value}Z` : value;
  const t = Date.parse(withZone);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
