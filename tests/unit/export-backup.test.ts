import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup, validateAudit } from '../../src/export/backup';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../src/settings';
import { type HowSocialDb, openDb } from '../../src/storage/db';

const FACTS = {
  commentSystem: 'native',
  commentsState: 'closed',
  requiredFields: null,
  newsletterCheckbox: null,
  comments: 3,
  pingbacks: 0,
  authorComments: 1,
  followers: null,
  following: null,
  visiblePosts: null,
  replies: null,
  reposts: null,
  likes: null,
} as const;

const good = (i: number) => ({
  url: `https://blog.example.de/post-${i}/`,
  site: 'blog.example.de',
  platform: 'wordpress',
  kind: 'article',
  score: 37,
  band: 'red',
  time: 1_700_000_000_000 + i,
  rulesVersion: 1,
  facts: FACTS,
  sample: 3,
  findings: [
    {
      rule: 'comments-closed',
      verdict: 'fail',
      score: 0,
      weight: 3,
      evidence: [{ selector: '#respond', text: 'Kommentare geschlossen' }],
    },
  ],
  // FNV-1a hex, the contract's pattern (src/contract/vocabulary.ts FINGERPRINT)
  fingerprints: ['0badc0de'],
});

const file = (audits: unknown[]) =>
  JSON.stringify({ format: 'howsocial-backup', version: 1, exportedAt: '2026-11-22T00:00:00Z', audits });

describe('backup import', () => {
  let db: HowSocialDb;
  beforeEach(() => {
    db = openDb(`backup-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('validates every audit and finding, and says why it rejects one', () => {
    expect(typeof validateAudit(good(1))).toBe('object');
    const cases: [unknown, RegExp][] = [
      ['x', /Expected Object/],
      [{ ...good(1), url: 'javascript:alert(1)' }, /url/],
      [{ ...good(1), platform: 'myspace' }, /platform/],
      [{ ...good(1), kind: 'shop' }, /kind/],
      [{ ...good(1), score: 140 }, /score/],
      [{ ...good(1), band: 'green' }, /band/],
      [{ ...good(1), time: 'yesterday' }, /time/],
      [{ ...good(1), facts: { comments: { $gt: 1 } } }, /facts.comments/],
      [{ ...good(1), findings: 'none' }, /findings/],
    ];
    for (const [raw, reason] of cases) expect(validateAudit(raw)).toMatch(reason);
    const v = validateAudit({
      ...good(1),
      findings: [good(1).findings[0], { rule: 'x', verdict: 'maybe', score: 0, weight: 1, evidence: [] }],
    });
    expect(typeof v === 'object' && v.audit.findings.length).toBe(1);
    expect(typeof v === 'object' && v.dropped[0]).toMatch(/verdict/);
  });

  it('merges without duplicating and reports what it skipped', async () => {
    const first = await importBackup(db, file([good(1), good(2)]));
    expect(first).toEqual({ settings: null, imported: 2, duplicates: 0, skipped: [] });
    const second = await importBackup(db, file([good(2), good(3), good(3), { ...good(4), score: -1 }]));
    expect(second.imported).toBe(1);
    expect(second.duplicates).toBe(2);
    expect(second.skipped).toEqual([{ index: 4, reason: expect.stringMatching(/^score: /) }]);
    expect(await db.audits.count()).toBe(3);
    expect((await db.auditFindings.toArray()).flatMap((r) => r.findings)).toHaveLength(3);
    expect(await db.fingerprints.count()).toBe(3);
  });

  it('rejects files that are not backups', async () => {
    await expect(importBackup(db, 'nope')).rejects.toThrow('not-json');
    await expect(importBackup(db, '{"audits":[]}')).rejects.toThrow('not-a-backup');
    await expect(importBackup(db, JSON.stringify({ format: 'howsocial-backup', version: 99, audits: [] }))).rejects.toThrow(
      'newer-version',
    );
  });

  it('round-trips: export, import into an empty database, same rows', async () => {
    await importBackup(db, file([good(1), good(2), { ...good(3), score: null, band: 'grey', findings: [] }]));
    const { blob, audits } = await exportBackup(db, { chunk: 2 });
    expect(audits).toBe(3);
    const text = await blob.text();
    const other = openDb(`backup-${Math.random()}`);
    try {
      expect(await importBackup(other, text)).toEqual({ settings: null, imported: 3, duplicates: 0, skipped: [] });
      const strip = async (d: HowSocialDb) => (await d.audits.orderBy('time').toArray()).map(({ id, ...a }) => a);
      expect(await strip(other)).toEqual(await strip(db));
      expect((await other.fingerprints.toArray()).map((f) => f.fingerprint)).toEqual(['0badc0de', '0badc0de', '0badc0de']);
    } finally {
      await other.delete();
    }
  });

  it('carries the settings: exported with the history, imported valid (a hand-edited value is made safe)', async () => {
    const settings = normalizeSettings({
      pausedSites: ['blog.example', 'x.com'],
      pausedUntil: { 'x.com': 1_800_000_000_000 },
      badgeStyle: 'dot',
      retentionDays: 30,
      perSiteCap: 5,
    });
    await importBackup(db, file([good(1)]));
    const { blob } = await exportBackup(db, { settings });
    const text = await blob.text();
    expect(JSON.parse(text).settings).toEqual(settings);
    const other = openDb(`backup-${Math.random()}`);
    try {
      expect((await importBackup(other, text)).settings).toEqual(settings);
      const edited = JSON.parse(text);
      edited.settings.retentionDays = -5;
      edited.settings.pausedSites = ['ok.example', 42];
      const report = await importBackup(other, JSON.stringify(edited));
      expect(report.settings).toMatchObject({ retentionDays: DEFAULT_SETTINGS.retentionDays, pausedSites: ['ok.example'] });
      expect(report.duplicates).toBe(1);
    } finally {
      await other.delete();
    }
  });
});
