import fc from 'fast-check';
import type {
  ArticleSection,
  Comment,
  CommentForm,
  CommentSection,
  Evidence,
  FieldKind,
  FormField,
  Link,
  PageKind,
  PageModel,
  PhoneMention,
  Platform,
  SocialPost,
  SocialSection,
} from '../../../src/contract';

/**
 * Generators for any PageModel the type allows — not only the ones adapters produce today —
 * so rules are tested against inputs nobody thought of: empty lists, huge counts, zero followers,
 * dates in the future or unreadable, text in any script.
 */

export const KINDS: PageKind[] = ['article', 'profile', 'post', 'other'];
export const PLATFORMS: Platform[] = [
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
];
const FIELD_KINDS: FieldKind[] = ['name', 'email', 'url', 'comment', 'newsletter', 'consent', 'captcha', 'other'];

/** Text from every corner: ASCII, German, RTL, emoji, control characters, formula starts. */
export const text = (max = 80) =>
  fc.oneof(
    fc.string({ maxLength: max }),
    fc.string({ unit: 'grapheme', maxLength: max }),
    fc.constantFrom(
      '',
      ' ',
      'Danke für die Antwort!',
      'Warum antwortet hier niemand?',
      'Das ist falsch und ärgerlich.',
      'مرحبا بالعالم، هذا تعليق',
      'שלום עולם',
      '=HYPERLINK("http://evil")',
      '+49 900 123456 kostenpflichtig',
      '0900 1234567',
      'Jetzt 20% Rabatt mit Code SALE20 https://shop.example/?utm_source=x',
      '\u202eevil\u202c',
      '\u0000\u0001',
      '🎉🎉🎉',
    ),
  );

/** ISO dates, plus what broken pages put in datetime attributes. */
export const date = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('', 'gestern', '2026-13-45T99:99:99Z', 'NaN', '0000-00-00', '1970-01-01T00:00:00Z', 'Invalid Date'),
);

/** Counts as adapters report them: null when unreadable, else any non-negative number. */
export const count = fc.oneof(fc.constant(null), fc.nat(), fc.integer({ min: 0, max: 2_000_000_000 }), fc.constant(0));

export const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'https://example.org/',
    'https://x.com/someone',
    'https://blog.example/2026/10/post/',
    'http://localhost:8080/a',
  ),
);

export const evidence: fc.Arbitrary<Evidence> = fc.record({ selector: fc.string({ maxLength: 40 }), text: text(200) });

const field: fc.Arbitrary<FormField> = fc.record(
  {
    name: fc.string({ maxLength: 20 }),
    label: text(40),
    type: fc.constantFrom('text', 'email', 'url', 'checkbox', 'textarea', 'select', 'hidden', ''),
    kind: fc.constantFrom(...FIELD_KINDS),
    required: fc.boolean(),
    checked: fc.boolean(),
    evidence,
  },
  { requiredKeys: ['name', 'label', 'type', 'kind', 'required', 'evidence'] },
);

const form: fc.Arbitrary<CommentForm> = fc.record({ fields: fc.array(field, { maxLength: 8 }), captcha: fc.boolean(), evidence });

const comment: fc.Arbitrary<Comment> = fc.record(
  {
    id: fc.string({ maxLength: 12 }),
    author: text(30),
    date,
    text: text(300),
    kind: fc.constantFrom('comment', 'pingback', 'trackback'),
    byPostAuthor: fc.boolean(),
    depth: fc.nat({ max: 12 }),
    parentId: fc.string({ maxLength: 12 }),
    evidence,
  },
  { requiredKeys: ['author', 'text', 'kind', 'byPostAuthor', 'depth', 'evidence'] },
);

const commentSection: fc.Arbitrary<CommentSection> = fc.record({
  system: fc.constantFrom('native', 'jetpack', 'disqus', 'commento', 'facebook', 'remark42', 'other', 'none'),
  state: fc.constantFrom('open', 'login-required', 'closed', 'none'),
  form: fc.option(form, { nil: null }),
  comments: fc.option(fc.array(comment, { maxLength: 40 }), { nil: null }),
  evidence: fc.array(evidence, { maxLength: 3 }),
});

const link: fc.Arbitrary<Link> = fc.record({ href: url, internal: fc.boolean(), text: text(40) });

const phone: fc.Arbitrary<PhoneMention> = fc.record({
  raw: fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('0900 123 456', '+44 909 8790000', '1-900-555-0199', '0180 5 123456'),
  ),
  normalized: fc.oneof(fc.stringMatching(/^\+?\d{0,15}$/), fc.constant('')),
  context: text(120),
  evidence,
});

const article: fc.Arbitrary<ArticleSection> = fc.record(
  {
    title: text(60),
    author: text(30),
    published: date,
    updated: date,
    lang: fc.constantFrom('de', 'en', 'de-DE', 'ar', 'he', ''),
    links: fc.array(link, { maxLength: 20 }),
    shareButtons: fc.array(evidence, { maxLength: 6 }),
    text: text(600),
    phones: fc.array(phone, { maxLength: 3 }),
  },
  { requiredKeys: ['title', 'links', 'shareButtons', 'text', 'phones'] },
);

const post: fc.Arbitrary<SocialPost> = fc.record(
  {
    id: fc.string({ maxLength: 20 }),
    time: date,
    text: text(280),
    urls: fc.array(url, { maxLength: 3 }),
    replies: count,
    reposts: count,
    likes: count,
    views: count,
    isReply: fc.boolean(),
    isRepost: fc.boolean(),
    isQuote: fc.boolean(),
    isPinned: fc.boolean(),
    isPromoted: fc.boolean(),
    client: fc.constantFrom('Buffer', 'Hootsuite Inc.', 'Twitter Web App', ''),
    author: fc.string({ maxLength: 15 }),
    evidence,
  },
  {
    requiredKeys: [
      'id',
      'text',
      'urls',
      'replies',
      'reposts',
      'likes',
      'isReply',
      'isRepost',
      'isQuote',
      'isPinned',
      'isPromoted',
      'evidence',
    ],
  },
);

const social: fc.Arbitrary<SocialSection> = fc.record(
  {
    handle: fc.string({ maxLength: 15 }),
    name: text(30),
    followers: count,
    following: count,
    postsCount: count,
    posts: fc.array(post, { maxLength: 40 }),
    mainPost: post,
    unreadable: fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }),
  },
  { requiredKeys: ['followers', 'following', 'posts', 'unreadable'] },
);

export const pageModel: fc.Arbitrary<PageModel> = fc.record(
  {
    url,
    kind: fc.constantFrom(...KINDS),
    platform: fc.constantFrom(...PLATFORMS),
    lang: fc.constantFrom('de', 'en', 'ar', ''),
    article,
    comments: commentSection,
    social,
  },
  { requiredKeys: ['url', 'kind', 'platform'] },
);

/** The rule context: any clock (including before the page's dates), any history. */
export const ruleContext = fc.record({
  now: fc.oneof(fc.constant(Date.UTC(2026, 10, 22)), fc.integer({ min: 0, max: 4_102_444_800_000 })),
  history: fc.array(
    fc.record({ fingerprint: fc.stringMatching(/^[0-9a-f]{8}$/), site: fc.domain(), platform: fc.constantFrom(...PLATFORMS) }),
    { maxLength: 5 },
  ),
});
