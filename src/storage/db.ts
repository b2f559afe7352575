import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Band, Evidence, Facts, PageKind, Platform, Verdict } from '../contract';

/**
 * The `howsocial` IndexedDB database, in the extension's origin only (background and popup;
 * never a content script, which would write into the page's origin).
 *
 * Schema history (every version stays listed: Dexie migrates from any of them, and
 * tests/unit/storage-migration.test.ts opens each old version with data and upgrades it):
 *   v1 — audits, findings (one row per finding, indexed by auditId and rule), fingerprints
 *   v2 — findings move into `auditFindings`, one row per audit holding that audit's list. The
 *        CSV export of 100,000 findings read 110,000 records and spent ~2 s of its 2.5 s waiting
 *        on IndexedDB, whose cost in Chromium is per record, not per byte: reading the same data
 *        as one record per audit took a third of the time (bench/README.md, CSV). The audit rows
 *        themselves stay small, because the popup's history reads every audit row with one getAll
 *        and never needs findings. Nothing queried the old `rule` index.
 */
export interface AuditRow {
  id?: number;
  url: string;
  site: string;
  platform: Platform;
  kind: PageKind;
  score: number | null;
  band: Band;
  /** ms since epoch */
  time: number;
  rulesVersion: number;
  facts: Facts;
  sample: number;
}

/** One stored finding, inside its audit's AuditFindingsRow (no id of its own since v2). */
export interface StoredFinding {
  rule: string;
  verdict: Verdict;
  score: number | null;
  weight: number;
  evidence: Evidence[];
  detail?: (string | number)[];
}

/** A stored finding with the id of its audit, as readers (export, tests) hand findings on. */
export type FindingRow = StoredFinding & { auditId: number };

/** An audit's findings, in the order the audit listed them; keyed by the audit's id. */
export interface AuditFindingsRow {
  auditId: number;
  findings: StoredFinding[];
}

export interface FingerprintRow {
  id?: number;
  fingerprint: string;
  site: string;
  platform: string;
  auditId: number;
  time: number;
}

export type HowSocialDb = Dexie & {
  audits: EntityTable<AuditRow, 'id'>;
  // Inbound, not auto-incremented key: the row is written with its audit's id.
  auditFindings: Table<AuditFindingsRow, number>;
  fingerprints: EntityTable<FingerprintRow, 'id'>;
};

export const DB_NAME = 'howsocial';

export function openDb(name = DB_NAME): HowSocialDb {
  const db = new Dexie(name) as HowSocialDb;
  db.version(1).stores({
    audits: '++id, url, site, time, [site+time], [url+time], platform',
    findings: '++id, auditId, rule',
    fingerprints: '++id, fingerprint, site, auditId, time',
  });
  db.version(2)
    .stores({
      audits: '++id, url, site, time, [site+time], [url+time], platform',
      findings: null,
      auditFindings: 'auditId',
      fingerprints: '++id, fingerprint, site, auditId, time',
    })
    .upgrade(async (tx) => {
      // Dexie deletes the v1 table only after this ran. Primary-key order is the order saveAudit
      // and the backup import added an audit's findings, which is the order v1 readers got them.
      // One getAll, not a cursor: in Chromium 27,690 findings moved in ~0.8-1.5 s this way, ~2 s
      // with each() (a one-time cost at the first open after the update; 100,000 findings are
      // ~25 MB in memory for that moment).
      const lists = new Map<number, StoredFinding[]>();
      const rows: (StoredFinding & { id: number; auditId: number })[] = await tx.table('findings').toArray();
      for (const { id: _id, auditId, ...finding } of rows) {
        const list = lists.get(auditId);
        if (list) list.push(finding);
        else lists.set(auditId, [finding]);
      }
      await tx.table('auditFindings').bulkAdd([...lists].map(([auditId, findings]) => ({ auditId, findings })));
    });
  return db;
}
