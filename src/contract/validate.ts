import * as v from 'valibot';
import { type Audit, AuditSchema } from './audit';
import { CONTENT_MESSAGES, type Message, MessageSchema, type MessageType, PAGE_MESSAGES } from './messages';
import { type PageModel, PageModelSchema } from './model';

/**
 * Checks for everything that crosses a context boundary. Content scripts run on hostile pages, so
 * the worker treats their messages as untrusted input: anything that is not exactly one of the
 * protocol's shapes, or larger than LIMITS allows, is rejected (null). No exception escapes,
 * whatever getters or proxies a value carries.
 */

function safely<T>(schema: v.GenericSchema<unknown, T>, raw: unknown): T | null {
  try {
    const res = v.safeParse(schema, raw);
    return res.success ? res.output : null;
  } catch {
    // A getter that throws, a revoked proxy: hostile input is rejected, never propagated.
    return null;
  }
}

/** The message as the protocol's type when it is exactly one of its shapes (unknown keys dropped), else null. */
export function parseMessage(raw: unknown): Message | null {
  return safely(MessageSchema, raw);
}

export function parsePageModel(raw: unknown): PageModel | null {
  return safely(PageModelSchema, raw);
}

export function parseAudit(raw: unknown): Audit | null {
  return safely(AuditSchema, raw);
}

export function isAudit(raw: unknown): raw is Audit {
  return parseAudit(raw) !== null;
}

/** The parts of chrome.runtime.MessageSender we look at (Chrome's and Firefox's agree on these). */
export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; incognito?: boolean };
}

function isTabId(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 2 ** 31 - 1;
}

/**
 * Is this sender allowed to send this type? Content messages: our own content script in the top
 * frame of a web page tab. Page messages (popup, options, a popup opened in a tab by tests): a
 * page of this extension. `extensionOrigin` is chrome.runtime.getURL('') (with trailing slash).
 */
export function senderAllowed(type: MessageType, sender: SenderLike, ownId: string, extensionOrigin: string): boolean {
  if (!sender || sender.id !== ownId) return false;
  const url = typeof sender.url === 'string' ? sender.url : '';
  if (CONTENT_MESSAGES.has(type)) {
    return isTabId(sender.tab?.id) && sender.frameId === 0 && /^https?:/.test(url);
  }
  if (PAGE_MESSAGES.has(type)) return url.startsWith(extensionOrigin);
  return false;
}
