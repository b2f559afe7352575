/**
 * The neutral page model: what adapters extract from a page's DOM and rules judge.
 * Adapters are the only code that knows a site's markup; everything here is plain data
 * (structured-clone safe) so it can cross from the content script to the background.
 */

export type PageKind = 'article' | 'profile' | 'post' | 'other';

export type Platform =
  | 'wordpress'
  | 'wordpress-com'
  | 'blogger'
  | 'ghost'
  | 'medium'
  | 'substack'
  | 'x'
  | 'facebook'
  | 'mastodon'
  | 'bluesky'
  | 'instagram'
  | 'linkedin'
  | 'generic';

/** Where a finding was seen: a CSS path to the element and a short excerpt (≤ 200 chars). */
export interface Evidence {
  selector: string;
  text: string;
}

export type CommentSystem = 'native' | 'jetpack' | 'disqus' | 'commento' | 'facebook' | 'remark42' | 'other' | 'none';

export type CommentsState = 'open' | 'login-required' | 'closed' | 'none';

export type FieldKind = 'name' | 'email' | 'url' | 'comment' | 'newsletter' | 'consent' | 'captcha' | 'other';

export interface FormField {
  /** the input's name attribute, or its id when it has no name */
  name: string;
  /** the visible label text, trimmed */
  label: string;
  /** input type: text, email, url, checkbox, textarea, select, … */
  type: string;
  kind: FieldKind;
  required: boolean;
  /** checkboxes only: ticked when the page loads */
  checked?: boolean;
  evidence: Evidence;
}

export interface CommentForm {
  fields: FormField[];
  /** reCAPTCHA, hCaptcha, Turnstile, a math question, … */
  captcha: boolean;
  evidence: Evidence;
}

export interface Comment {
  id?: string;
  author: string;
  /** ISO 8601 when the page says when; absent when it does not or the date is unreadable */
  date?: string;
  text: string;
  kind: 'comment' | 'pingback' | 'trackback';
  /** written by the post's author (WordPress `bypostauthor`, Blogger `blog-author`, …) */
  byPostAuthor: boolean;
  /** 0 for top level; nested replies count up */
  depth: number;
  parentId?: string;
  evidence: Evidence;
}

export interface CommentSection {
  system: CommentSystem;
  state: CommentsState;
  /** the comment form as it is in the DOM; null where there is none or it lives in an iframe */
  form: CommentForm | null;
  /**
   * Every comment in the DOM in document order (pingbacks included, told apart by `kind`).
   * null when the thread lives in an iframe or is loaded by a third party: we don't guess.
   */
  comments: Comment[] | null;
  /**
   * Set when `comments` is only a sample of a longer thread (the adapter reads at most a few
   * hundred comments in full: DESIGN.md's 50 ms budget for a 50,000-element page). Counted over
   * every comment item in the DOM from its markup alone (class names), so the facts stay exact.
   */
  counts?: CommentCounts;
  evidence: Evidence[];
}

export interface CommentCounts {
  /** human comments (pingbacks and trackbacks excluded) */
  comments: number;
  /** pingbacks and trackbacks */
  pingbacks: number;
  /** human comments the markup marks as the post author's (`bypostauthor`, `blog-author`, …) */
  byPostAuthor: number;
}

export interface Link {
  href: string;
  /** same site as the page (registrable domain) */
  internal: boolean;
  text: string;
}

export interface PhoneMention {
  /** the number as written */
  raw: string;
  /** digits only, with a leading + kept for international numbers */
  normalized: string;
  /** the sentence around it, for "kostenpflichtig" / "per minute" wording */
  context: string;
  evidence: Evidence;
}

export interface ArticleSection {
  title: string;
  author?: string;
  published?: string;
  updated?: string;
  lang?: string;
  /** links inside the article body (navigation, footer and comments excluded) */
  links: Link[];
  /** visible share buttons / share links for social networks */
  shareButtons: Evidence[];
  /** the article body's text, capped (used for wording rules; never stored) */
  text: string;
  /** phone numbers anywhere on the page (body, sidebar, footer, contact box) */
  phones: PhoneMention[];
}

export interface SocialPost {
  id: string;
  /** ISO 8601 */
  time?: string;
  text: string;
  /** outbound URLs as they appear (resolved href, not the t.co wrapper when the page shows the real one) */
  urls: string[];
  replies: number | null;
  reposts: number | null;
  likes: number | null;
  views?: number | null;
  /** a reply to somebody else */
  isReply: boolean;
  /** a repost/boost/retweet of somebody else's post */
  isRepost: boolean;
  /** quotes somebody else's post */
  isQuote: boolean;
  isPinned: boolean;
  isPromoted: boolean;
  /** the posting client ("via" app) where the network shows it */
  client?: string;
  author?: string;
  evidence: Evidence;
}

export interface SocialSection {
  handle?: string;
  name?: string;
  followers: number | null;
  following: number | null;
  postsCount?: number | null;
  /** posts visible on the page, deduplicated by id, pinned and promoted included (rules filter) */
  posts: SocialPost[];
  /**
   * Set when `posts` holds only the newest posts of a longer timeline (the adapter reads at most
   * a few hundred in full): how many distinct posts the page showed in all.
   */
  postsSeen?: number;
  /** the focused post of a single-post page */
  mainPost?: SocialPost;
  /** names of counts the adapter saw but could not read ("followers", "likes:1234", …) */
  unreadable: string[];
  /**
   * The visible timeline includes the account's replies (X's /with_replies, Mastodon's "Posts and
   * replies"). Main profile tabs hide replies, so there "no replies seen" is no evidence.
   */
  timelineIncludesReplies?: boolean;
}

export interface PageModel {
  url: string;
  kind: PageKind;
  platform: Platform;
  lang?: string;
  article?: ArticleSection;
  comments?: CommentSection;
  social?: SocialSection;
}

export type Verdict = 'pass' | 'warn' | 'fail' | 'n/a';

export interface Finding {
  rule: string;
  verdict: Verdict;
  /** 1 = as social as it gets, 0 = pure broadcast; null when not applicable */
  score: number | null;
  weight: number;
  evidence: Evidence[];
  /** substitutions for the rule's `detail` message ($1…$9), e.g. "3 of 12" */
  detail?: (string | number)[];
}

export type Band = 'red' | 'orange' | 'green' | 'grey';

/** The neutral, serialisable result of one audit of one page. */
export interface Audit {
  url: string;
  site: string;
  kind: PageKind;
  platform: Platform;
  score: number | null;
  band: Band;
  findings: Finding[];
  facts: Facts;
  /** ms since epoch */
  time: number;
  rulesVersion: number;
  /** short content fingerprints of the page's own posts for the cross-page rule */
  fingerprints: string[];
  /** how many posts/comments the verdict rests on, shown in the popup */
  sample: number;
}

/** The `facts` object of `npm run audit`'s JSON (a public contract, see README). */
export interface Facts {
  commentSystem: CommentSystem | null;
  commentsState: CommentsState | null;
  requiredFields: number | null;
  newsletterCheckbox: 'none' | 'optional' | 'prechecked' | 'required' | null;
  comments: number | null;
  pingbacks: number | null;
  authorComments: number | null;
  followers: number | null;
  following: number | null;
  visiblePosts: number | null;
  replies: number | null;
  reposts: number | null;
  likes: number | null;
}
