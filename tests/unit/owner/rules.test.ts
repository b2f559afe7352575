import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOfOwner, judgeOwner, ownerJson, ownerReportOf, pageModelOf } from '../../../src/owner/audit';
import { OWNER_RULES } from '../../../src/owner/rules';
import cadence from '../../../src/owner/rules/owner-cadence';
import commentsOpen from '../../../src/owner/rules/owner-comments-open';
import critical from '../../../src/owner/rules/owner-critical-unanswered';
import replyRate from '../../../src/owner/rules/owner-reply-rate';
import repeated from '../../../src/owner/rules/owner-repeated-links';
import sales from '../../../src/owner/rules/owner-sales-share';
import social from '../../../src/owner/rules/owner-social';
import type { OwnerComment, OwnerData, OwnerPost } from '../../../src/owner/types';
import { messageKey } from '../../../src/contract/vocabulary';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const H = 3_600_000;
const DAY = 24 * H;

function post(i: number, over: Partial<OwnerPost> = {}): OwnerPost {
  return {
    id: String(i),
    url: `https://blog.example.de/p${i}/`,
    title: `Beitrag ${i}`,
    time: new Date(NOW - i * 3.3 * DAY - (i % 5) * 7 * H).toISOString(),
    text: `Text ${i}`,
    urls: [],
    commentsOpen: true,
    comments: [],
    commentCount: 0,
    isReply: false,
    isRepost: false,
    ...over,
  };
}
const reader = (id: string, at: number, text = 'Schön!', over: Partial<OwnerComment> = {}): OwnerComment => ({
  id,
  author: `Leser ${id}`,
  byAuthor: false,
  time: new Date(at).toISOString(),
  text,
  ...over,
});
const author = (id: string, parentId: string, at: number): OwnerComment => ({
  id,
  parentId,
  author: 'Inhaberin',
  byAuthor: true,
  time: new Date(at).toISOString(),
  text: 'Danke!',
});

function blog(posts: OwnerPost[], over: Partial<OwnerData> = {}): OwnerData {
  return {
    url: 'https://blog.example.de/',
    kind: 'blog',
    platform: 'wordpress',
    source: 'wp-rest',
    name: 'blog.example.de',
    followers: null,
    posts,
    threaded: true,
    notes: [],
    ...over,
  };
}
const account = (posts: OwnerPost[]): OwnerData => ({
  ...blog(posts),
  kind: 'social',
  platform: 'mastodon',
  source: 'mastodon-api',
  followers: 10,
});

describe('owner rule registry', () => {
  const en = JSON.parse(readFileSync('_locales/en/messages.json', 'utf8'));
  const de = JSON.parse(readFileSync('_locales/de/messages.json', 'utf8'));
  it('registers every owner rule file, each with DE and EN texts', () => {
    expect(OWNER_RULES.map((r) => r.id)).toEqual([
      'owner-cadence',
      'owner-comments-open',
      'owner-critical-unanswered',
      'owner-repeated-links',
      'owner-reply-rate',
      'owner-sales-share',
      'owner-social',
    ]);
    for (const r of OWNER_RULES)
      for (const part of ['title', 'problem', 'why', 'advice', 'detail', 'learn'] as const) {
        expect(en[messageKey(r.id, part)]?.message, `${r.id} ${part} en`).toBeTruthy();
        expect(de[messageKey(r.id, part)]?.message, `${r.id} ${part} de`).toBeTruthy();
      }
  });
});

describe('owner-reply-rate', () => {
  it('counts an author answer anywhere below a reader comment, and the median time to it', () => {
    const t0 = NOW - 30 * DAY;
    const p1 = post(1, {
      comments: [
        reader('a', t0),
        { ...reader('b', t0 + H), parentId: 'a' },
        author('c', 'b', t0 + 5 * H),
        reader('d', t0 + 2 * H),
      ],
    });
    const p2 = post(2, { comments: [reader('e', t0), author('f', 'e', t0 + 3 * H), reader('g', t0), reader('h', t0)] });
    const data = blog([p1, p2]);
    const r = replyRate.judge(data, { now: NOW })!;
    // a (answered 5 h later via its reply b), d, e (3 h), g, h: 2 of 5.
    expect(r.detail).toEqual([2, 5, '40%', 4]);
    expect(r.verdict).toBe('warn');
    expect(r.evidence.map((e) => e.text)).toEqual(['Leser d: Schön!', 'Leser g: Schön!', 'Leser h: Schön!']);
    expect(factsOfOwner(data)).toMatchObject({ authorReplyRate: 0.4, medianReplyHours: 4, commentsOpenShare: 1 });
  });

  it('without a thread structure (feeds), a later author comment counts as the answer', () => {
    const t0 = NOW - 30 * DAY;
    const c = [
      reader('a', t0),
      reader('b', t0 + H),
      { ...author('c', '', t0 + 2 * H), parentId: undefined },
      reader('d', t0 + 3 * H),
      reader('e', t0 + 4 * H),
      reader('f', t0 + 5 * H),
    ];
    expect(replyRate.judge(blog([post(1, { comments: c })], { threaded: false }), { now: NOW })!.detail).toEqual([
      2,
      5,
      '40%',
      1.5,
    ]);
  });

  it('is not applicable with fewer than five reader comments', () => {
    expect(replyRate.judge(blog([post(1, { comments: [reader('a', NOW)] })]), { now: NOW })).toBeNull();
  });
});

describe('owner-comments-open', () => {
  it('fails a blog whose posts are mostly closed, naming the closed posts', () => {
    const r = commentsOpen.judge(
      blog([post(1), post(2, { commentsOpen: false }), post(3, { commentsOpen: false }), post(4, { commentsOpen: null })]),
      { now: NOW },
    )!;
    expect(r.detail).toEqual([1, 3, '33%']);
    expect(r.verdict).toBe('fail');
    expect(r.evidence.map((e) => e.selector)).toEqual(['https://blog.example.de/p2/', 'https://blog.example.de/p3/']);
  });
});

describe('owner-critical-unanswered', () => {
  it('fails three unanswered critical comments across posts, leaves a fresh one out', () => {
    const old = NOW - 10 * DAY;
    const posts = [
      post(1, { comments: [reader('a', old, 'Das ist eine Frechheit, der Service war unmöglich.')] }),
      post(2, { comments: [reader('b', old, 'Warum antwortet eigentlich niemand auf meine Anfrage?')] }),
      post(3, {
        comments: [
          reader('c', old, 'Leider völlig enttäuschend, so geht das nicht.'),
          reader('d', NOW - H, 'Wann kommt endlich die Antwort auf meine Frage?'),
        ],
      }),
    ];
    const r = critical.judge(blog(posts), { now: NOW })!;
    expect(r.detail).toEqual([3, 3]);
    expect(r.verdict).toBe('fail');
  });
});

describe('owner-cadence', () => {
  it('passes an irregular human rhythm and flags a scheduler hour after hour', () => {
    // Days and hours before now as a person posts: uneven gaps, odd minutes.
    const human = [0.4, 1.9, 5.3, 6.05, 9.8, 15.2, 15.37, 21.6, 26.1, 28.9, 33.4, 40.7].map((d, i) =>
      post(i, { time: new Date(NOW - d * DAY - i * 7 * 60_000).toISOString() }),
    );
    expect(cadence.judge(blog(human), { now: NOW })!.verdict).toBe('pass');
    const machine = Array.from({ length: 12 }, (_, i) => post(i, { time: new Date(NOW - 2 * DAY - i * H).toISOString() }));
    const r = cadence.judge(account(machine), { now: NOW })!;
    expect(r.verdict).toBe('fail');
    expect(String(r.detail![0])).toContain('regular');
    expect(String(r.detail![0])).toContain('round-minutes');
  });

  it('flags a burst: more than five posts within one hour', () => {
    const spread = [1.4, 3.9, 6.3, 9.05, 14.8, 20.2].map((d, i) =>
      post(i, { time: new Date(NOW - d * DAY - i * 7 * 60_000).toISOString() }),
    );
    const dump = Array.from({ length: 6 }, (_, i) =>
      post(20 + i, { time: new Date(NOW - 2 * DAY - i * 7 * 60_000 - 13_000).toISOString() }),
    );
    const r = cadence.judge(blog([...spread, ...dump]), { now: NOW })!;
    expect(String(r.detail![0])).toContain('burst:6');
    expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('flags months of silence', () => {
    const posts = Array.from({ length: 10 }, (_, i) => post(i + 40));
    const r = cadence.judge(blog(posts), { now: NOW })!;
    expect(String(r.detail![0])).toMatch(/silence:\d+/);
  });
});

describe('owner-repeated-links', () => {
  it('fails the same link (tracking stripped) in four posts over months', () => {
    const posts = [0, 20, 40, 60, 80].map((d, i) =>
      post(i, { time: new Date(NOW - d * DAY).toISOString(), urls: [`https://shop.example.de/kurs?utm_source=p${i}`] }),
    );
    const r = repeated.judge(blog(posts), { now: NOW })!;
    expect(r.detail).toEqual([5, 'shop.example.de/kurs', 80]);
    expect(r.verdict).toBe('fail');
  });
  it('passes distinct links', () => {
    const posts = [0, 1, 2, 3].map((i) => post(i, { urls: [`https://a.example/${i}`] }));
    expect(repeated.judge(blog(posts), { now: NOW })!.verdict).toBe('pass');
  });
});

describe('owner-sales-share', () => {
  it('fails when more than half of the posts push offers (DE wording)', () => {
    const posts = Array.from({ length: 10 }, (_, i) =>
      post(i, { text: i < 6 ? `Nur heute 20% Rabatt mit dem Code SONNE${i}` : 'Wie war euer Wochenende?' }),
    );
    const r = sales.judge(blog(posts), { now: NOW })!;
    expect(r.detail).toEqual([6, 10, '60%']);
    expect(r.verdict).toBe('fail');
  });
});

describe('owner-social', () => {
  it('fails an account that never replies nor reposts, passes one in conversation', () => {
    const quiet = Array.from({ length: 10 }, (_, i) => post(i, { commentsOpen: null, comments: null }));
    expect(social.judge(account(quiet), { now: NOW })!.verdict).toBe('fail');
    const talking = quiet.map((p, i) => ({ ...p, isReply: i < 3, isRepost: i === 9 }));
    const r = social.judge(account(talking), { now: NOW })!;
    expect(r.detail).toEqual(['30%', '10%', 10]);
    expect(r.verdict).toBe('pass');
    expect(factsOfOwner(account(talking))).toMatchObject({
      replyShare: 0.3,
      repostShare: 0.1,
      followers: 10,
      authorReplyRate: null,
    });
  });
});

describe('owner report', () => {
  it('scores the owner as the weighted mean of the applicable owner rules, with facts, rows and the CLI object', () => {
    const t0 = NOW - 30 * DAY;
    const posts = Array.from({ length: 6 }, (_, i) =>
      post(i, { comments: [reader(`r${i}`, t0), ...(i < 3 ? [author(`a${i}`, `r${i}`, t0 + 2 * H)] : [])] }),
    );
    const report = ownerReportOf(blog(posts), NOW);
    expect(report.posts).toBe(6);
    expect(report.comments).toBe(9);
    expect(report.facts.authorReplyRate).toBe(0.5);
    expect(report.score).not.toBeNull();
    expect(report.rows).toHaveLength(6);
    // Each post's page score comes from the page rules over the post's own thread.
    expect(report.rows[0].score).not.toBeNull();
    const json = ownerJson(report);
    expect(Object.keys(json)).toEqual([
      'url',
      'platform',
      'source',
      'posts',
      'comments',
      'score',
      'band',
      'facts',
      'findings',
      'notes',
      'from',
      'to',
    ]);
    expect(Object.keys(json.facts).sort()).toEqual([
      'authorReplyRate',
      'commentsOpenShare',
      'followers',
      'medianReplyHours',
      'postsPerWeek',
      'replyShare',
      'repostShare',
    ]);
  });

  it('says "not enough signals" (null score) rather than guessing from two posts', () => {
    const report = ownerReportOf(blog([post(1), post(2)]), NOW);
    expect(report.score).toBeNull();
    expect(report.band).toBe('grey');
    expect(judgeOwner(blog([post(1)]), NOW).every((f) => f.verdict === 'n/a' || f.rule === 'owner-comments-open')).toBe(true);
  });

  it('a post as the page rules see it: closed comments become a closed comment section', () => {
    const m = pageModelOf(post(1, { commentsOpen: false }), blog([]));
    expect(m.comments?.state).toBe('closed');
    expect(m.kind).toBe('article');
  });
});
