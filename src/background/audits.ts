import type { Audit, PageModel } from '../contract';
import { readSettings } from '../settings';
import { saveAudit } from '../storage/audits';
import { recordOwnerPosts } from '../storage/owner';
import { type HowSocialDb, openDb } from '../storage/db';
import { applyBadge, badgeFor, translate } from './badge';
import { clearPending, pendingAudits, setSessionAudit, setSessionAuditPending } from './session';

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
    await chrome.storage.local.set({ [LAST_ERROR_KEY]: { code, message, time: now } });
  } catch {
    // storage.local full as well: nothing more we can do without losing the badge.
  }
}

/**
 * One finished audit of a tab: badge first (what the user sees must not wait on, or fail with,
 * the database), then the session copy (the popup/CLI contract), then IndexedDB.
 */
export async function acceptAudit(tabId: number, audit: Audit, model?: PageModel): Promise<boolean> {
  const settings = await readSettings();
  await applyBadge(tabId, badgeFor(audit, settings.badgeStyle, translate));
  // Non-article pages are answered (badge empty) but not history: the popup lists audited sites.
  if (audit.kind === 'other') {
    await setSessionAudit(tabId, audit);
    return true;
  }
  const pending = await setSessionAuditPending(tabId, audit);
  // The owner audit's "pages" source: the posts this page showed (issue 12), once the worker has the model.
  if (model) await recordOwnerPosts(db(), model, audit).catch((err) => recordError(err, Date.now()));
  return storePending(pending, audit);
}

/** Store one write-ahead audit in IndexedDB and drop its entry; a failure is recorded, not lost. */
async function storePending(key: string, audit: Audit): Promise<boolean> {
  try {
    await saveAudit(db(), audit);
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
  let stored = 0;
  for (const [key, audit] of await pendingAudits()) if (await storePending(key, audit)) stored++;
  return stored;
}
