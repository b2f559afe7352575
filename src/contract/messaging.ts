import type { MessageOf, MessageType, Response } from './messages';

/**
 * Sending the protocol's messages (./messages.ts). A rejected or ignored message gets no answer:
 * callers see undefined and treat it as failure. `chrome.*` here on purpose: this file ships in
 * the content script, where the polyfill's size would count against the page's budget, and both
 * browsers answer `chrome.runtime.sendMessage` with a promise in MV3.
 */

/** Send a typed message to the background (popup, options page, content script). */
export async function sendMessage<T extends MessageType>(msg: MessageOf<T>): Promise<Response<T>> {
  try {
    return (await chrome.runtime.sendMessage(msg)) as Response<T>;
  } catch {
    // "Receiving end does not exist" while the worker restarts, or the extension was reloaded.
    return undefined;
  }
}

/** Send a typed message to a tab's top-frame content script (background only). */
export async function sendToTab<T extends MessageType>(tabId: number, msg: MessageOf<T>): Promise<Response<T>> {
  try {
    return (await chrome.tabs.sendMessage(tabId, msg, { frameId: 0 })) as Response<T>;
  } catch {
    return undefined;
  }
}
