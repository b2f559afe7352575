import { parseMessage, senderAllowed } from '../contract/validate';
import { browser, type Runtime } from '../lib/browser-api';
import { db, flushPending } from './audits';
import { onAuditTab, onHighlight, onLoadAdapters, onPage } from './handlers';
import { applyBadge, badgeFor, translate } from './badge';
import { allSessionAudits, clearTab, forgetTab, sessionAuditAndBatch } from './session';
import { isPaused, normalizeSettings, readSettings, SETTINGS_KEY } from '../settings';
import { canonicalUrl } from '../storage/canonical';
import { registerUserEvents } from './user';
import { pruneOld } from '../storage/audits';

/**
 * The background (Chrome service worker, Firefox event page). Every listener is registered
 * synchronously at the top level, so an event that wakes a stopped worker finds its listener;
 * no state in module variables — per-tab state is in storage.session, history in IndexedDB.
 */

const PRUNE_ALARM = 'prune';
/** Retention is counted in days: once a day is often enough and cheap. */
const PRUNE_PERIOD_MINUTES = 24 * 60;

// Through webextension-polyfill (src/lib/browser-api.ts): the answer is the returned promise.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const msg = parseMessage(raw);
  // Rejected: no answer, no side effect, and the worker carries on.
  if (!msg || !senderAllowed(msg.type, sender as chrome.runtime.MessageSender, browser.runtime.id, browser.runtime.getURL('')))
    return undefined;
  let work: Promise<unknown>;
  switch (msg.type) {
    case 'page':
      work = onPage(sender.tab!.id!, sender.url, msg);
      break;
    case 'load-adapters':
      work = onLoadAdapters(sender.tab!.id!, msg);
      break;
    case 'audit-tab':
      work = onAuditTab(msg);
      break;
    case 'highlight':
      work = onHighlight(msg);
      break;
    default:
      return undefined;
  }
  return work.catch(() => undefined);
});

async function resetTab(tabId: number): Promise<void> {
  await clearTab(tabId);
  await applyBadge(tabId, badgeFor(null, 'number', translate));
}

/** The page a URL shows: a fragment (#comments, a highlight's anchor) or a tracking query doesn't make a new page. */
const pageOf = canonicalUrl;

chrome.tabs.onUpdated.addListener((tabId, change) => {
  // 'loading' without a url: a reload. A url without 'loading': an SPA's pushState (X, Facebook),
  // where the content script re-audits if the new URL is an article or profile, and says
  // nothing if it isn't — so the old score has to go here.
  if (change.status !== 'loading' && change.url === undefined) return;
  // The promise is returned for tests to await (the browser ignores it): "nothing happened" is
  // then a fact, not a guess after a sleep.
  return (async () => {
    const { audit: stored, batch } = await sessionAuditAndBatch(tabId);
    // A batch keeps nothing per tab (no badge, no copy): nothing to clear.
    if (batch) return;
    if (stored && change.url !== undefined && pageOf(stored.url) === pageOf(change.url)) return;
    if (!stored && change.status !== 'loading') return;
    await resetTab(tabId);
  })();
});

chrome.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
});

/** Settings apply at once: paused sites lose their badges, a new badge style re-renders. */
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !changes[SETTINGS_KEY]) return;
  const settings = normalizeSettings(changes[SETTINGS_KEY].newValue);
  void (async () => {
    for (const [tabId, audit] of await allSessionAudits()) {
      const excluded =
        isPaused(settings, audit.site, Date.now()) ||
        (settings.platforms.length > 0 && !settings.platforms.includes(audit.platform));
      if (excluded) await resetTab(tabId);
      else await applyBadge(tabId, badgeFor(audit, settings.badgeStyle, translate));
    }
  })();
});

async function prune(): Promise<void> {
  try {
    const settings = await readSettings();
    await pruneOld(db(), settings.retentionDays, Date.now());
  } catch {
    // A failed prune retries on the next alarm; it must never break auditing.
  }
}

async function ensureAlarm(): Promise<void> {
  if (!(await chrome.alarms.get(PRUNE_ALARM))) {
    await chrome.alarms.create(PRUNE_ALARM, { periodInMinutes: PRUNE_PERIOD_MINUTES, delayInMinutes: 1 });
  }
}

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === PRUNE_ALARM) void prune();
});
chrome.runtime.onStartup.addListener(() => {
  void ensureAlarm();
  void prune();
});
chrome.runtime.onInstalled.addListener(() => {
  void ensureAlarm();
  void prune();
});

registerUserEvents();

// Every start of the worker (MV3 stops it whenever idle): store what a stopped worker left
// half-written. Listeners above are registered first, synchronously, as MV3 requires.
void flushPending().catch(() => {
  // storage.session unreadable: the entries stay for the next start.
});
