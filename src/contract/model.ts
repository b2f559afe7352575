import * as v from 'valibot';
import { excerpt } from './excerpt';
import { LIMITS } from './limits';
import { COMMENT_KINDS, COMMENT_SYSTEMS, COMMENTS_STATES, FIELD_KINDS, KINDS, PLATFORMS } from './vocabulary';

/**
 * The neutral page model: what adapters extract from a page's DOM (content script) and rules judge
 * (worker). Written as schemas; the TypeScript types below derive from them, so the shape the
 * worker accepts and the shape the code uses cannot drift apart. Plain data only (structured-clone
 * safe): it crosses from the page to the worker in one message.
 */

export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** counts are whole numbers from the page, but "3.1K" × 1000 may carry a float's last bit: finite and ≥ 0 is the check */
const count = v.pipe(v.number(), v.finite(), v.minValue(0));
const nullableCount = v.nullable(count);
const flag = v.boolean();

export const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.urlChars),
  v.check((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'not an http(s) URL'),
);

/** Where a finding was seen: a CSS path to the element ('' when none fits) and a short excerpt. */
export const EvidenceSchema = v.object({
  selector: text(LIMITS.selectorChars),
  text: text(LIMITS.textChars),
});

export const FormFieldSchema = v.object({
  /** the input's name attribute, or its id when it has no name */
  name: text(LIMITS.shortChars),
  /** the visible label text, trimmed */
  label: text(LIMITS.shortChars),
  /** input type: text, email, url, checkbox, textarea, select, … */
  type: text(40),
  kind: v.picklist(FIELD_KINDS),
  required: flag,
  /** checkboxes only: ticked when the page loads */
  checked: v.optional(flag),
  evidence: EvidenceSchema,
});

export const CommentFormSchema = v.object({
  fields: v.pipe(v.array(FormFieldSchema), v.maxLength(LIMITS.formFields)),
  /** reCAPTCHA, hCaptcha, Turnstile, a math question, … */
  captcha: flag,
  evidence: EvidenceSchema,
});

/**
 * A comment's or post's evidence is usually the excerpt of its own text: the content script sends
 * it as '' (./fit.ts), since each KB a message carries costs the page's main thread ~50 µs
 * (Chrome serialises extension messages there), and the worker's parse restores it.
 */
function withOwnExcerpt<T extends { text: string; evidence: { selector: string; text: string } }>(item: T): T {
  return item.evidence.text === '' && item.text !== ''
    ? { ...item, evidence: { ...item.evidence, text: excerpt(item.text) } }
    : item;
}

export const CommentSchema = v.pipe(
  v.object({
    id: v.optional(text(LIMITS.shortChars)),
    author: text(LIMITS.shortChars),
    /** ISO 8601 when the page says when; absent when it does not or the date is unreadable */
    date: v.optional(text(40)),
    text: text(LIMITS.itemChars),
    kind: v.picklist(COMMENT_KINDS),
    /** written by the post's author (WordPress `bypostauthor`, Blogger `blog-author`, …) */
    byPostAuthor: flag,
    /** 0 for top level; nested replies count up */
    depth: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)),
    parentId: v.optional(text(LIMITS.shortChars)),
    evidence: EvidenceSchema,
  }),
  v.transform(withOwnExcerpt),
);

export const CommentCountsSchema = v.object({
  /** human comments (pingbacks and trackbacks excluded) */
  comments: count,
  /** pingbacks and trackbacks */
  pingbacks: count,
  /** human comments the markup marks as the post author's */
  byPostAuthor: count,
});

export const CommentSectionSchema = v.object({
  system: v.picklist(COMMENT_SYSTEMS),
  state: v.picklist(COMMENTS_STATES),
  /** the comment form as it is in the DOM; null where there is none or it lives in an iframe */
  form: v.nullable(CommentFormSchema),
  /**
   * Comments in document order (pingbacks included, told apart by `kind`). null when the thread
   * lives in an iframe or is loaded by a third party: we don't guess.
   */
  comments: v.nullable(v.pipe(v.array(CommentSchema), v.maxLength(LIMITS.comments))),
  /**
   * Set when `comments` is only a sample of a longer thread (DESIGN.md's budgets): counted over
   * every comment item in the DOM, so the facts stay exact.
   */
  counts: v.optional(CommentCountsSchema),
  evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(LIMITS.sectionEvidence)),
});

export const LinkSchema = v.object({
  href: text(LIMITS.urlChars),
  /** same site as the page (registrable domain) */
  internal: flag,
  text: text(LIMITS.shortChars),
});

export const PhoneMentionSchema = v.object({
  /** the number as written */
  raw: text(100),
  /** digits only, with a leading + kept for international numbers */
  normalized: text(40),
  /** the sentence around it, for "kostenpflichtig" / "per minute" wording */
  context: text(LIMITS.textChars),
  evidence: EvidenceSchema,
});

export const ArticleSectionSchema = v.object({
  title: text(LIMITS.shortChars),
  author: v.optional(text(LIMITS.shortChars)),
  published: v.optional(text(40)),
  updated: v.optional(text(40)),
  lang: v.optional(text(35)),
  /** links inside the article body (navigation, footer and comments excluded) */
  links: v.pipe(v.array(LinkSchema), v.maxLength(LIMITS.links)),
  /** visible share buttons / share links for social networks */
  shareButtons: v.pipe(v.array(EvidenceSchema), v.maxLength(LIMITS.shareButtons)),
  /** the article body's text, capped (used for wording rules; never stored) */
  text: text(LIMITS.articleChars),
  /** phone numbers anywhere on the page (body, sidebar, footer, contact box) */
  phones: v.pipe(v.array(PhoneMentionSchema), v.maxLength(LIMITS.phones)),
});

export const SocialPostSchema = v.pipe(
  v.object({
    id: text(LIMITS.shortChars),
    /** ISO 8601 */
    time: v.optional(text(40)),
    text: text(LIMITS.itemChars),
    /** outbound URLs as they appear (the shown URL where the network wraps links, e.g. t.co) */
    urls: v.pipe(v.array(text(LIMITS.urlChars)), v.maxLength(LIMITS.urlsPerPost)),
    replies: nullableCount,
    reposts: nullableCount,
    likes: nullableCount,
    views: v.optional(nullableCount),
    /** a reply to somebody else */
    isReply: flag,
    /** a repost/boost/retweet of somebody else's post */
    isRepost: flag,
    /** quotes somebody else's post */
    isQuote: flag,
    isPinned: flag,
    isPromoted: flag,
    /** the posting client ("via" app) where the network shows it */
    client: v.optional(text(LIMITS.shortChars)),
    author: v.optional(text(LIMITS.shortChars)),
    evidence: EvidenceSchema,
  }),
  v.transform(withOwnExcerpt),
);

export const SocialSectionSchema = v.object({
  handle: v.optional(text(LIMITS.shortChars)),
  name: v.optional(text(LIMITS.shortChars)),
  followers: nullableCount,
  following: nullableCount,
  postsCount: v.optional(nullableCount),
  /** posts visible on the page, deduplicated by id, pinned and promoted included (rules filter) */
  posts: v.pipe(v.array(SocialPostSchema), v.maxLength(LIMITS.posts)),
  /** set when `posts` holds only the newest posts of a longer timeline: distinct posts seen in all */
  postsSeen: v.optional(count),
  /** the focused post of a single-post page */
  mainPost: v.optional(SocialPostSchema),
  /** names of counts the adapter saw but could not read ("followers", "likes:1234", …) */
  unreadable: v.pipe(v.array(text(100)), v.maxLength(LIMITS.unreadable)),
  /** the visible timeline includes the account's replies (X's /with_replies, Mastodon's "Posts and replies") */
  timelineIncludesReplies: v.optional(flag),
});

export const PageModelSchema = v.object({
  url: HttpUrl,
  kind: v.picklist(KINDS),
  platform: v.picklist(PLATFORMS),
  lang: v.optional(text(35)),
  article: v.optional(ArticleSectionSchema),
  comments: v.optional(CommentSectionSchema),
  social: v.optional(SocialSectionSchema),
});

export type Evidence = v.InferOutput<typeof EvidenceSchema>;
export type FormField = v.InferOutput<typeof FormFieldSchema>;
export type CommentForm = v.InferOutput<typeof CommentFormSchema>;
export type Comment = v.InferOutput<typeof CommentSchema>;
export type CommentCounts = v.InferOutput<typeof CommentCountsSchema>;
export type CommentSection = v.InferOutput<typeof CommentSectionSchema>;
export type Link = v.InferOutput<typeof LinkSchema>;
export type PhoneMention = v.InferOutput<typeof PhoneMentionSchema>;
export type ArticleSection = v.InferOutput<typeof ArticleSectionSchema>;
export type SocialPost = v.InferOutput<typeof SocialPostSchema>;
export type SocialSection = v.InferOutput<typeof SocialSectionSchema>;
export type PageModel = v.InferOutput<typeof PageModelSchema>;
