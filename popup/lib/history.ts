import type { Band, Platform } from '../../src/contract';
import { deleteAudits } from '../../src/storage/audits';
import type { AuditRow, HowSocialDb } from '../../src/storage/db';
import { browser } from '../../src/lib/browser-api';

export interface SiteSummary {
  site: string;
  platform: Platform;
  score: number | null;
  band: Band;
  lastVisit: number;
  audits: number;
  points: { time: number; score: number | null }[];
}

/** One entry per audited site, newest audit first in `points` order oldest → newest. */
export async function siteSummaries(db: HowSocialDb): Promise<SiteSummary[]> {
  // A plain getAll and a sort here: orderBy('[site+time]') walks a cursor, which took seconds
  // for 10,000 audits in Chromium where getAll takes a fraction of that.
  const rows: AuditRow[] = await db.audits.toArray();
  rows.sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : a.time - b.time));
  const out: SiteSummary[] = [];
  let current: SiteSummary | null = null;
  for (const r of rows) {
    if (!current || current.site !== r.site) {
      current = { site: r.site, platform: r.platform, score: r.score, band: r.band, lastVisit: r.time, audits: 0, points: [] };
      out.push(current);
    }
    current.audits++;
    current.points.push({ time: r.time, score: r.score });
    current.platform = r.platform;
    current.score = r.score;
    current.band = r.band;
    current.lastVisit = r.time;
  }
  return out;
}

export type SortKey = 'recent' | 'score-asc' | 'score-desc' | 'site';

export function filterAndSort(sites: readonly SiteSummary[], query: string, sort: SortKey): SiteSummary[] {
  const q = query.trim().toLowerCase();
  const list = q ? sites.filter((s) => s.site.toLowerCase().includes(q) || s.platform.includes(q)) : [...sites];
  // Sites without a score sort after those with one, whichever direction.
  const score = (s: SiteSummary, empty: number) => s.score ?? empty;
  const cmp: Record<SortKey, (a: SiteSummary, b: SiteSummary) => number> = {
    recent: (a, b) => b.lastVisit - a.lastVisit,
    'score-asc': (a, b) => score(a, 101) - score(b, 101),
    'score-desc': (a, b) => score(b, -1) - score(a, -1),
    site: (a, b) => a.site.localeCompare(b.site),
  };
  return list.sort((a, b) => cmp[sort](a, b) || a.site.localeCompare(b.site));
}

/** Delete a site's audits with their findings and fingerprints in one transaction. */
export async function deleteSite(db: HowSocialDb, site: string): Promise<number> {
  return db.transaction('rw', db.audits, db.auditFindings, db.fingerprints, async () => {
    const ids = (await db.audits.where('site').equals(site).primaryKeys()) as number[];
    await deleteAudits(db, ids);
    return ids.length;
  });
}

/**
 * "Delete everything": every trace the extension keeps, in every place it keeps one — the
 * write-ahead entries and tab copies in storage.session first (a worker starting meanwhile would
 * store a `pending:` entry again), then every table, then the settings (paused sites name sites
 * the user visited) in storage.local and storage.sync, and the session once more for an audit
 * that was on its way meanwhile. The badges of open tabs stay: they are the page on screen.
 */
export async function deleteEverything(db: HowSocialDb): Promise<void> {
  await browser.storage.session.clear();
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
  await browser.storage.local.clear();
  try {
    await browser.storage.sync.clear();
  } catch {
    // sync unavailable: nothing was synced
  }
  await browser.storage.session.clear();
}
