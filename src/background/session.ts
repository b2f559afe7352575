import type { Audit, PageModel } from '../contract';

/**
 * Per-tab state lives in chrome.storage.session, never in module variables: an MV3 worker (and a
 * Firefox event page) is stopped whenever it is idle, and session storage survives that.
 *
 * `audit:tab:<tabId>` is a contract: the popup and the CLI (`npm run audit`) read the latest
 * audit of a tab from it.
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
const pendingKey = (audit: Audit) => `pending:${audit.time}:${audit.url}`.slice(0, 600);

export async function setSessionAuditPending(tabId: number, audit: Audit): Promise<string> {
  const key = pendingKey(audit);
  await chrome.storage.session.set({ [auditKey(tabId)]: audit, [key]: audit });
  return key;
}

export async function clearPending(key: string): Promise<void> {
  await chrome.storage.session.remove(key);
}

export async function pendingAudits(): Promise<[string, Audit][]> {
  const all = await chrome.storage.session.get(null);
  return Object.entries(all).filter((e): e is [string, Audit] => e[0].startsWith('pending:'));
}

export async function clearTab(tabId: number): Promise<void> {
  await chrome.storage.session.remove([auditKey(tabId), rateKey(tabId), modelKey(tabId)]);
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
