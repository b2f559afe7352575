import browser from 'webextension-polyfill';

/**
 * The extension API for the background and the extension pages (popup, options, explanation,
 * welcome): `browser.*` in both browsers. Firefox has it natively (the polyfill hands it on
 * unchanged); in Chrome webextension-polyfill wraps `chrome.*` with Firefox's semantics — above
 * all, a `runtime.onMessage` listener answers by returning a promise, where Chrome's own needs
 * `sendResponse` plus `return true` and silently drops the answer when either is forgotten.
 * Never imported by the content script: it stays within its size budget (DESIGN.md), and the lead's
 * content-script messaging (src/lib/messaging.ts) needs none of it.
 */
export { browser };
export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
