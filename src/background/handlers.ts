/// <reference types="@crxjs/vite-plugin/client" />
import scriptPath from '../../content-scripts/main.ts?script';
import type { Message } from '../messages';
import type { Audit } from '../model';
import type { Responses } from '../lib/messaging';
import { sendToTab } from '../lib/messaging';
import { historyMatches } from '../storage/audits';
import { isPaused, readSettings } from '../settings';
import { isAudit } from '../validate';
import { acceptAudit, db } from './audits';
import { allowAudit } from './session';

/** How long an injected content script gets to load its module and answer (crxjs loader → import()). */
export const INJECT_ANSWER_MS = 5000;

function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return b !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** A passive audit from a content script (already validated in shape and sender). */
export async function onAudit(tabId: number, senderUrl: string | undefined, audit: Audit): Promise<Responses['audit']> {
  // The audit must be of the page that sent it (pushState keeps the origin).
  if (!sameOrigin(audit.url, senderUrl)) return { ok: false };
  const settings = await readSettings();
  if (isPaused(settings, audit.site, Date.now()) || !settings.passive) return { ok: false };
  if (!(await allowAudit(tabId, Date.now()))) return { ok: false };
  return { ok: await acceptAudit(tabId, audit) };
}

export async function onHistory(msg: Message<'history'>): Promise<Responses['history']> {
  try {
    return { matches: await historyMatches(db(), msg.fingerprints, msg.site) };
  } catch {
    return { matches: [] };
  }
}

async function runAudit(tabId: number): Promise<Responses['run-audit'] | undefined> {
  const first = await sendToTab(tabId, { type: 'run-audit' });
  if (first) return first;
  // No receiver: the tab was opened before install (or the content script was never injected
  // there). activeTab + scripting let us inject it now, on the user's click.
  try {
    await chrome.scripting.executeScript({ target: { tabId }, files: [scriptPath] });
  } catch {
    return undefined;
  }
  // The crxjs loader imports the module asynchronously: poll until its listener answers.
  const until = Date.now() + INJECT_ANSWER_MS;
  while (Date.now() < until) {
    const res = await sendToTab(tabId, { type: 'run-audit' });
    if (res) return res;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

/** The popup asks for an audit of a tab now, whatever the passive and pause settings say. */
export async function onAuditTab(msg: Message<'audit-tab'>): Promise<Responses['audit-tab']> {
  let tab: chrome.tabs.Tab;
  try {
    tab = await chrome.tabs.get(msg.tabId);
  } catch {
    return { audit: null, error: 'failed' };
  }
  if (!tab.url || !/^https?:/.test(tab.url)) return { audit: null, error: 'no-access' };
  const res = await runAudit(msg.tabId);
  if (!res) return { audit: null, error: 'no-access' };
  if (!isAudit(res.audit) || !sameOrigin(res.audit.url, tab.url)) return { audit: null, error: 'not-audited' };
  await acceptAudit(msg.tabId, res.audit);
  return { audit: res.audit };
}

export async function onHighlight(msg: Message<'highlight'>): Promise<Responses['highlight']> {
  let tabId = msg.tabId;
  if (tabId === undefined) {
    const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    tabId = active?.id;
  }
  if (tabId === undefined) return { ok: false };
  const res = await sendToTab(tabId, { type: 'highlight', selector: msg.selector });
  return { ok: res?.ok === true };
}
