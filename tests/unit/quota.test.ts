import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptAudit, db as backgroundDb, LAST_ERROR_KEY } from '../../src/background/audits';
import type { Audit } from '../../src/contract';
import { REPEAT_WINDOW_MS, saveAudit } from '../../src/storage/audits';
import { type HowSocialDb, openDb } from '../../src/storage/db';
import { chromeMock, sampleAudit } from './setup';

/**
 * A full disk (QuotaExceededError) at any write of an audit must be reported and must lose
 * nothing already stored: every write point of saveAudit fails in turn, for a new visit and for
 * a repeat visit (which updates a stored row), and the database must be exactly as before.
 */
const T0 = 1_780_000_000_000;
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

type Snapshot = Record<'audits' | 'auditFindings' | 'fingerprints', unknown[]>;
async function snapshot(db: HowSocialDb): Promise<Snapshot> {
  return {
    audits: await db.audits.toArray(),
    auditFindings: await db.auditFindings.toArray(),
    fingerprints: await db.fingerprints.toArray(),
  };
}

/** Make one table method fail as IndexedDB does when the disk is full; returns the undo. */
function failing(
  db: HowSocialDb,
  table: 'audits' | 'auditFindings' | 'fingerprints',
  method: 'add' | 'put' | 'bulkAdd',
): () => void {
  const t = db[table] as unknown as Record<string, unknown>;
  const original = t[method];
  t[method] = () => Promise.reject(quota());
  return () => {
    t[method] = original;
  };
}

const WRITES = [
  ['audits', 'add'],
  ['audits', 'put'],
  ['auditFindings', 'put'],
  ['fingerprints', 'bulkAdd'],
] as const;

const withPrints = (over: Partial<Audit>) => sampleAudit({ fingerprints: ['deadbeef', 'cafebabe'], ...over });

let db: HowSocialDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`howsocial-quota-${++n}`);
  for (let i = 0; i < 20; i++) await saveAudit(db, withPrints({ time: T0 + i, url: `https://blog.example/p${i}/` }));
});
afterEach(async () => {
  await db.delete();
});

describe('quota exceeded in saveAudit', () => {
  for (const [table, method] of WRITES) {
    for (const visit of ['new', 'repeat'] as const) {
      it(`${table}.${method} failing on a ${visit} visit rejects and leaves the database exactly as it was`, async () => {
        const before = await snapshot(db);
        const undo = failing(db, table, method);
        // repeat: the same URL inside the window updates row p19 (put + delete + re-add/replace)
        const audit =
          visit === 'repeat'
            ? withPrints({ time: T0 + 19 + REPEAT_WINDOW_MS / 2, url: 'https://blog.example/p19/', score: 99, band: 'green' })
            : withPrints({ time: T0 + 100, url: 'https://blog.example/new/' });
        const result = saveAudit(db, audit).then(
          () => 'stored',
          (e: unknown) => e,
        );
        const outcome = await result;
        undo();
        // Only the write paths this visit really takes fail; the others store normally.
        // (auditFindings.put runs on both: a repeat visit replaces the audit's list.)
        const used = table !== 'audits' || (visit === 'new' ? method !== 'put' : method !== 'add');
        if (used) {
          expect(outcome).not.toBe('stored');
          expect(String((outcome as { name?: string }).name ?? outcome)).toMatch(/Quota/);
          expect(await snapshot(db)).toEqual(before);
        } else {
          expect(outcome).toBe('stored');
        }
        // With space again, the same audit is stored.
        await saveAudit(db, audit);
        expect(await db.audits.where('url').equals(audit.url).count()).toBe(1);
      });
    }
  }
});

describe('quota exceeded in the background', () => {
  const TAB = 7;
  it('is recorded for the popup (storage.local lastError), the badge still shows, stored audits stay', async () => {
    const bg = backgroundDb();
    await acceptAudit(TAB, sampleAudit({ time: T0, url: 'https://blog.example/kept/' }));
    const before = await snapshot(bg);
    expect(before.audits).toHaveLength(1);

    const undo = failing(bg, 'auditFindings', 'put');
    const ok = await acceptAudit(TAB, sampleAudit({ time: T0 + 1, url: 'https://blog.example/lost/', score: 12 }));
    undo();

    expect(ok).toBe(false);
    const chrome = chromeMock();
    expect(chrome.storage.local.data.get(LAST_ERROR_KEY)).toMatchObject({ code: 'QuotaExceededError' });
    expect(chrome.badges.get(TAB)?.text).toBe('12');
    expect(chrome.storage.session.data.get(`audit:tab:${TAB}`)).toMatchObject({ url: 'https://blog.example/lost/' });
    expect(await snapshot(bg)).toEqual(before);

    // The next audit after the disk has room again is stored normally (in another tab: the same
    // tab on the same site within minutes would replace the visit's row, src/background/audits.ts).
    expect(await acceptAudit(TAB + 1, sampleAudit({ time: T0 + 2, url: 'https://blog.example/next/' }))).toBe(true);
    expect((await bg.audits.toArray()).map((a) => a.url)).toEqual(['https://blog.example/kept/', 'https://blog.example/next/']);
    await bg.delete();
  });
});
