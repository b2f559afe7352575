import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { findingsOf, historyMatches, saveAudit } from '../../src/storage/audits';
import { type AuditRow, openDb, type StoredFinding } from '../../src/storage/db';
import { sampleAudit } from './setup';

/**
 * Every schema version src/storage/db.ts has ever shipped, as users' browsers hold it on disk.
 * A database created with an old version and filled must open with today's openDb() with every
 * audit, finding and fingerprint kept. When db.ts gains a version, add its schema (and what an
 * audit row looked like then) here: the guard test below fails until you do.
 */
const SCHEMAS: Record<number, Record<string, string>> = {
  1: {
    audits: '++id, url, site, time, [site+time], [url+time], platform',
    findings: '++id, auditId, rule',
    fingerprints: '++id, fingerprint, site, auditId, time',
  },
  // findings move into one row per audit
  2: {
    audits: '++id, url, site, time, [site+time], [url+time], platform',
    findings: null as unknown as string,
    auditFindings: 'auditId',
    fingerprints: '++id, fingerprint, site, auditId, time',
  },
  // the owner audit's tables are added; nothing else changes
  3: {
    audits: '++id, url, site, time, [site+time], [url+time], platform',
    auditFindings: 'auditId',
    fingerprints: '++id, fingerprint, site, auditId, time',
    ownerPosts: '[site+id], site, [site+owner], lastSeen',
    ownerAudits: '++id, key, time',
  },
};

/** An audit row as version `v` wrote it. */
function oldAuditRow(v: number, i: number): Omit<AuditRow, 'id'> {
  if (v >= 1 && v <= 3) {
    return {
      url: `https://blog${i % 7}.example/post-${i}/`,
      site: `blog${i % 7}.example`,
      platform: i % 3 ? 'wordpress' : 'x',
      kind: i % 3 ? 'article' : 'profile',
      score: i % 5 ? (i * 13) % 101 : null,
      band: i % 5 ? 'orange' : 'grey',
      time: 1_700_000_000_000 + i * 3_600_000,
      rulesVersion: 1,
      facts: sampleAudit().facts,
      sample: i,
    };
  }
  throw new Error(`no row shape for schema v${v}`);
}

let n = 0;
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Create the database exactly as schema version `v` did (all versions up to v declared) and fill it. */
async function createOld(v: number, audits: number): Promise<string> {
  const name = `howsocial-migration-${++n}`;
  names.push(name);
  const old = new Dexie(name);
  for (let k = 1; k <= v; k++) old.version(k).stores(SCHEMAS[k]);
  await old.open();
  const findingsOfAudit = (i: number): StoredFinding[] =>
    // Every 11th audit has no findings (a page that is neither an article nor a profile).
    i % 11 === 0
      ? []
      : [
          { rule: 'comments-closed', verdict: 'fail', score: 0, weight: 3, evidence: [{ selector: '#c', text: `closed ${i}` }] },
          {
            rule: 'author-replies',
            verdict: 'n/a',
            score: null,
            weight: 2,
            evidence: [],
            ...(i % 2 ? { detail: [i, 'x'] } : {}),
          },
        ];
  const tables = v === 1 ? ['audits', 'findings', 'fingerprints'] : ['audits', 'auditFindings', 'fingerprints'];
  await old.transaction('rw', tables, async () => {
    const ids: number[] = [];
    for (let i = 0; i < audits; i++) {
      const auditId = (await old.table('audits').add(oldAuditRow(v, i))) as number;
      ids.push(auditId);
      if (v >= 2 && findingsOfAudit(i).length) await old.table('auditFindings').add({ auditId, findings: findingsOfAudit(i) });
      await old
        .table('fingerprints')
        .add({ fingerprint: (0x10000000 + i).toString(16), site: `blog${i % 7}.example`, platform: 'x', auditId, time: i });
    }
    if (v === 1) {
      // Interleaved, as two tabs saving at once wrote them: an audit's findings are not adjacent.
      for (const k of [0, 1]) {
        await old.table('findings').bulkAdd(
          ids.flatMap((auditId, i) => {
            const f = findingsOfAudit(i)[k];
            return f ? [{ auditId, ...f }] : [];
          }),
        );
      }
    }
  });
  old.close();
  return name;
}

describe('schema migrations', () => {
  it('every version up to the current one is listed here (add a migration test with each new version)', async () => {
    const name = `howsocial-migration-${++n}`;
    names.push(name);
    const db = openDb(name);
    await db.open();
    expect(Object.keys(SCHEMAS).map(Number)).toContain(db.verno);
    expect(Math.max(...Object.keys(SCHEMAS).map(Number))).toBe(db.verno);
    db.close();
  });

  for (const v of Object.keys(SCHEMAS).map(Number)) {
    it(`a database from schema v${v} opens with openDb() keeping every audit, finding and fingerprint`, async () => {
      const AUDITS = 300;
      const name = await createOld(v, AUDITS);
      const before = await (async () => {
        const raw = new Dexie(name);
        await raw.open();
        // Findings per audit id in stored order, whatever table the version kept them in.
        const findings = new Map<number, StoredFinding[]>();
        if (v === 1) {
          for (const { id: _id, auditId, ...f } of await raw.table('findings').toArray())
            findings.set(auditId, [...(findings.get(auditId) ?? []), f]);
        } else {
          for (const row of await raw.table('auditFindings').toArray()) findings.set(row.auditId, row.findings);
        }
        const snapshot = {
          audits: await raw.table('audits').toArray(),
          findings,
          fingerprints: await raw.table('fingerprints').toArray(),
        };
        raw.close();
        return snapshot;
      })();
      expect(before.audits).toHaveLength(AUDITS);

      const db = openDb(name);
      await db.open();
      const audits = await db.audits.toArray();
      expect(audits).toHaveLength(AUDITS);
      // Every old field is still there with its value (new fields may be added by a migration).
      for (const [i, row] of before.audits.entries()) expect(audits[i]).toMatchObject(row);
      // Every audit keeps every finding, in order, with every field.
      expect([...before.findings.values()].flat()).toHaveLength((AUDITS - Math.ceil(AUDITS / 11)) * 2);
      for (const a of before.audits) expect(await findingsOf(db, a.id), `audit ${a.id}`).toEqual(before.findings.get(a.id) ?? []);
      expect(await db.fingerprints.count()).toBe(before.fingerprints.length);

      // The current indexes answer on migrated rows…
      expect(
        await db.audits.where('[site+time]').between(['blog0.example', 0], ['blog0.example', Number.MAX_SAFE_INTEGER]).count(),
      ).toBe(before.audits.filter((a) => a.site === 'blog0.example').length);
      expect(await findingsOf(db, before.audits[1].id)).toHaveLength(2);
      // …the cross-page history still finds old fingerprints…
      const fp = before.fingerprints[0].fingerprint as string;
      expect((await historyMatches(db, [fp], 'elsewhere.example')).map((h) => h.fingerprint)).toContain(fp);
      // …and new audits are stored beside the old ones.
      const fresh = await saveAudit(db, sampleAudit({ time: Date.UTC(2026, 10, 22), url: 'https://new.example/' }));
      expect(await db.audits.count()).toBe(AUDITS + 1);
      expect((await findingsOf(db, fresh)).map((f) => f.rule)).toEqual(sampleAudit().findings.map((f) => f.rule));
      db.close();
    });
  }
});
