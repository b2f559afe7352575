import type {
  ArticleSection,
  Comment,
  CommentForm,
  CommentSection,
  FormField,
  PageModel,
  SocialPost,
} from '../../../src/contract';
import type { RuleContext } from '../../../src/rules/rule';

/**
 * Small typed builders for plain PageModel objects, so rule tests read as the situation they
 * describe ("an open WordPress post with three unanswered comments") instead of object dumps.
 */

export const NOW = Date.parse('2026-11-22T12:00:00Z');
export const ctx = (now = NOW): RuleContext => ({ now, history: [] });
export const daysAgo = (days: number, now = NOW) => new Date(now - days * 86_400_000).toISOString();

let seq = 0;
const ev = (what: string) => ({ selector: `#${what.replace(/[^\w-]/g, '-')}-${++seq}`, text: what.slice(0, 200) });

export function field(kind: FormField['kind'], over: Partial<FormField> = {}): FormField {
  const type = kind === 'comment' ? 'textarea' : ['newsletter', 'consent'].includes(kind) ? 'checkbox' : 'text';
  return { name: kind, label: kind, type, kind, required: false, evidence: ev(`field-${kind}`), ...over };
}

/** WordPress's default: comment, name and e-mail required, website optional. */
export function form(extra: FormField[] = [], over: Partial<CommentForm> = {}): CommentForm {
  return {
    fields: [
      field('comment', { required: true }),
      field('name', { required: true }),
      field('email', { required: true }),
      field('url'),
      ...extra,
    ],
    captcha: false,
    evidence: ev('commentform'),
    ...over,
  };
}

export function comment(text: string, over: Partial<Comment> = {}): Comment {
  return { author: 'Reader', text, kind: 'comment', byPostAuthor: false, depth: 0, evidence: ev(`comment ${text}`), ...over };
}

export const reply = (text: string, over: Partial<Comment> = {}) =>
  comment(text, { author: 'Author', byPostAuthor: true, depth: 1, ...over });
export const pingback = (text = 'Pingback: Another blog') => comment(text, { author: 'Another blog', kind: 'pingback' });

export function section(over: Partial<CommentSection> = {}): CommentSection {
  return { system: 'native', state: 'open', form: form(), comments: [], evidence: [ev('comments')], ...over };
}

export function articleSection(over: Partial<ArticleSection> = {}): ArticleSection {
  return { title: 'A post', author: 'Author', links: [], shareButtons: [], text: '', phones: [], ...over };
}

/** A blog post page: WordPress, open comments, default form, no comments yet. */
export function article(
  over: { article?: Partial<ArticleSection>; comments?: Partial<CommentSection> | null } & Partial<
    Omit<PageModel, 'article' | 'comments'>
  > = {},
): PageModel {
  const { article: a, comments: c, ...rest } = over;
  return {
    url: 'https://blog.example.de/2026/11/ein-beitrag/',
    kind: 'article',
    platform: 'wordpress',
    lang: 'de',
    article: articleSection(a),
    ...(c === null ? {} : { comments: section(c) }),
    ...rest,
  };
}

export function post(over: Partial<SocialPost> = {}): SocialPost {
  return {
    id: String(++seq),
    text: 'A post',
    urls: [],
    replies: 0,
    reposts: 0,
    likes: 0,
    isReply: false,
    isRepost: false,
    isQuote: false,
    isPinned: false,
    isPromoted: false,
    evidence: ev('post'),
    ...over,
  };
}

export function profile(posts: SocialPost[], over: Partial<PageModel> = {}): PageModel {
  return {
    url: 'https://x.com/someone',
    kind: 'profile',
    platform: 'x',
    social: { followers: 1000, following: 100, posts, unreadable: [] },
    ...over,
  };
}

/** n words of neutral filler, to reach a text length without jargon. */
export const filler = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 'Leute' : 'reden')).join(' ');
