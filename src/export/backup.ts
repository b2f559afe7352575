import * as v from 'valibot';
import { BackupAuditSchema, FindingSchema, reasonOf } from '../contract/audit';
import { normalizeSettings, type Settings } from '../settings';
import type { AuditRow, HowSocialDb, StoredFinding } from '../storage/db';
import { auditIdsOf, type ExportOptions, pagesOf } from './stream';

/**
 * A JSON backup of the whole history that can be imported again (on another machine, after a
 * reinstall). Import trusts nothing: a backup file may be hand-edited or come from someone else.
 */
export const BACKUP_FORMAT = 'howsocial-backup';
export const BACKUP_VERSION = 1;

export type BackupFinding = StoredFinding;
export type BackupAudit = Omit<AuditRow, 'id'> & { findings: BackupFinding[]; fingerprints: string[] };
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  /** the user's settings (paused sites, badge, retention, …); absent in backups before issue 14 */
  settings?: Settings;
  audits: BackupAudit[];
}

export async function exportBackup(
  db: HowSocialDb,
  opts: ExportOptions & { settings?: Settings } = {},
): Promise<{ blob: Blob; audits: number }> {
  const ids = await auditIdsOf(db, { kind: 'all' });
  const settings = opts.settings ? `"settings":${JSON.stringify(opts.settings)},` : '';
  const parts: string[] = [
    `{"format":"${BACKUP_FORMAT}","version":${BACKUP_VERSION},"exportedAt":"${new Date().toISOString()}",${settings}"audits":[`,
  ];
  let first = true;
  const done = await pagesOf(db, ids, opts, async (page) => {
    const auditIds = page.map((p) => p.audit.id!);
    const prints = new Map<number, string[]>();
    for (const fp of await db.fingerprints.where('auditId').anyOf(auditIds).toArray()) {
      const list = prints.get(fp.auditId);
      if (list) list.push(fp.fingerprint);
      else prints.set(fp.auditId, [fp.fingerprint]);
    }
    for (const { audit, findings } of page) {
      const { id, ...row } = audit;
      const out: BackupAudit = {
        ...row,
        findings: [...findings],
        fingerprints: prints.get(id!) ?? [],
      };
      parts.push((first ? '' : ',') + JSON.stringify(out));
      first = false;
    }
    return page.length;
  });
  parts.push(']}');
  return { blob: new Blob(parts, { type: 'application/json' }), audits: done.audits };
}

/** A finding from a backup, or the reason it is rejected: the contract's schema, as the worker checks. */
export function validateFinding(raw: unknown): BackupFinding | string {
  const res = v.safeParse(FindingSchema, raw);
  if (res.success) return res.output;
  const rule = typeof (raw as { rule?: unknown } | null)?.rule === 'string' ? (raw as { rule: string }).rule.slice(0, 64) : '?';
  return `finding ${rule}: ${reasonOf(res.issues)}`;
}

export interface ValidAudit {
  audit: BackupAudit;
  /** reasons for findings dropped from an otherwise valid audit */
  dropped: string[];
}

/**
 * An audit from a backup (with its valid findings), or the reason it is rejected. The same schema
 * and caps as every audit (src/contract/audit.ts); what older versions did not write has a default,
 * and one bad finding drops only itself.
 */
export function validateAudit(raw: unknown): ValidAudit | string {
  let res: ReturnType<typeof v.safeParse<typeof BackupAuditSchema>>;
  try {
    res = v.safeParse(BackupAuditSchema, raw);
  } catch {
    return 'not readable';
  }
  if (!res.success) return reasonOf(res.issues);
  const findings: BackupFinding[] = [];
  const dropped: string[] = [];
  for (const item of res.output.findings) {
    const f = validateFinding(item);
    if (typeof f === 'string') dropped.push(f);
    else findings.push(f);
  }
  return { audit: { ...res.output, findings }, dropped };
}

export interface ImportReport {
  /** the backup's settings, made valid (normalizeSettings); null when the file has none */
  settings: Settings | null;
  imported: number;
  /** audits already in the database (same URL and time) or twice in the file */
  duplicates: number;
  /** rejected audits and dropped findings, with the position in the file (1-based) and the reason */
  skipped: { index: number; reason: string }[];
}

/**
 * Audits per import transaction: one transaction per audit made a 10,000-audit backup take
 * minutes; one for the whole file would hold a lock (and memory) for as long. Each batch is
 * all-or-nothing, so an interrupted import leaves whole audits only, and re-importing the same
 * file completes it without duplicates.
 */
const IMPORT_BATCH = 200;

async function storeBatch(db: HowSocialDb, batch: BackupAudit[], report: ImportReport): Promise<void> {
  await db.transaction('rw', db.audits, db.auditFindings, db.fingerprints, async () => {
    const existing = await db.audits
      .where('[url+time]')
      .anyOf(batch.map((a) => [a.url, a.time]))
      .toArray();
    const known = new Set(existing.map((a) => `${a.url}\u0000${a.time}`));
    const fresh = batch.filter((a) => !known.has(`${a.url}\u0000${a.time}`));
    report.duplicates += batch.length - fresh.length;
    if (fresh.length === 0) return;
    const ids = (await db.audits.bulkAdd(
      fresh.map(({ findings: _f, fingerprints: _p, ...audit }) => audit),
      { allKeys: true },
    )) as number[];
    const findings = fresh.flatMap((a, i) => (a.findings.length ? [{ auditId: ids[i], findings: a.findings }] : []));
    const prints = fresh.flatMap((a, i) =>
      a.fingerprints.map((fingerprint) => ({ fingerprint, site: a.site, platform: a.platform, auditId: ids[i], time: a.time })),
    );
    if (findings.length) await db.auditFindings.bulkAdd(findings);
    if (prints.length) await db.fingerprints.bulkAdd(prints);
    report.imported += fresh.length;
  });
}

/** Validates every audit and finding, merges into the database without duplicating, reports what it skipped. */
export async function importBackup(db: HowSocialDb, text: string): Promise<ImportReport> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('not-json');
  }
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObj(data) || data.format !== BACKUP_FORMAT || !Array.isArray(data.audits)) throw new Error('not-a-backup');
  if (typeof data.version !== 'number' || data.version > BACKUP_VERSION) throw new Error('newer-version');
  const settings = isObj(data.settings) ? normalizeSettings(data.settings) : null;
  const report: ImportReport = { settings, imported: 0, duplicates: 0, skipped: [] };
  const seen = new Set<string>();
  const rows = data.audits as unknown[];
  let batch: BackupAudit[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = validateAudit(rows[i]);
    if (typeof v === 'string') {
      report.skipped.push({ index: i + 1, reason: v });
      continue;
    }
    for (const reason of v.dropped) report.skipped.push({ index: i + 1, reason });
    const key = `${v.audit.url}\u0000${v.audit.time}`;
    if (seen.has(key)) {
      report.duplicates++;
      continue;
    }
    seen.add(key);
    batch.push(v.audit);
    if (batch.length >= IMPORT_BATCH) {
      await storeBatch(db, batch, report);
      batch = [];
    }
  }
  if (batch.length) await storeBatch(db, batch, report);
  return report;
}
