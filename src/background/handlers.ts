import type { Audit, Family, MessageOf, PageModel, Responses } from '../contract';
import { LIMITS } from '../contract/limits';
import { mergeMore } from '../contract/merge';
import { sendToTab } from '../contract/messaging';
import { siteOf } from '../contract/site';
import { parsePageModel } from '../contract/validate';
import { auditOf } from '../judge/audit';
import { fingerprintsOf } from '../judge/fingerprint';
import { isPaused, readSettings, type Settings } from '../settings';
import { historyMatches } from '../storage/audits';
import { acceptAudit, db, rememberFingerprints } from './audits';
import { highlightInTab } from './highlight';
import { allowAudit, isBatch, sessionModel, setSessionModel } from './session';

/**
 * The content script's files as the build names them (vite.config.ts): the entry every page loads,
 * and the adapter families injected on demand. Injected files need no `web_accessible_resources`:
 * no page can fetch any file of the extension.
 */
export const CONTENT_ENTRY = 'content.js';
export const FAMILY_FILES: Record<Family, string> = { blog: 'content-blog.js', social: 'content-social.js' };

export function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return b !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * Judge a page model in the worker: the rules, the score, the facts, and the cross-page rule's
 * history read from the worker's own database. `site` comes from the tab's URL as the browser
 * reports it, never from the model.
 */
export async function judgePage(model: PageModel, site: string, now = Date.now()): Promise<Audit> {
  let history: Awaited<ReturnType<typeof historyMatches>> = [];
  const fingerprints = fingerprintsOf(model);
  if (fingerprints.length) {
    try {
      history = await historyMatches(db(), fingerprints, site);
    } catch {
      // An unreadable database costs the cross-page rule its history, not the audit.
    }
  }
  return auditOf(model, { now, history }, site);
}

function excluded(settings: Settings, site: string, model: PageModel): boolean {
  if (!settings.passive || isPaused(settings, site, Date.now())) return true;
  return settings.platforms.length > 0 && !settings.platforms.includes(model.platform);
}

/**
 * A page model from a content script (shape and sender already checked). `more`: only what a
 * re-read of the same URL added, merged here into the tab's last model; without one the content
 * script is asked to send the whole model.
 */
export async function onPage(tabId: number, senderUrl: string | undefined, msg: MessageOf<'page'>): Promise<Responses['page']> {
  // The model must be of the page that sent it (pushState keeps the origin).
  if (!senderUrl || !sameOrigin(msg.model.url, senderUrl)) return { ok: false };
  const site = siteOf(senderUrl);
  const settings = await readSettings();
  if (excluded(settings, site, msg.model)) return { ok: false };
  let model = msg.model;
  if (msg.more) {
    const previous = await sessionModel(tabId);
    if (!previous || previous.url !== model.url) return { ok: false, resend: true };
    model = mergeMore(previous, model, LIMITS.posts);
  }
  if (!(await allowAudit(tabId, Date.now()))) return { ok: false };
  if (model.social) await setSessionModel(tabId, model);
  return { ok: await acceptAudit(tabId, await judgePage(model, site), model) };
}

/** Inject an adapter family into the sending tab's top frame (the content script asked: a gate said yes). */
export async function onLoadAdapters(tabId: number, msg: MessageOf<'load-adapters'>): Promise<Responses['load-adapters']> {
  try {
    await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [FAMILY_FILES[msg.family]] });
    return { ok: true };
  } catch {
    // The tab navigated away or closed in between: its next page asks again.
    return { ok: false };
  }
}

/** The tab's page model now, injecting the content script where it is not running (activeTab + scripting). */
async function readTab(tabId: number): Promise<PageModel | null | undefined> {
  const first = await sendToTab(tabId, { type: 'run-audit' });
  if (first) return parsePageModel(first.model);
  // No receiver: the tab was opened before install, or passive mode kept it from being injected.
  try {
    await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_ENTRY] });
  } catch {
    return undefined;
  }
  // A classic script: its listener is registered by the time executeScript resolves.
  const res = await sendToTab(tabId, { type: 'run-audit' });
  return res ? parsePageModel(res.model) : undefined;
}

/** The popup (or the CLI) asks for an audit of a tab now, whatever the passive and pause settings say. */
export async function onAuditTab(msg: MessageOf<'audit-tab'>): Promise<Responses['audit-tab']> {
  let tab: chrome.tabs.Tab;
  try {
    tab = await chrome.tabs.get(msg.tabId);
  } catch {
    return { audit: null, error: 'failed' };
  }
  if (!tab.url || !/^https?:/.test(tab.url)) return { audit: null, error: 'no-access' };
  const model = await readTab(msg.tabId);
  if (model === undefined) return { audit: null, error: 'no-access' };
  if (!model || !sameOrigin(model.url, tab.url)) return { audit: null, error: 'not-audited' };
  // The batch CLI keeps the answer itself: of the audit only what later pages are judged with.
  const batch = await isBatch();
  if (model.social && !batch) await setSessionModel(msg.tabId, model);
  const audit = await judgePage(model, siteOf(tab.url));
  if (batch) await rememberFingerprints(audit);
  else await acceptAudit(msg.tabId, audit, model);
  return { audit };
}

export async function onHighlight(msg: MessageOf<'highlight'>): Promise<Responses['highlight']> {
  let tabId = msg.tabId;
  if (tabId === undefined) {
    const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    tabId = active?.id;
  }
  if (tabId === undefined) return { ok: false };
  return { ok: await highlightInTab(tabId, msg.selector) };
}
