import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capSite, findingsOf, historyMatches, pruneOld, REPEAT_WINDOW_MS, saveAudit } from '../../src/storage/audits';
import { type HowSocialDb, openDb } from '../../src/storage/db';
import { sampleAudit } from './setup';

const DAY = 24 * 60 * 60 * 1000;
const T0 = 1_700_000_000_000;
let db: HowSocialDb;
let n = 0;
/** Every stored finding, over all audits. */
const allFindings = async () => (await db.auditFindings.toArray()).flatMap((r) => r.findings);

beforeEach(() => {
  db = openDb(`howsocial-test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('saveAudit', () => {
  it('stores the audit, its findings and fingerprints, linked by id', async () => {
    const id = await saveAudit(db, sampleAudit({ time: T0 }));
    const row = await db.audits.get(id);
    expect(row).toMatchObject({ url: 'https://blog.example/2024/03/post/', site: 'blog.example', score: 37, band: 'red' });
    expect((await findingsOf(db, id)).map((f) => f.rule)).toEqual(['comments-closed', 'author-replies']);
    expect(await db.fingerprints.where('auditId').equals(id).count()).toBe(1);
  });

  it('a repeat audit of the same URL within 10 minutes updates the row instead of adding one', async () => {
    const first = await saveAudit(db, sampleAudit({ time: T0 }));
    const second = await saveAudit(
      db,
      sampleAudit({ time: T0 + REPEAT_WINDOW_MS - 1, score: 80, band: 'orange', findings: [sampleAudit().findings[0]] }),
    );
    expect(second).toBe(first);
    expect(await db.audits.count()).toBe(1);
    expect((await db.audits.get(first))?.score).toBe(80);
    // the old findings are replaced, not appended
    expect(await allFindings()).toHaveLength(1);
    expect(await db.fingerprints.count()).toBe(1);
  });

  it('a visit after the window, or another URL, adds a row', async () => {
    await saveAudit(db, sampleAudit({ time: T0 }));
    await saveAudit(db, sampleAudit({ time: T0 + REPEAT_WINDOW_MS + 1 }));
    await saveAudit(db, sampleAudit({ time: T0 + REPEAT_WINDOW_MS + 2, url: 'https://blog.example/other/' }));
    expect(await db.audits.count()).toBe(3);
    expect(await allFindings()).toHaveLength(6);
  });

  it('is one transaction: a failure while writing findings leaves the stored audit untouched', async () => {
    const id = await saveAudit(db, sampleAudit({ time: T0 }));
    const before = { audits: await db.audits.toArray(), findings: await db.auditFindings.toArray() };
    // A rule id that is not a valid key path value can't break Dexie, so fail the write itself,
    // as a QuotaExceededError would, in the middle of the transaction.
    const original = db.auditFindings.put.bind(db.auditFindings);
    db.auditFindings.put = (() => Promise.reject(new DOMException('quota', 'QuotaExceededError'))) as unknown as typeof original;
    await expect(saveAudit(db, sampleAudit({ time: T0 + 1000, score: 99, band: 'green' }))).rejects.toThrow();
    db.auditFindings.put = original;
    expect(await db.audits.toArray()).toEqual(before.audits);
    expect(await db.auditFindings.toArray()).toEqual(before.findings);
    expect((await db.audits.get(id))?.score).toBe(37);
  });

  it('stores two tabs auditing at once', async () => {
    await Promise.all([
      saveAudit(db, sampleAudit({ time: T0, url: 'https://a.example/1' })),
      saveAudit(db, sampleAudit({ time: T0, url: 'https://b.example/1' })),
    ]);
    expect(await db.audits.count()).toBe(2);
  });
});

describe('historyMatches', () => {
  it('returns fingerprints seen on other sites only, once each', async () => {
    await saveAudit(
      db,
      sampleAudit({ time: T0, url: 'https://x.com/a', site: 'x.com', platform: 'x', fingerprints: ['11111111', '22222222'] }),
    );
    await saveAudit(
      db,
      sampleAudit({ time: T0 + 1, url: 'https://x.com/b', site: 'x.com', platform: 'x', fingerprints: ['11111111'] }),
    );
    await saveAudit(
      db,
      sampleAudit({ time: T0, url: 'https://bsky.app/a', site: 'bsky.app', platform: 'bluesky', fingerprints: ['33333333'] }),
    );
    const matches = await historyMatches(db, ['11111111', '33333333', '44444444'], 'bsky.app');
    expect(matches).toEqual([{ fingerprint: '11111111', site: 'x.com', platform: 'x' }]);
    expect(await historyMatches(db, [], 'bsky.app')).toEqual([]);
  });
});

describe('pruneOld', () => {
  it('deletes every audit older than the retention with its rows, the newest of a site included', async () => {
    const now = T0 + 400 * DAY;
    const oldA1 = await saveAudit(db, sampleAudit({ time: T0, url: 'https://a.example/1', site: 'a.example' }));
    const oldA2 = await saveAudit(db, sampleAudit({ time: T0 + DAY, url: 'https://a.example/2', site: 'a.example' }));
    const onlyB = await saveAudit(db, sampleAudit({ time: T0, url: 'https://b.example/1', site: 'b.example' }));
    const oldC = await saveAudit(db, sampleAudit({ time: T0, url: 'https://c.example/1', site: 'c.example' }));
    const freshC = await saveAudit(db, sampleAudit({ time: now - DAY, url: 'https://c.example/2', site: 'c.example' }));

    expect(await pruneOld(db, 180, now)).toBe(4);
    expect((await db.audits.toArray()).map((a) => a.id)).toEqual([freshC]);
    for (const gone of [oldA1, oldA2, onlyB, oldC]) {
      expect(await db.auditFindings.get(gone)).toBeUndefined();
      expect(await db.fingerprints.where('auditId').equals(gone).count()).toBe(0);
    }
    expect(await findingsOf(db, freshC)).toHaveLength(2);
  });

  it('retention 0 empties the history: no audit, finding or fingerprint is left', async () => {
    await saveAudit(db, sampleAudit({ time: T0 }));
    await saveAudit(db, sampleAudit({ time: T0 + 5, url: 'https://b.example/', site: 'b.example' }));
    expect(await pruneOld(db, 0, T0 + 10)).toBe(2);
    expect([await db.audits.count(), await db.auditFindings.count(), await db.fingerprints.count()]).toEqual([0, 0, 0]);
  });

  it('keeps everything inside the retention', async () => {
    await saveAudit(db, sampleAudit({ time: T0 }));
    await saveAudit(db, sampleAudit({ time: T0 + REPEAT_WINDOW_MS * 2 }));
    expect(await pruneOld(db, 180, T0 + 10 * DAY)).toBe(0);
    expect(await db.audits.count()).toBe(2);
  });
});

describe('one visit, one row; a cap per site', () => {
  it("an audit saved into the tab's earlier row of the same site replaces it, findings and fingerprints too", async () => {
    const first = await saveAudit(db, sampleAudit({ time: T0, url: 'https://x.com/a', fingerprints: ['aaaa0001'] }));
    const second = await saveAudit(
      db,
      sampleAudit({ time: T0 + 500, url: 'https://x.com/b', score: 80, band: 'orange', fingerprints: ['bbbb0002'] }),
      { into: first },
    );
    expect(second).toBe(first);
    expect(await db.audits.toArray()).toEqual([expect.objectContaining({ id: first, url: 'https://x.com/b', score: 80 })]);
    expect((await db.fingerprints.toArray()).map((f) => f.fingerprint)).toEqual(['bbbb0002']);
  });

  it('`into` a row of another site (or one that is gone) adds a row instead', async () => {
    const other = await saveAudit(db, sampleAudit({ time: T0, url: 'https://a.example/', site: 'a.example' }));
    const id = await saveAudit(db, sampleAudit({ time: T0 + 1, url: 'https://b.example/', site: 'b.example' }), { into: other });
    expect(id).not.toBe(other);
    const again = await saveAudit(db, sampleAudit({ time: T0 + 2, url: 'https://b.example/2', site: 'b.example' }), {
      into: 12345,
    });
    expect(await db.audits.count()).toBe(3);
    expect(again).not.toBe(id);
  });

  it('keeps the newest N audits of a site and deletes the older ones with their rows', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await saveAudit(db, sampleAudit({ time: T0 + i * DAY, url: `https://blog.example/${i}` }), { cap: 3 }));
    }
    const other = await saveAudit(db, sampleAudit({ time: T0, url: 'https://a.example/', site: 'a.example' }), { cap: 3 });
    expect((await db.audits.where('site').equals('blog.example').primaryKeys()).sort()).toEqual(ids.slice(2).sort());
    expect(await db.auditFindings.get(ids[0])).toBeUndefined();
    expect(await db.fingerprints.where('auditId').anyOf(ids.slice(0, 2)).count()).toBe(0);
    expect(await db.audits.get(other)).toBeDefined();
    // a lower cap later applies at once
    expect(await capSite(db, 'blog.example', 1)).toBe(2);
    expect((await db.audits.where('site').equals('blog.example').toArray()).map((a) => a.id)).toEqual([ids[4]]);
  });
});
