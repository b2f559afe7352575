import Dexie, { type EntityTable } from 'dexie';
import type { Band, Evidence, Facts, PageKind, Platform, Verdict } from '../model';

/**
 * The `howsocial` IndexedDB database, in the extension's origin only (background and popup;
 * never a content script, which would write into the page's origin).
 *
 * Schema history (every version stays listed: Dexie migrates from any of them, and
 * tests/unit/storage-migration.test.ts opens each old version with data and upgrades it):
 *   v1 — audits, findings, fingerprints
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

export interface FindingRow {
  id?: number;
  auditId: number;
  rule: string;
  verdict: Verdict;
  score: number | null;
  weight: number;
  evidence: Evidence[];
  detail?: (string | number)[];
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
  findings: EntityTable<FindingRow, 'id'>;
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
  return db;
}
