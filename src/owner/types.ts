import type { Band, Evidence, Finding, Platform } from '../contract';

/**
 * The owner audit's neutral data: what a source module reads from an owner's public endpoints
 * (or from the posts the extension already read on the owner's pages), and what the owner rules
 * judge. Plain data, structured-clone safe, stored as it is in the v3 database.
 */
export type OwnerSource = 'wp-rest' | 'rss' | 'blogger-feed' | 'mastodon-api' | 'bluesky-api' | 'pages';

/** The owner's kind of presence: a blog (posts with comment threads) or a social account. */
export type OwnerKind = 'blog' | 'social';

export interface OwnerComment {
  id: string;
  /** the comment it answers; absent for a top-level comment (or where the source can't tell) */
  parentId?: string;
  author: string;
  /** written by the post's author */
  byAuthor: boolean;
  /** ISO 8601 */
  time?: string;
  /** plain text, capped */
  text: string;
  /** a link to the comment where the source has one */
  url?: string;
}

export interface OwnerPost {
  id: string;
  url: string;
  title?: string;
  /** ISO 8601 */
  time?: string;
  /** plain text excerpt, capped */
  text: string;
  /** outbound links of the post */
  urls: string[];
  /** blogs: whether comments are open; null where the source can't tell or for social posts */
  commentsOpen: boolean | null;
  /** the comments read (pingbacks excluded); null where the source publishes none */
  comments: OwnerComment[] | null;
  /** how many comments the post has by the source's own count (may exceed `comments`) */
  commentCount: number | null;
  /** social: a reply to somebody else */
  isReply: boolean;
  /** social: a repost/boost of somebody else's post */
  isRepost: boolean;
  /** social: the posting application, where the network publishes it */
  client?: string;
  replies?: number | null;
  reposts?: number | null;
  likes?: number | null;
}

/** Why part of an owner audit could not be read; the report shows each as a sentence. */
export type OwnerNoteCode =
  | 'api-off'
  | 'comments-off'
  | 'private'
  | 'rate-limited'
  | 'slow'
  | 'garbage'
  | 'too-big'
  | 'network'
  | 'stopped'
  | 'not-found'
  | 'from-pages'
  | 'feed-comments'
  | 'unsupported';

export interface OwnerNote {
  code: OwnerNoteCode;
  /** the endpoint it is about (a URL path), for the report's small print */
  where?: string;
}

export interface OwnerData {
  /** the URL the user audited from (a page of the site, or the profile) */
  url: string;
  kind: OwnerKind;
  platform: Platform;
  source: OwnerSource;
  /** the account's handle or the site's name */
  name: string;
  /** exact follower count where the platform publishes it (social), else null */
  followers: number | null;
  posts: OwnerPost[];
  /**
   * Comments carry their parent (WordPress REST, Blogger's related link). Feeds without one only
   * say an author comment came later in the thread: counted as an answer, the owner's benefit.
   */
  threaded: boolean;
  notes: OwnerNote[];
}

/** The `facts` of the CLI's top-level `owner` object (README: a public contract). */
export interface OwnerFacts {
  authorReplyRate: number | null;
  medianReplyHours: number | null;
  commentsOpenShare: number | null;
  postsPerWeek: number | null;
  replyShare: number | null;
  repostShare: number | null;
  followers: number | null;
}

/** A post as the report lists it: its page score where one could be computed or was stored. */
export interface OwnerPostRow {
  id: string;
  url: string;
  title: string;
  time: string | null;
  comments: number | null;
  authorReplies: number | null;
  commentsOpen: boolean | null;
  score: number | null;
  band: Band;
}

/** One finished owner audit: what the report shows, stores, and the CLI prints. */
export interface OwnerReport {
  url: string;
  site: string;
  kind: OwnerKind;
  platform: Platform;
  source: OwnerSource;
  name: string;
  posts: number;
  comments: number;
  score: number | null;
  band: Band;
  facts: OwnerFacts;
  findings: Finding[];
  rows: OwnerPostRow[];
  notes: OwnerNote[];
  /** the audited span: the oldest and newest post, ISO 8601 */
  from: string | null;
  to: string | null;
  /** ms since epoch */
  time: number;
  /** the raw posts, for the charts (reply rate per month, weekday × hour) */
  data: OwnerData;
}

export type { Evidence };
