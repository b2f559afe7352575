import {
  FIELD_KINDS as CONTRACT_FIELD_KINDS,
  KINDS as CONTRACT_KINDS,
  PLATFORMS as CONTRACT_PLATFORMS,
} from '../../../src/contract/vocabulary';
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

// the contract's lists: a new platform or kind is generated as soon as it exists
export const KINDS: readonly PageKind[] = CONTRACT_KINDS;
export const PLATFORMS: readonly Platform[] = CONTRACT_PLATFORMS;
const FIELD_KINDS: readonly FieldKind[] = CONTRACT_FIELD_KINDS;

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

/**
 * Pages shaped like the ones adapters deliver, with random proportions: an open blog post with a
 * thread of comments (dated before `now`, some by the author, some critical, some pingbacks),
 * or a profile with a timeline (times before `now`, replies, reposts, links that repeat,
 * scheduler clients, offers, hotlines). Purely random models almost never have six dated posts
 * or three top-level comments, so without these six of nineteen rules never judged anything and
 * their properties held vacuously (issue 14). The texts are the DE/EN wording the rules read.
 */
export const SHAPED_NOW = Date.UTC(2026, 10, 22, 12);
const HOUR = 3_600_000;
const before = (hours: number) => new Date(SHAPED_NOW - hours * HOUR).toISOString();

const commentText = fc.constantFrom(
  'Danke für den tollen Artikel!',
  'Warum wird meine Frage hier nicht beantwortet?',
  'Das ist leider falsch, die Zahlen stimmen nicht.',
  'Great recipe, thanks!',
  'Why does nobody answer here? This is disappointing.',
  'Ich bin enttäuscht vom Support, seit Wochen keine Antwort.',
  'Wie lange dauert die Lieferung?',
);

const shapedComment: fc.Arbitrary<Comment> = fc.record({
  author: fc.constantFrom('Anna', 'Ben', 'Carla', 'Dieter', 'Autorin'),
  date: fc.integer({ min: 49, max: 24 * 400 }).map(before),
  text: commentText,
  kind: fc.constantFrom('comment', 'comment', 'comment', 'comment', 'pingback', 'trackback'),
  byPostAuthor: fc.boolean(),
  depth: fc.constantFrom(0, 0, 0, 1),
  evidence,
});

const shapedArticle: fc.Arbitrary<PageModel> = fc.record({
  url: fc.constant('https://blog.example/2026/10/post/'),
  kind: fc.constant<PageKind>('article'),
  platform: fc.constantFrom<Platform>('wordpress', 'blogger', 'generic', 'ghost'),
  lang: fc.constantFrom('de', 'en'),
  article: fc.record({
    title: fc.constant('Ein Beitrag'),
    author: fc.constantFrom('Autorin', ''),
    published: fc.integer({ min: 1, max: 24 * 800 }).map(before),
    links: fc.array(link, { maxLength: 10 }),
    shareButtons: fc.array(evidence, { maxLength: 4 }),
    // up to ~600 words: management-speak reads only articles of 250 words and more
    text: fc
      .array(
        fc.constantFrom(
          'Wir optimieren Touchpoints entlang der Customer Journey mit unserem CRM-Prozess und heben Synergien.',
          'We leverage synergies across all touchpoints to optimise the customer experience end to end.',
          'Heute koche ich Kürbissuppe, das Rezept ist ganz einfach und schmeckt der ganzen Familie gut.',
          'Last weekend we walked along the river and talked with neighbours about the new bakery.',
          'Support: 0900 123 456 (kostenpflichtig, 1,99 €/Min.)',
        ),
        // size 'max': fast-check's default keeps arrays short, and short texts are never read
        { maxLength: 60, size: 'max' },
      )
      .map((sentences) => sentences.join(' ')),
    phones: fc.array(phone, { maxLength: 2 }),
  }),
  comments: fc.record({
    system: fc.constantFrom('native', 'disqus', 'none'),
    state: fc.constantFrom('open', 'open', 'login-required', 'closed', 'none'),
    form: fc.option(form, { nil: null }),
    comments: fc.array(shapedComment, { maxLength: 40, size: 'max' }),
    evidence: fc.array(evidence, { maxLength: 2 }),
  }),
});

const postText = fc.constantFrom(
  'Neuer Blogbeitrag: wie wir mit Kundinnen und Kunden im Gespräch bleiben und was wir daraus lernen.',
  'Jetzt 20% Rabatt mit Code SALE20 im Shop – nur heute! https://shop.example/',
  'Bei Fragen rufen Sie bitte unsere Hotline an: 0900 123 456 (1,99 €/Min.)',
  'Thanks for the question! We answered it in detail in our help centre article linked below.',
  'Good morning! What are you all working on this week? Tell us in the replies, we read every one.',
);

const shapedPosts = fc
  .record({
    n: fc.integer({ min: 0, max: 40 }),
    // hours between posts: machine-regular (jitter 0) or human (large jitter)
    gap: fc.integer({ min: 1, max: 48 }),
    jitter: fc.constantFrom(0, 0, 5, 40),
    seed: fc.array(
      fc.record({
        text: postText,
        url: fc.constantFrom('https://shop.example/', 'https://blog.example/a', 'https://news.example/x'),
        hasUrl: fc.boolean(),
        isReply: fc.boolean(),
        isRepost: fc.constantFrom(false, false, false, true),
        client: fc.constantFrom('Buffer', 'Hootsuite Inc.', 'Twitter Web App', ''),
        likes: count,
        jit: fc.nat({ max: 100 }),
      }),
      { minLength: 40, maxLength: 40 },
    ),
  })
  .map(({ n, gap, jitter, seed }) =>
    seed.slice(0, n).map(
      (s, i): SocialPost => ({
        id: String(i + 1),
        time: before(1 + i * gap + (jitter ? s.jit % jitter : 0)),
        text: s.text,
        urls: s.hasUrl ? [s.url] : [],
        replies: 1,
        reposts: 0,
        likes: s.likes,
        isReply: s.isReply,
        isRepost: s.isRepost,
        isQuote: false,
        isPinned: false,
        isPromoted: false,
        client: s.client,
        author: s.isRepost ? 'someone-else' : 'acme',
        evidence: { selector: `article:nth-of-type(${i + 1})`, text: s.text.slice(0, 40) },
      }),
    ),
  );

const shapedProfile: fc.Arbitrary<PageModel> = fc.record({
  url: fc.constant('https://x.com/acme'),
  // a post page: the timeline is the conversation under mainPost, others' replies and the owner's
  kind: fc.constantFrom<PageKind>('profile', 'profile', 'post'),
  platform: fc.constantFrom<Platform>('x', 'mastodon', 'bluesky'),
  lang: fc.constantFrom('de', 'en'),
  social: fc.record({
    handle: fc.constant('acme'),
    followers: fc.oneof(count, fc.integer({ min: 1000, max: 5_000_000 })),
    following: count,
    posts: fc
      .tuple(shapedPosts, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }))
      .map(([posts, byOthers]) => posts.map((p, i) => (byOthers[i] && !p.isRepost ? { ...p, author: `reader${i}` } : p))),
    mainPost: post.map((p) => ({ ...p, author: 'acme' })),
    timelineIncludesReplies: fc.boolean(),
    unreadable: fc.constant([]),
  }),
});

export const shapedPage = fc.oneof(shapedArticle, shapedProfile);

/** A context at SHAPED_NOW whose history may hold the shaped posts' texts as seen on other networks. */
export const shapedContext = fc.record({
  now: fc.constant(SHAPED_NOW),
  crossPosted: fc.boolean(),
  platform: fc.constantFrom<Platform>('facebook', 'linkedin', 'x'),
});
