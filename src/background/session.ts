import type { Audit, PageModel } from '../contract';

/**
 * Per-tab state lives in chrome.storage.session, never in module variables: an MV3 worker (and a
 * Firefox event page) is stopped whenever it is idle, and session storage survives that.
 *
 * `audit:tab:<tabId>` is a contract: the popup and the CLI (`npm run audit`) read the latest
 * audit of a tab from it.
 *
 * `chrome.storage.session` (promise-based in MV3, and `chrome` is Firefox's alias of `browser`),
 * not the polyfill: this module's constants are read in Node too (the e2e tests' RATE_LIMIT),
 * where webextension-polyfill throws on import.
 */
export const auditKey = (tabId: number) => `audit:tab:${tabId}`;
const rateKey = (tabId: number) => `rate:tab:${tabId}`;
/**
 * The last page model of a social tab: a content script's re-read sends only the posts it added,
 * which the worker merges into this (src/contract/merge.ts mergeMore).
 */
const modelKey = (tabId: number) => `model:tab:${tabId}`;

export async function sessionModel(tabId: number): Promise<PageModel | null> {
  const key = modelKey(tabId);
  const got = await chrome.storage.session.get(key);
  return (got[key] as PageModel | undefined) ?? null;
}

export async function setSessionModel(tabId: number, model: PageModel): Promise<void> {
  await chrome.storage.session.set({ [modelKey(tabId)]: model });
}

export async function sessionAudit(tabId: number): Promise<Audit | null> {
  const key = auditKey(tabId);
  const got = await chrome.storage.session.get(key);
  return (got[key] as Audit | undefined) ?? null;
}

export async function setSessionAudit(tabId: number, audit: Audit): Promise<void> {
  await chrome.storage.session.set({ [auditKey(tabId)]: audit });
}

/**
 * Write-ahead entries for IndexedDB: an audit is recorded here (in the same storage.session write
 * as the tab's copy) before its database transaction, and removed once that committed. A worker
 * stopped in between (MV3 stops idle workers; a crash; CDP in tests) leaves the entry, and the next
 * start of the worker stores it (flushPending). Re-storing is idempotent: saveAudit updates a row
 * of the same URL and time instead of adding one.
 */
export const PENDING_PREFIX = 'pending:';
const pendingKey = (audit: Audit) => `${PENDING_PREFIX}${audit.time}:${audit.url}`.slice(0, 600);

/** A write-ahead entry: the audit, and the row of the tab's it replaces (see SaveOptions.into). */
export interface PendingAudit {
  audit: Audit;
  tabId: number;
  into?: number;
}

export async function setSessionAuditPending(tabId: number, audit: Audit, into?: number): Promise<string> {
  const key = pendingKey(audit);
  const entry: PendingAudit = into === undefined ? { audit, tabId } : { audit, tabId, into };
  await chrome.storage.session.set({ [auditKey(tabId)]: audit, [key]: entry });
  return key;
}

export async function clearPending(key: string): Promise<void> {
  await chrome.storage.session.remove(key);
}

/** Every write-ahead entry; an entry of an older version is the bare audit. */
export async function pendingAudits(): Promise<[string, PendingAudit][]> {
  const all = await chrome.storage.session.get(null);
  const out: [string, PendingAudit][] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PENDING_PREFIX) || !value || typeof value !== 'object') continue;
    const v = value as Partial<PendingAudit> & { url?: unknown };
    if (typeof v.url === 'string') out.push([key, { audit: value as Audit, tabId: -1 }]);
    else if (v.audit) out.push([key, { audit: v.audit, tabId: typeof v.tabId === 'number' ? v.tabId : -1, into: v.into }]);
  }
  return out;
}

/**
 * The tab's row in the history for the current visit to a site: its audits of that site within
 * TAB_MERGE_MS of `since` replace this row instead of adding rows.
 */
export interface TabRow {
  auditId: number;
  site: string;
  since: number;
}
const rowKey = (tabId: number) => `row:tab:${tabId}`;

export async function tabRow(tabId: number): Promise<TabRow | null> {
  const key = rowKey(tabId);
  return ((await chrome.storage.session.get(key))[key] as TabRow | undefined) ?? null;
}

export async function setTabRow(tabId: number, row: TabRow): Promise<void> {
  await chrome.storage.session.set({ [rowKey(tabId)]: row });
}

/**
 * Set (by the batch CLI, from an extension page) in a browser that only runs a batch audit: its
 * audits are answered and not kept — no badge, no popup copy, no history row; only their post
 * fingerprints, for the cross-page rule of the pages after them (src/background/handlers.ts
 * onAuditTab). storage.session: memory only, gone with the browser, and out of content scripts' reach.
 */
export const BATCH_KEY = 'batch';

/** The tab's audit, and whether this browser runs a batch, in one read (src/background/index.ts onUpdated). */
export async function sessionAuditAndBatch(tabId: number): Promise<{ audit: Audit | null; batch: boolean }> {
  const key = auditKey(tabId);
  const got = await chrome.storage.session.get([key, BATCH_KEY]);
  return { audit: (got[key] as Audit | undefined) ?? null, batch: got[BATCH_KEY] === true };
}

export async function isBatch(): Promise<boolean> {
  return (await chrome.storage.session.get(BATCH_KEY))[BATCH_KEY] === true;
}

/** The tab shows another page: its audit and rate count go; its history row stays (same visit). */
export async function clearTab(tabId: number): Promise<void> {
  await chrome.storage.session.remove([auditKey(tabId), rateKey(tabId), modelKey(tabId)]);
}

/** The tab closed: nothing of it stays. */
export async function forgetTab(tabId: number): Promise<void> {
  await chrome.storage.session.remove([auditKey(tabId), rateKey(tabId), rowKey(tabId)]);
}

/** Every tab with a stored audit (for re-rendering badges when settings change). */
export async function allSessionAudits(): Promise<[number, Audit][]> {
  const all = await chrome.storage.session.get(null);
  const out: [number, Audit][] = [];
  for (const [key, value] of Object.entries(all)) {
    const m = /^audit:tab:(\d+)$/.exec(key);
    if (m) out.push([Number(m[1]), value as Audit]);
  }
  return out;
}

/**
 * At most this many passive audits per tab per window. The content script itself sends at most
 * one audit per ~2 s under a mutation flood (debounce with a max wait), so 10 per 10 s only ever
 * bites when something is wrong — and then the worker does no IndexedDB writes for that tab.
 */
export const RATE_LIMIT = { audits: 10, windowMs: 10_000 } as const;

interface RateState {
  start: number;
  count: number;
}

/**
 * Count one audit for this tab; false when over the limit. Serialised with a Web Lock where the
 * platform has one, so concurrent messages from one tab can't all read the same old count.
 */
export async function allowAudit(tabId: number, now: number): Promise<boolean> {
  const check = async () => {
    const key = rateKey(tabId);
    const got = (await chrome.storage.session.get(key))[key] as RateState | undefined;
    const state = got && now - got.start < RATE_LIMIT.windowMs ? got : { start: now, count: 0 };
    if (state.count >= RATE_LIMIT.audits) return false;
    await chrome.storage.session.set({ [key]: { start: state.start, count: state.count + 1 } });
    return true;
  };
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request(rateKey(tabId), check) : check();
}
