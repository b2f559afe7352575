/**
 * The lists every part of HowSocial speaks in, written once. Schemas (./model.ts, ./audit.ts),
 * types, the popup's labels, the CSV export and the CLI take them from here; a list that grows
 * here makes tsc point at every `Record<Platform, …>` that misses the new member.
 */

export const PLATFORMS = [
  'wordpress',
  'wordpress-com',
  'blogger',
  'ghost',
  'medium',
  'substack',
  'x',
  'facebook',
  'mastodon',
  'bluesky',
  'instagram',
  'linkedin',
  'generic',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** article: blog post or news article; profile: a social account page; post: one social post. */
export const KINDS = ['article', 'profile', 'post', 'other'] as const;
export type PageKind = (typeof KINDS)[number];

export const VERDICTS = ['pass', 'warn', 'fail', 'n/a'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Lighthouse's colour bands (0–49 red, 50–89 orange, 90–100 green); grey: too few signals. */
export const BANDS = ['red', 'orange', 'green', 'grey'] as const;
export type Band = (typeof BANDS)[number];

/** Where a post's comments are stored (plugins that restyle WordPress's own comments are `native`). */
export const COMMENT_SYSTEMS = ['native', 'jetpack', 'disqus', 'commento', 'facebook', 'remark42', 'other', 'none'] as const;
export type CommentSystem = (typeof COMMENT_SYSTEMS)[number];

export const COMMENTS_STATES = ['open', 'login-required', 'closed', 'none'] as const;
export type CommentsState = (typeof COMMENTS_STATES)[number];

export const FIELD_KINDS = ['name', 'email', 'url', 'comment', 'newsletter', 'consent', 'captcha', 'other'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const COMMENT_KINDS = ['comment', 'pingback', 'trackback'] as const;

export const NEWSLETTER_STATES = ['none', 'optional', 'prechecked', 'required'] as const;

/** Rule ids are their file names in src/rules/ (kebab-case). */
export const RULE_ID = /^[a-z][a-z0-9-]{0,63}$/;

/** Post fingerprints: FNV-1a 32-bit hex (src/adapters/fingerprint.ts). */
export const FINGERPRINT = /^[0-9a-f]{8}$/;

export type RuleMessagePart = 'title' | 'problem' | 'why' | 'advice' | 'detail' | 'learn';

/**
 * The one formula from a rule id to its messages in _locales/{en,de}/messages.json:
 * `rule_<id with underscores>_<part>`.
 */
export function messageKey(ruleId: string, part: RuleMessagePart): string {
  return `rule_${ruleId.replace(/-/g, '_')}_${part}`;
}
