import type { Audit } from './model';

/**
 * The one typed protocol between contexts. Content scripts run on hostile pages, so the
 * background validates every incoming message (isMessage) before acting on it.
 *
 * content → background:  audit, history
 * popup   → background:  audit-tab, highlight
 * background → content:  run-audit, highlight
 */
export interface Messages {
  /** a finished audit of the sender's tab */
  audit: { audit: Audit };
  /** which of these fingerprints were seen on other sites before (cross-page rule) */
  history: { fingerprints: string[]; site: string; platform: string };
  /** popup asks: audit this tab now (injecting the content script if needed) */
  'audit-tab': { tabId: number };
  /** popup asks: scroll to and highlight this element in this tab */
  highlight: { tabId?: number; selector: string };
  /** background asks a content script to audit its page now */
  'run-audit': Record<never, never>;
}

export type MessageType = keyof Messages;
export type Message<T extends MessageType = MessageType> = { [K in T]: { type: K } & Messages[K] }[T];

/** Hostile pages can send anything: cap sizes so one message can't exhaust the worker. */
export const LIMITS = {
  urlChars: 4096,
  findings: 64,
  evidencePerFinding: 10,
  textChars: 400,
  selectorChars: 2048,
  fingerprints: 500,
} as const;
