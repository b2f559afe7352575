// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareRecord, summarize } from '../../scripts/lib/compare.mjs';
import { auditRecord } from '../../scripts/lib/shape.mjs';
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
