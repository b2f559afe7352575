// Chrome i18n messages read from _locales in Node, for the CLI's English titles, details and advice.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pluralKey } from '../../src/lib/plural';

export interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, ChromeMessage>;

export const ROOT: string = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function loadMessages(locale = 'en', root = ROOT): Messages {
  try {
    return JSON.parse(readFileSync(join(root, '_locales', locale, 'messages.json'), 'utf8'));
  } catch {
    return {};
  }
}

/**
 * chrome.i18n.getMessage's format: `$NAME$` placeholders whose `content` is `$1`…`$9`, plain
 * `$1`…`$9` as well, and `$$` for a literal dollar; a counted message in its plural form
 * (src/lib/plural.js). Unknown key → null.
 */
export function formatMessage(messages: Messages, key: string, subs: readonly (string | number)[] = []): string | null {
  // the plural form in the language of the messages file, as src/i18n.ts chooses it
  const lang = messages?.messages_language?.message ?? 'en';
  const entry = messages?.[pluralKey(key, subs, lang, (k) => typeof messages?.[k]?.message === 'string')];
  if (!entry || typeof entry.message !== 'string') return null;
  const positional = (s: string) => s.replace(/\$(\d)/g, (_, n) => String(subs[Number(n) - 1] ?? ''));
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p?.content ?? '']),
  );
  return entry.message
    .replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (whole: string, name: string | undefined, digit: string | undefined) => {
      if (whole === '$$') return '$';
      if (digit) return String(subs[Number(digit) - 1] ?? '');
      const content = placeholders[(name ?? '').toLowerCase()];
      return content === undefined ? whole : positional(content);
    })
    .trim();
}

const englishPlurals = new Intl.PluralRules('en');

/**
 * A count with its noun in the right form, for the CLI's own English lines ("1 input failed",
 * "3 pages"): never "input(s)". `plural` defaults to the noun with an "s".
 */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${englishPlurals.select(n) === 'one' ? noun : plural}`;
}

// a rule's message key: the contract's one formula
export { messageKey as ruleMessageKey } from '../../src/contract/vocabulary';
