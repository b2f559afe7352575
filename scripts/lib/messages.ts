// Chrome i18n messages read from _locales in Node, for the CLI's English titles, details and advice.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
 * `$1`…`$9` as well, and `$$` for a literal dollar. Unknown key → null.
 */
export function formatMessage(messages: Messages, key: string, subs: readonly (string | number)[] = []): string | null {
  const entry = messages?.[key];
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

export function ruleMessageKey(ruleId: string, part: string): string {
  return `rule_${ruleId.replace(/-/g, '_')}_${part}`;
}
