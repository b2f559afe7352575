import { beforeEach, describe, expect, it } from 'vitest';
import { acceptAudit, db as backgroundDb, flushPending } from '../../src/background/audits';
import { pendingAudits, setSessionAuditPending } from '../../src/background/session';
import { sampleAudit } from './setup';

/**
 * An MV3 worker can be stopped between receiving an audit and committing it to IndexedDB. The
 * audit is written ahead into storage.session (which outlives the worker) and stored by the
 * next start of the worker: a stopped worker loses nothing, and storing twice adds no row.
 */
const T0 = 1_780_000_000_000;
const TAB = 3;

beforeEach(async () => {
  const db = backgroundDb();
  await Promise.all([db.audits.clear(), db.auditFindings.clear(), db.fingerprints.clear()]);
});

describe('write-ahead audits', () => {
  it('a committed audit leaves no pending entry behind', async () => {
    expect(await acceptAudit(TAB, sampleAudit({ time: T0, url: 'https://blog.example/a/' }))).toBe(true);
    expect(await pendingAudits()).toEqual([]);
    expect(await backgroundDb().audits.count()).toBe(1);
  });

  it('an audit whose worker stopped before the database write is stored at the next start, once', async () => {
    const audit = sampleAudit({ time: T0, url: 'https://blog.example/stopped/' });
    // what acceptAudit had done when the worker was stopped: badge, session copy + write-ahead entry
    await setSessionAuditPending(TAB, audit);
    expect(await backgroundDb().audits.count()).toBe(0);

    expect(await flushPending()).toBe(1);
    const rows = await backgroundDb().audits.toArray();
    expect(rows.map((r) => r.url)).toEqual([audit.url]);
    expect((await backgroundDb().auditFindings.get(rows[0].id!))?.findings).toHaveLength(audit.findings.length);
    expect(await pendingAudits()).toEqual([]);

    // stopped after the commit but before the entry was removed: storing again adds nothing
    await setSessionAuditPending(TAB, audit);
    expect(await flushPending()).toBe(1);
    expect(await backgroundDb().audits.count()).toBe(1);
    expect((await backgroundDb().auditFindings.toArray()).flatMap((r) => r.findings)).toHaveLength(audit.findings.length);
  });

  it('a failed write (full disk) keeps its entry, and the audit is stored once there is space', async () => {
    const db = backgroundDb();
    const audits = db.audits as unknown as { add: unknown };
    const add = audits.add;
    audits.add = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const audit = sampleAudit({ time: T0, url: 'https://blog.example/full/' });
    expect(await acceptAudit(TAB, audit)).toBe(false);
    expect((await pendingAudits()).map(([, e]) => e.audit.url)).toEqual([audit.url]);

    audits.add = add;
    expect(await flushPending()).toBe(1);
    expect((await db.audits.toArray()).map((r) => r.url)).toEqual([audit.url]);
    expect(await pendingAudits()).toEqual([]);
  });
});
