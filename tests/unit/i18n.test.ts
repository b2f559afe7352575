import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMessage, isGerman, type Messages } from '../../src/i18n';

const MY_PREFIXES = /^(popup|options|export|history|learn|band|verdict)_/;
const load = (lang: string) => JSON.parse(readFileSync(`_locales/${lang}/messages.json`, 'utf8')) as Messages;

describe('formatMessage', () => {
  const messages: Messages = {
    plain: { message: 'Hallo' },
    positional: { message: '$1 von $2 ($$)' },
    named: {
      message: 'Based on $COUNT$ of $Total$ posts',
      placeholders: { count: { content: '$1' }, total: { content: '$2' } },
    },
  };

  it('returns the plain message, and empty for an unknown key like chrome.i18n', () => {
    expect(formatMessage(messages, 'plain')).toBe('Hallo');
    expect(formatMessage(messages, 'nope')).toBe('');
  });

  it('fills $1…$9 and keeps $$ as a dollar sign', () => {
    expect(formatMessage(messages, 'positional', [3, 12])).toBe('3 von 12 ($)');
  });

  it('fills named placeholders case-insensitively', () => {
    expect(formatMessage(messages, 'named', ['5', 9])).toBe('Based on 5 of 9 posts');
  });

  it('does not expand a substitution that itself looks like a placeholder', () => {
    expect(formatMessage(messages, 'positional', ['$2', 'x'])).toBe('$2 von x ($)');
  });

  it('tells German UI languages apart', () => {
    expect(isGerman('de')).toBe(true);
    expect(isGerman('de-AT')).toBe(true);
    expect(isGerman('en-US')).toBe(false);
    expect(isGerman('dev')).toBe(false);
  });
});

describe('popup/export/history message keys', () => {
  const en = load('en');
  const de = load('de');
  const mine = (m: Messages) => Object.keys(m).filter((k) => MY_PREFIXES.test(k));

  it('exist in both languages', () => {
    expect(mine(en).length).toBeGreaterThan(20);
    expect(mine(en).filter((k) => !(k in de))).toEqual([]);
    expect(mine(de).filter((k) => !(k in en))).toEqual([]);
  });

  it('declare a placeholder for every $NAME$ they use', () => {
    for (const m of [en, de]) {
      for (const k of mine(m)) {
        const names = [...m[k].message.matchAll(/\$([A-Za-z_]+)\$/g)].map((x) => x[1].toLowerCase());
        const declared = Object.keys(m[k].placeholders ?? {}).map((x) => x.toLowerCase());
        expect(
          names.filter((n) => !declared.includes(n)),
          k,
        ).toEqual([]);
      }
    }
  });
});
