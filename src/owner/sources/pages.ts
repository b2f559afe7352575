import type { Platform } from '../../contract';
import type { HowSocialDb, OwnerPostRow } from '../../storage/db';
import { ownerPostsOf } from '../../storage/owner';
import type { OwnerData, OwnerPost } from '../types';

/**
 * X, Facebook, Instagram and LinkedIn have no public API without a login: their owner view is
 * built from the posts the extension already read on the owner's pages (recorded by the worker,
 * deduplicated by id across visits and scrolls). Blogs whose API and feeds are off fall back to
 * the articles audited on the site. Makes no request at all.
 */
export const PAGES_PLATFORMS: readonly Platform[] = ['x', 'facebook', 'instagram', 'linkedin'];

function postOf(r: OwnerPostRow): OwnerPost {
  const article = r.owner === '' && r.url !== '';
  return {
    id: r.id,
    url: r.url,
    title: article ? r.text : undefined,
    time: r.time,
    text: r.text,
    urls: r.urls,
    commentsOpen: r.commentsOpen ?? null,
    // The pages keep counts, not the comments: the reply-rate rules read `commentCount`/authorComments only.
    comments: null,
    commentCount: r.comments ?? null,
    isReply: r.isReply,
    isRepost: r.isRepost,
    client: r.client,
    replies: r.replies,
    reposts: r.reposts,
    likes: r.likes,
  };
}

export interface PagesOptions {
  db: HowSocialDb;
  site: string;
  platform: Platform;
  kind: OwnerData['kind'];
  /** the profile's handle (storage/owner.ts ownerHandle), for social accounts */
  owner?: string;
  posts: number;
  url: string;
}

export async function readPages(o: PagesOptions): Promise<OwnerData> {
  const rows = await ownerPostsOf(o.db, o.site, o.kind === 'social' ? o.owner : undefined);
  const chosen = rows.filter((r) => (o.kind === 'blog' ? r.owner === '' : r.owner !== '')).slice(0, o.posts);
  return {
    url: o.url,
    kind: o.kind,
    platform: o.platform,
    source: 'pages',
    name: o.owner ? `@${o.owner}` : o.site,
    followers: null,
    posts: chosen.map(postOf),
    threaded: false,
    notes: [{ code: 'from-pages' }],
  };
}

/** The stored page scores and author-comment counts of articles, by URL (the blog fallback's table). */
export function pageStats(rows: readonly OwnerPostRow[]): Map<string, OwnerPostRow> {
  return new Map(rows.filter((r) => r.url).map((r) => [r.url, r]));
}
