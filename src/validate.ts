import type { Audit, Band, Evidence, Finding, PageKind, Platform, Verdict } from './model';
import { LIMITS, type Message, type MessageType } from './messages';

/**
 * Shape and size checks for everything that crosses a context boundary. Content scripts run on
 * hostile pages, so the background treats their messages as untrusted input: anything that is
 * not exactly one of the protocol's shapes, or is larger than LIMITS allows, is rejected (null).
 * Plain functions on unknown values: no exceptions escape, whatever getters or prototypes a value has.
 */

const KINDS: readonly PageKind[] = ['article', 'profile', 'post', 'other'];
const BANDS: readonly Band[] = ['red', 'orange', 'green', 'grey'];
const VERDICTS: readonly Verdict[] = ['pass', 'warn', 'fail', 'n/a'];
const PLATFORMS: readonly Platform[] = [
  'wordpress',
  'wordpress-com',
  'blogger',
  'ghost',
  'medium',
  'substack',
  'x',
  'facebook',
  'mastodon',
  'bluesky',
  'instagram',
  'linkedin',
  'generic',
];
/** Rule ids are file names (kebab-case); the cap keeps a hostile id from bloating storage. */
const RULE_ID = /^[a-z][a-z0-9-]{0,63}$/;
/** Fingerprints are FNV-1a 32-bit hex (src/lib/fingerprint.ts). */
const FINGERPRINT = /^[0-9a-f]{8}$/;
/** Facts are short enums and counts; anything with more keys than the contract is not ours. */
const FACT_KEYS = 20;
const DETAIL_ITEMS = 9;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isStr(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}
function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
function isInt(v: unknown, min: number, max: number): v is number {
  return Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
}
function isHttpUrl(v: unknown): v is string {
  if (!isStr(v, LIMITS.urlChars)) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
function oneOf<T extends string>(v: unknown, list: readonly T[]): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}

function isEvidence(v: unknown): v is Evidence {
  return isObj(v) && isStr(v.selector, LIMITS.selectorChars) && isStr(v.text, LIMITS.textChars);
}

function isFinding(v: unknown): v is Finding {
  if (!isObj(v)) return false;
  if (!isStr(v.rule, 64) || !RULE_ID.test(v.rule)) return false;
  if (!oneOf(v.verdict, VERDICTS)) return false;
  if (!(v.score === null || (isNum(v.score) && v.score >= 0 && v.score <= 1))) return false;
  if (!isNum(v.weight) || v.weight < 0 || v.weight > 100) return false;
  if (!Array.isArray(v.evidence) || v.evidence.length > LIMITS.evidencePerFinding || !v.evidence.every(isEvidence)) return false;
  if (v.detail !== undefined) {
    if (!Array.isArray(v.detail) || v.detail.length > DETAIL_ITEMS) return false;
    if (!v.detail.every((d) => isStr(d, LIMITS.textChars) || isNum(d))) return false;
  }
  return true;
}

function isFacts(v: unknown): boolean {
  if (!isObj(v)) return false;
  const values = Object.values(v);
  if (values.length > FACT_KEYS) return false;
  return values.every((x) => x === null || isStr(x, 32) || isNum(x));
}

export function isAudit(v: unknown): v is Audit {
  if (!isObj(v)) return false;
  if (!isHttpUrl(v.url) || !isStr(v.site, 255)) return false;
  if (!oneOf(v.kind, KINDS) || !oneOf(v.platform, PLATFORMS) || !oneOf(v.band, BANDS)) return false;
  if (!(v.score === null || isInt(v.score, 0, 100))) return false;
  if (!Array.isArray(v.findings) || v.findings.length > LIMITS.findings || !v.findings.every(isFinding)) return false;
  if (!isFacts(v.facts)) return false;
  if (!isNum(v.time) || v.time < 0) return false;
  if (!isInt(v.rulesVersion, 0, 1e6) || !isInt(v.sample, 0, 1e7)) return false;
  return isFingerprints(v.fingerprints);
}

function isFingerprints(v: unknown): v is string[] {
  return Array.isArray(v) && v.length <= LIMITS.fingerprints && v.every((f) => typeof f === 'string' && FINGERPRINT.test(f));
}

function isTabId(v: unknown): v is number {
  return isInt(v, 0, 2 ** 31 - 1);
}

const CHECKS: { [K in MessageType]: (m: Obj) => boolean } = {
  audit: (m) => isAudit(m.audit),
  history: (m) => isFingerprints(m.fingerprints) && isStr(m.site, 255) && isStr(m.platform, 32),
  'audit-tab': (m) => isTabId(m.tabId),
  highlight: (m) => (m.tabId === undefined || isTabId(m.tabId)) && isStr(m.selector, LIMITS.selectorChars) && m.selector !== '',
  'run-audit': () => true,
};

/** The message as the protocol's type when it is exactly one of the protocol's shapes, else null. */
export function parseMessage(raw: unknown): Message | null {
  try {
    if (!isObj(raw) || typeof raw.type !== 'string' || !Object.hasOwn(CHECKS, raw.type)) return null;
    return CHECKS[raw.type as MessageType](raw) ? (raw as unknown as Message) : null;
  } catch {
    // A getter that throws, a revoked proxy: hostile input is rejected, never propagated.
    return null;
  }
}

/** Messages only our content scripts send; everything else comes from our own extension pages. */
export const CONTENT_MESSAGES: ReadonlySet<MessageType> = new Set(['audit', 'history']);
export const PAGE_MESSAGES: ReadonlySet<MessageType> = new Set(['audit-tab', 'highlight']);

/** The parts of chrome.runtime.MessageSender we look at (Chrome's and Firefox's agree on these). */
export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
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
