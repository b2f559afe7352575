import type { Message, MessageType } from '../messages';
import type { Audit } from '../model';
import type { RuleContext } from '../rules/rule';

/** What each message answers with (the other half of src/messages.ts's protocol). */
export interface Responses {
  audit: { ok: boolean };
  history: { matches: RuleContext['history'] };
  /** the stored audit of the tab, or null with a reason the popup can show */
  'audit-tab': { audit: Audit | null; error?: 'no-access' | 'not-audited' | 'failed' };
  highlight: { ok: boolean };
  'run-audit': { audit: Audit | null };
}

/** A rejected or ignored message gets no answer; callers see undefined and treat it as failure. */
export type Response<T extends MessageType> = Responses[T] | undefined;

/** Send a typed message to the background (popup, options page, content script). */
export async function sendMessage<T extends MessageType>(msg: Message<T>): Promise<Response<T>> {
  try {
    return (await chrome.runtime.sendMessage(msg)) as Response<T>;
  } catch {
    // "Receiving end does not exist" while the worker restarts, or the extension was reloaded.
    return undefined;
  }
}

/** Send a typed message to a tab's content script (background only). */
export async function sendToTab<T extends MessageType>(tabId: number, msg: Message<T>): Promise<Response<T>> {
  try {
    return (await chrome.tabs.sendMessage(tabId, msg, { frameId: 0 })) as Response<T>;
  } catch {
    return undefined;
  }
}
