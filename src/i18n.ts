import { pluralKey } from './lib/plural';

/**
 * Messages in Chrome's `_locales/<lang>/messages.json` format, usable in two places:
 * - `formatMessage(messages, key, subs)` works on the parsed JSON, so Node scripts (the batch audit,
 *   CSV from the CLI) and unit tests render the same texts as the extension;
 * - `t(key, subs)` asks the browser (`chrome.i18n.getMessage`), which picks the browser's language.
 * Both pick a counted message's plural form (`<key>_one` beside `<key>`: src/lib/plural.js) in the
 * language of the messages file itself, its `messages_language` entry ("en", "de"), which is not
 * always the browser's (a French browser gets the English file, and must get English plurals).
 */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;
export type Subs = string | number | readonly (string | number)[] | undefined;

function subsList(subs: Subs): string[] {
  if (subs === undefined) return [];
  return (Array.isArray(subs) ? subs : [subs]).map((s) => String(s));
}

/**
 * Chrome's rules: `$NAME$` is replaced by its placeholder's content, in which `$1`…`$9` are the
 * substitutions; `$1`…`$9` in the message itself work too; `$$` is a literal dollar sign.
 * Returns '' for an unknown key, as chrome.i18n.getMessage does.
 */
export function formatMessage(messages: Messages, key: string, subs?: Subs): string {
  const lang = messages.messages_language?.message ?? 'en';
  const entry = messages[pluralKey(key, subsList(subs), lang, (k) => typeof messages[k]?.message === 'string')];
  if (!entry || typeof entry.message !== 'string') return '';
  const list = subsList(subs);
  const positional = (text: string) =>
    text.replace(/\$(\$|[1-9])/g, (_m, d: string) => (d === '$' ? '$' : (list[Number(d) - 1] ?? '')));
  const named = new Map<string, string>();
  for (const [name, ph] of Object.entries(entry.placeholders ?? {})) named.set(name.toLowerCase(), positional(ph.content));
  // One pass, so a substitution that itself contains "$1" is not expanded again.
  return entry.message.replace(/\$([A-Za-z_@][A-Za-z0-9_@]*)\$|\$([1-9])|\$\$/g, (m, name?: string, digit?: string) => {
    if (name !== undefined) return named.get(name.toLowerCase()) ?? m;
    if (digit !== undefined) return list[Number(digit) - 1] ?? '';
    return '$';
  });
}

/** chrome.i18n.getMessage with the plural form chosen; '' when the key is missing or there is no browser API. */
export function getMessage(key: string, subs?: Subs): string {
  const i18n = globalThis.chrome?.i18n;
  if (!i18n?.getMessage) return '';
  const list = subsList(subs);
  const lang = i18n.getMessage('messages_language') || 'en';
  const chosen = pluralKey(key, list, lang, (k) => i18n.getMessage(k) !== '');
  return i18n.getMessage(chosen, list.length ? list : undefined) ?? '';
}

/** The browser's message for this key in the browser's language; the key itself when missing (visible in QA). */
export function t(key: string, subs?: Subs): string {
  return getMessage(key, subs) || key;
}

/** Like t() but '' when the key is missing: for optional texts (a rule without a detail message). */
export function tOptional(key: string, subs?: Subs): string {
  return getMessage(key, subs);
}

/** The UI language the browser gives the extension ("de", "en-US", …). */
export function uiLanguage(): string {
  return globalThis.chrome?.i18n?.getUILanguage?.() ?? (typeof navigator === 'undefined' ? 'en' : navigator.language);
}

export function isGerman(lang = uiLanguage()): boolean {
  return /^de\b/i.test(lang);
}
