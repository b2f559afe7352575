import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Band, Evidence, Facts, PageKind, Platform, Verdict } from '../contract';
import type { OwnerReport } from '../owner/types';

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
 *   v3 — two new tables for the owner audit (issue 12), nothing else changes, so every v2 row stays:
 *        `ownerPosts`, the posts the extension read on social profiles and articles, one row per
 *        [site+id] however often a post was seen (the "pages" source of X, Facebook, Instagram,
 *        LinkedIn, and of blogs whose API and feeds are off); `ownerAudits`, finished owner reports
 *        (the report page's history and its Compare view).
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

/**
 * A post the extension read on one of the owner's pages: excerpts only (≤ 200 characters, as
 * evidence), never the page's text. Articles are recorded as one post with their thread's counts.
 */
export interface OwnerPostRow {
  site: string;
  /** the network's post id, or the article's URL */
  id: string;
  platform: Platform;
  /** the profile's handle, lower case without "@" (storage/owner.ts ownerHandle), or '' for an article */
  owner: string;
  url: string;
  /** ISO 8601 when the page said when */
  time?: string;
  text: string;
  urls: string[];
  isReply: boolean;
  isRepost: boolean;
  client?: string;
  replies: number | null;
  reposts: number | null;
  likes: number | null;
  /** articles: comments open, human comments, the author's comments, the page's score */
  commentsOpen?: boolean | null;
  comments?: number | null;
  authorComments?: number | null;
  score?: number | null;
  /** ms since epoch: first and last time the extension saw it */
  firstSeen: number;
  lastSeen: number;
}

/** A finished owner audit as the report page stored it. */
export interface OwnerAuditRow {
  id?: number;
  /** the owner: site for blogs, site + handle for accounts (one key across visits) */
  key: string;
  time: number;
  report: OwnerReport;
}

export type HowSocialDb = Dexie & {
  ownerPosts: Table<OwnerPostRow, [string, string]>;
  ownerAudits: EntityTable<OwnerAuditRow, 'id'>;
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
  // No upgrade function: v3 only adds tables, Dexie keeps every v2 table and row as it is.
  db.version(3).stores({
    audits: '++id, url, site, time, [site+time], [url+time], platform',
    auditFindings: 'auditId',
    fingerprints: '++id, fingerprint, site, auditId, time',
    ownerPosts: '[site+id], site, [site+owner], lastSeen',
    ownerAudits: '++id, key, time',
  });
  return db;
}
