import type { Band, Evidence, Facts, PageKind, Platform, Verdict } from '../model';
import { bandOf } from '../score';
import { normalizeSettings, type Settings } from '../settings';
import type { AuditRow, HowSocialDb, StoredFinding } from '../storage/db';
import { FACT_KEYS } from './core.js';
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

// `satisfies Record<…, true>` makes tsc fail here when model.ts gains a platform or kind.
const PLATFORMS = {
  wordpress: true,
  'wordpress-com': true,
  blogger: true,
  ghost: true,
  medium: true,
  substack: true,
  x: true,
  facebook: true,
  mastodon: true,
  bluesky: true,
  instagram: true,
  linkedin: true,
  generic: true,
} satisfies Record<Platform, true>;
const KINDS = { article: true, profile: true, post: true, other: true } satisfies Record<PageKind, true>;
const VERDICTS = { pass: true, warn: true, fail: true, 'n/a': true } satisfies Record<Verdict, true>;
const BANDS = { red: true, orange: true, green: true, grey: true } satisfies Record<Band, true>;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const has = <T extends object>(set: T, v: unknown): v is keyof T => typeof v === 'string' && Object.hasOwn(set, v);

function facts(raw: unknown): Facts | string {
  if (!isObj(raw)) return 'facts is not an object';
  const out = {} as Record<keyof Facts, unknown>;
  for (const k of FACT_KEYS) {
    const v = raw[k];
    if (v === undefined || v === null) out[k] = null;
    else if ((typeof v === 'number' && Number.isFinite(v)) || isStr(v, 64)) out[k] = v;
    else return `facts.${k} is invalid`;
  }
  return out as unknown as Facts;
}

function evidence(raw: unknown): Evidence[] | string {
  if (!Array.isArray(raw) || raw.length > 10) return 'evidence must be a list of at most 10';
  for (const e of raw) if (!isObj(e) || !isStr(e.selector, 2048) || !isStr(e.text, 400)) return 'evidence item is invalid';
  return raw.map((e: Obj) => ({ selector: e.selector as string, text: e.text as string }));
}

/** A finding from a backup, or the reason it is rejected. */
export function validateFinding(raw: unknown): BackupFinding | string {
  if (!isObj(raw)) return 'finding is not an object';
  if (!isStr(raw.rule, 64) || !/^[a-z0-9][a-z0-9-]*$/.test(raw.rule)) return 'finding.rule is invalid';
  if (!has(VERDICTS, raw.verdict)) return `finding ${raw.rule}: verdict is invalid`;
  const score = raw.score;
  if (!(score === null || (typeof score === 'number' && score >= 0 && score <= 1)))
    return `finding ${raw.rule}: score must be 0..1 or null`;
  if (typeof raw.weight !== 'number' || !Number.isFinite(raw.weight) || raw.weight < 0 || raw.weight > 100)
    return `finding ${raw.rule}: weight is invalid`;
  const ev = evidence(raw.evidence);
  if (typeof ev === 'string') return `finding ${raw.rule}: ${ev}`;
  const out: BackupFinding = { rule: raw.rule, verdict: raw.verdict, score, weight: raw.weight, evidence: ev };
  if (raw.detail !== undefined) {
    if (!Array.isArray(raw.detail) || raw.detail.length > 9 || !raw.detail.every((d) => typeof d === 'number' || isStr(d, 400)))
      return `finding ${raw.rule}: detail is invalid`;
    out.detail = raw.detail as (string | number)[];
  }
  return out;
}

export interface ValidAudit {
  audit: BackupAudit;
  /** reasons for findings dropped from an otherwise valid audit */
  dropped: string[];
}

/** An audit from a backup (with its valid findings), or the reason it is rejected. */
export function validateAudit(raw: unknown): ValidAudit | string {
  if (!isObj(raw)) return 'not an object';
  if (!isStr(raw.url, 4096) || !/^https?:\/\//i.test(raw.url)) return 'url is missing or not http(s)';
  if (!isStr(raw.site, 255) || raw.site === '') return 'site is missing';
  if (!has(PLATFORMS, raw.platform)) return 'platform is unknown';
  if (!has(KINDS, raw.kind)) return 'kind is unknown';
  const score = raw.score;
  if (!(score === null || (typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= 100)))
    return 'score must be 0..100 or null';
  if (!has(BANDS, raw.band) || raw.band !== bandOf(score)) return 'band does not match the score';
  if (typeof raw.time !== 'number' || !Number.isFinite(raw.time) || raw.time <= 0) return 'time is invalid';
  const rulesVersion = typeof raw.rulesVersion === 'number' && Number.isInteger(raw.rulesVersion) ? raw.rulesVersion : 0;
  const sample = typeof raw.sample === 'number' && Number.isInteger(raw.sample) && raw.sample >= 0 ? raw.sample : 0;
  const f = facts(raw.facts ?? {});
  if (typeof f === 'string') return f;
  if (raw.findings !== undefined && !Array.isArray(raw.findings)) return 'findings is not a list';
  const findings: BackupFinding[] = [];
  const dropped: string[] = [];
  for (const item of (raw.findings as unknown[] | undefined) ?? []) {
    const v = validateFinding(item);
    if (typeof v === 'string') dropped.push(v);
    else findings.push(v);
  }
  const fingerprints = Array.isArray(raw.fingerprints)
    ? raw.fingerprints.filter((x): x is string => isStr(x, 128)).slice(0, 500)
    : [];
  return {
    audit: {
      url: raw.url,
      site: raw.site,
      platform: raw.platform,
      kind: raw.kind,
      score,
      band: raw.band,
      time: raw.time,
      rulesVersion,
      facts: f,
      sample,
      findings,
      fingerprints,
    },
    dropped,
  };
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
