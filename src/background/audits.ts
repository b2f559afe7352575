import type { Audit, PageModel } from '../contract';
import { readSettings } from '../settings';
import { saveAudit, saveFingerprints } from '../storage/audits';
import { recordOwnerPosts } from '../storage/owner';
import { canonicalUrl } from '../storage/canonical';
import { type HowSocialDb, openDb } from '../storage/db';
import { applyBadge, badgeFor, translate } from './badge';
import {
  clearPending,
  type PendingAudit,
  pendingAudits,
  setSessionAudit,
  setSessionAuditPending,
  setTabRow,
  tabRow,
} from './session';
import { browser } from '../lib/browser-api';

/**
 * A cached handle, not state: if the worker is stopped it is simply reopened. Every fact the
 * extension knows lives in IndexedDB or storage.session.
 */
let dbHandle: HowSocialDb | null = null;
export function db(): HowSocialDb {
  dbHandle ??= openDb();
  return dbHandle;
}

/** Recorded in storage.local for the popup to show; the badge keeps working regardless. */
export const LAST_ERROR_KEY = 'lastError';

export async function recordError(err: unknown, now: number): Promise<void> {
  const e = err as { name?: unknown; message?: unknown; inner?: { name?: unknown } } | null;
  // Dexie wraps the DOMException; its own name mirrors the inner one (QuotaExceededError, …).
  const code = String(e?.inner?.name ?? e?.name ?? 'Error');
  const message = String(e?.message ?? err).slice(0, 300);
  try {
    await browser.storage.local.set({ [LAST_ERROR_KEY]: { code, message, time: now } });
  } catch {
    // storage.local full as well: nothing more we can do without losing the badge.
  }
}

/**
 * Audits of one tab on one site within this window are one visit: they replace one history row
 * (the reading of a blog, an SPA's pushState while scrolling) instead of adding a row per page.
 */
export const TAB_MERGE_MS = 10 * 60 * 1000;

/**
 * Whether audits of this tab may go into the history: never from a private (incognito) window,
 * never with retention 0. A tab that can't be looked up (closed meanwhile) counts as private:
 * what can't be shown to be ordinary browsing is not kept. `tab.incognito` needs no `tabs`
 * permission.
 */
async function keepsHistory(tabId: number, retentionDays: number): Promise<boolean> {
  if (retentionDays <= 0) return false;
  try {
    return !(await browser.tabs.get(tabId)).incognito;
  } catch {
    return false;
  }
}

/**
 * One finished audit of a tab: badge first (what the user sees must not wait on, or fail with,
 * the database), then the session copy (the popup/CLI contract), then IndexedDB. The one place an
 * audit is stored, so the privacy rules live here: the URL without query and fragment
 * (canonicalUrl), nothing from private windows or with retention 0 (badge and popup still work,
 * from storage.session, which is memory only), one row per tab visit to a site, the per-site cap.
 * With the page's model, a social page's posts are kept for the owner audit's "pages" source.
 */
export async function acceptAudit(tabId: number, raw: Audit, model?: PageModel): Promise<boolean> {
  const audit: Audit = { ...raw, url: canonicalUrl(raw.url) };
  const settings = await readSettings();
  await applyBadge(tabId, badgeFor(audit, settings.badgeStyle, translate));
  // Non-article pages are answered (badge empty) but not history: the popup lists audited sites.
  if (audit.kind === 'other' || !(await keepsHistory(tabId, settings.retentionDays))) {
    await setSessionAudit(tabId, audit);
    return true;
  }
  // One tab's audits one at a time: two at once would both see no row to merge into.
  return withTabLock(tabId, async () => {
    const row = await tabRow(tabId);
    const into =
      row && row.site === audit.site && audit.time >= row.since && audit.time - row.since < TAB_MERGE_MS
        ? row.auditId
        : undefined;
    const pending = await setSessionAuditPending(tabId, audit, into);
    // The owner audit's "pages" source: the posts this page showed (issue 12).
    if (model) await recordOwnerPosts(db(), model, audit).catch((err) => recordError(err, Date.now()));
    return storePending(pending, { audit, tabId, into }, settings.perSiteCap);
  });
}

/**
 * A batch audit's post fingerprints, for the cross-page rule of the batch's later pages; nothing
 * else of it is kept (src/background/session.ts BATCH_KEY). A failure costs that rule its history.
 */
export async function rememberFingerprints(audit: Audit): Promise<void> {
  if (!audit.fingerprints.length) return;
  await saveFingerprints(db(), audit).catch((err) => recordError(err, Date.now()));
}

function withTabLock<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(`store:tab:${tabId}`, work) as Promise<T>) : work();
}

/** Store one write-ahead audit in IndexedDB and drop its entry; a failure is recorded, not lost. */
async function storePending(key: string, entry: PendingAudit, cap: number): Promise<boolean> {
  const { audit, tabId, into } = entry;
  try {
    const auditId = await saveAudit(db(), audit, { into, cap });
    if (tabId >= 0) {
      const row = await tabRow(tabId);
      const since = into !== undefined && row?.auditId === into ? row.since : audit.time;
      await setTabRow(tabId, { auditId, site: audit.site, since });
    }
  } catch (err) {
    // The entry stays: the next start of the worker tries again (quota freed, disk back).
    await recordError(err, Date.now());
    return false;
  }
  await clearPending(key);
  return true;
}

/** Audits whose database write a stopped worker never finished: store them now. */
export async function flushPending(): Promise<number> {
  const { perSiteCap } = await readSettings();
  let stored = 0;
  for (const [key, entry] of await pendingAudits()) if (await storePending(key, entry, perSiteCap)) stored++;
  return stored;
}
