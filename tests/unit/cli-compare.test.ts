// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareRecord, summarize, undeservedFails } from '../../scripts/lib/compare.ts';
import { auditRecord } from '../../scripts/lib/shape.ts';
import type { Audit } from '../../src/contract';

const label = {
  url: 'https://blog.example/post/',
  lang: 'de',
  kind: 'article',
  platform: 'wordpress',
  commentSystem: 'native',
  commentsState: 'open',
  comments: 18,
  authorComments: 9,
  followers: null,
};

const audit = {
  url: 'https://blog.example/post/',
  kind: 'article',
  platform: 'wordpress',
  score: 80,
  band: 'orange',
  findings: [],
  facts: { commentSystem: 'native', commentsState: 'open', comments: 17, authorComments: 9 },
} as unknown as Audit;

describe('npm run eval: comparison with labels', () => {
  it('compares kind, platform and labelled facts, never url or lang', () => {
    const checks = compareRecord(label, auditRecord({ input: 'p.html', audit }));
    expect(checks.map((c) => c.field)).toEqual([
      'kind',
      'platform',
      'commentSystem',
      'commentsState',
      'comments',
      'authorComments',
      'followers',
    ]);
    expect(checks.filter((c) => !c.ok)).toEqual([{ field: 'comments', expected: 18, got: 17, ok: false }]);
  });

  it('counts every field of a failed input as wrong, even expected nulls', () => {
    const checks = compareRecord(label, auditRecord({ input: 'p.html', error: 'could not load' }));
    expect(checks.every((c) => !c.ok)).toBe(true);
  });

  it('sums the figure and per-field accuracy', () => {
    const s = summarize([
      { name: 'a.html', label, record: auditRecord({ input: 'a', audit }) },
      { name: 'b.html', label: { kind: 'article', platform: 'blogger' }, record: auditRecord({ input: 'b' }) },
    ]);
    expect(s.total).toBe(9);
    expect(s.right).toBe(6);
    expect(s.percent).toBeCloseTo(66.67, 1);
    expect(s.perField.kind).toEqual({ right: 1, total: 2 });
    expect(s.perField.likes).toBeUndefined();
    expect(s.results[1].misses.map((m) => [m.field, m.got])).toEqual([
      ['kind', 'other'],
      ['platform', null],
    ]);
  });
});

describe('npm run eval: per kind, per language, undeserved fails', () => {
  const finding = (rule: string, verdict = 'fail') => ({ rule, verdict, score: 0, weight: 3, evidence: [] });
  const withFindings = (findings: object[], extra: object = {}) =>
    auditRecord({ input: 'p', audit: { ...audit, ...extra, findings } as unknown as Audit });

  it('counts a score on a page labelled other, and fails the labels say the page does not deserve', () => {
    expect(undeservedFails({ kind: 'other' }, withFindings([]))).toEqual([
      { rule: '(score)', why: expect.stringContaining('not an article') },
    ]);
    const open = { kind: 'article', commentsState: 'open', newsletterCheckbox: 'optional', comments: 0, pingbacks: 0 };
    const rules = undeservedFails(
      open,
      withFindings([
        finding('comments-closed'),
        finding('share-without-dialogue'),
        finding('newsletter-coupling'),
        finding('author-replies'),
        finding('pingback-only'),
        finding('stale'),
        finding('comments-closed', 'warn'),
      ]),
    ).map((u) => u.rule);
    expect(rules).toEqual([
      'comments-closed',
      'share-without-dialogue',
      'newsletter-coupling',
      'author-replies',
      'pingback-only',
    ]);
  });

  it('leaves deserved fails alone', () => {
    const closed = { kind: 'article', commentsState: 'closed', newsletterCheckbox: 'prechecked', comments: 4, pingbacks: 2 };
    expect(
      undeservedFails(
        closed,
        withFindings([finding('comments-closed'), finding('newsletter-coupling'), finding('author-replies')]),
      ),
    ).toEqual([]);
    // a label that does not state the fact judges nothing about it
    expect(
      undeservedFails({ kind: 'article' }, withFindings([finding('newsletter-coupling'), finding('author-replies')])),
    ).toEqual([]);
  });

  it('sums accuracy per page kind and per language and lists the undeserved fails by page', () => {
    const s = summarize([
      { name: 'a.html', label, record: auditRecord({ input: 'a', audit }) },
      { name: 'shop.html', label: { kind: 'other', lang: 'en', platform: null }, record: withFindings([]) },
    ]);
    expect(s.perKind).toEqual({ article: { right: 6, total: 7 }, other: { right: 0, total: 2 } });
    expect(s.perLang).toEqual({ de: { right: 6, total: 7 }, en: { right: 0, total: 2 } });
    expect(s.undeserved).toEqual([{ name: 'shop.html', rule: '(score)', why: expect.any(String) }]);
  });
});
