import type { Audit } from '../contract';
import type { RuleContext } from '../rules/rule';
import type { AuditRow, FingerprintRow, HowSocialDb, StoredFinding } from './db';

/**
 * A second audit of the same URL within this window is the same visit (a reload, an SPA
 * re-audit while scrolling): it replaces the stored one instead of adding a row, so the
 * history shows visits, not page loads.
 */
export const REPEAT_WINDOW_MS = 10 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The history the cross-page rule may see: capped so a huge history can't slow an audit down. */
export const HISTORY_MATCHES_MAX = 200;

function rowOf(audit: Audit): Omit<AuditRow, 'id'> {
  return {
    url: audit.url,
    site: audit.site,
    platform: audit.platform,
    kind: audit.kind,
    score: audit.score,
    band: audit.band,
    time: audit.time,
    rulesVersion: audit.rulesVersion,
    facts: audit.facts,
    sample: audit.sample,
  };
}

export interface SaveOptions {
  /**
   * The row this audit replaces: the tab's previous audit on the same site within minutes
   * (src/background/audits.ts), so an SPA that pushes 40 URLs in 20 s leaves one row, not 41.
   * Ignored when that row is gone or belongs to another site.
   */
  into?: number;
  /** keep only the newest this many audits of the audit's site (Settings.perSiteCap) */
  cap?: number;
}

/**
 * Store one audit with its findings and fingerprints in a single transaction: either all of it
 * is stored or, on any failure (quota), nothing changes. Returns the audit row's id.
 */
export async function saveAudit(db: HowSocialDb, audit: Audit, opts: SaveOptions = {}): Promise<number> {
  return db.transaction('rw', db.audits, db.auditFindings, db.fingerprints, async () => {
    const merged = opts.into === undefined ? undefined : await db.audits.get(opts.into);
    const recent =
      merged?.site === audit.site
        ? merged
        : await db.audits
            .where('[url+time]')
            .between([audit.url, audit.time - REPEAT_WINDOW_MS], [audit.url, audit.time], true, true)
            .last();
    let auditId: number;
    if (recent?.id !== undefined) {
      auditId = recent.id;
      await db.audits.put({ ...rowOf(audit), id: auditId });
      await db.fingerprints.where('auditId').equals(auditId).delete();
    } else {
      auditId = (await db.audits.add(rowOf(audit))) as number;
    }
    const findings: StoredFinding[] = audit.findings.map((f) => ({
      rule: f.rule,
      verdict: f.verdict,
      score: f.score,
      weight: f.weight,
      evidence: f.evidence,
      ...(f.detail ? { detail: f.detail } : {}),
    }));
    // put: a repeat visit replaces the earlier list (an audit without findings stores none).
    if (findings.length) await db.auditFindings.put({ auditId, findings });
    else await db.auditFindings.delete(auditId);
    const fingerprints = fingerprintRows(audit, auditId);
    if (fingerprints.length) await db.fingerprints.bulkAdd(fingerprints);
    if (opts.cap !== undefined) await capSite(db, audit.site, opts.cap);
    return auditId;
  });
}

function fingerprintRows(audit: Audit, auditId: number): FingerprintRow[] {
  return audit.fingerprints.map((fingerprint) => ({
    fingerprint,
    site: audit.site,
    platform: audit.platform,
    auditId,
    time: audit.time,
  })) as FingerprintRow[];
}

/**
 * Only an audit's fingerprints, for the cross-page rule (historyMatches), without an audit row:
 * a batch audit, which is not history (src/background/audits.ts rememberFingerprints). They
 * belong to no row (auditId 0, which no row has: ids start at 1).
 */
export async function saveFingerprints(db: HowSocialDb, audit: Audit): Promise<void> {
  const rows = fingerprintRows(audit, 0);
  if (rows.length) await db.fingerprints.bulkAdd(rows);
}

/** Delete audits (findings, fingerprints) by id; call inside a transaction over the three tables. */
export async function deleteAudits(db: HowSocialDb, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.auditFindings.bulkDelete(ids);
  await db.fingerprints.where('auditId').anyOf(ids).delete();
  await db.audits.bulkDelete(ids);
}

/** Keep the newest `cap` audits of a site, delete the rest. Returns how many were deleted. */
export async function capSite(db: HowSocialDb, site: string, cap: number): Promise<number> {
  return db.transaction('rw', db.audits, db.auditFindings, db.fingerprints, async () => {
    const ids = (await db.audits
      .where('[site+time]')
      .between([site, -Infinity], [site, Infinity])
      .reverse()
      .offset(Math.max(0, cap))
      .primaryKeys()) as number[];
    await deleteAudits(db, ids);
    return ids.length;
  });
}

/** An audit's stored findings in the order the audit listed them ([] when it had none). */
export async function findingsOf(db: HowSocialDb, auditId: number): Promise<StoredFinding[]> {
  return (await db.auditFindings.get(auditId))?.findings ?? [];
}

/** Fingerprints from this list that earlier audits saw on other sites (the cross-page rule). */
export async function historyMatches(
  db: HowSocialDb,
  fingerprints: readonly string[],
  site: string,
): Promise<RuleContext['history']> {
  if (fingerprints.length === 0) return [];
  const rows = await db.fingerprints
    .where('fingerprint')
    .anyOf([...fingerprints])
    .toArray();
  const seen = new Set<string>();
  const out: RuleContext['history'] = [];
  for (const r of rows) {
    if (r.site === site) continue;
    const key = `${r.fingerprint}\u0000${r.site}\u0000${r.platform}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ fingerprint: r.fingerprint, site: r.site, platform: r.platform });
    if (out.length >= HISTORY_MATCHES_MAX) break;
  }
  return out;
}

/** capSite for every site (a lower cap chosen in the settings applies at once). */
export async function capAllSites(db: HowSocialDb, cap: number): Promise<number> {
  let deleted = 0;
  for (const site of (await db.audits.orderBy('site').uniqueKeys()) as string[]) deleted += await capSite(db, site, cap);
  return deleted;
}

/**
 * Delete every audit (with its findings and fingerprints) older than `retentionDays`, the newest
 * audit of a site included: retention means the history keeps nothing older, and 0 days empties
 * it. Returns how many audits were deleted.
 */
export async function pruneOld(db: HowSocialDb, retentionDays: number, now: number): Promise<number> {
  const cutoff = now - retentionDays * DAY_MS;
  return db.transaction('rw', db.audits, db.auditFindings, db.fingerprints, async () => {
    const ids = (await db.audits
      .where('time')
      .below(retentionDays <= 0 ? Infinity : cutoff)
      .primaryKeys()) as number[];
    await deleteAudits(db, ids);
    return ids.length;
  });
}
