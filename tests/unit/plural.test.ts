import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMessage, type Messages } from '../../src/i18n';
import { VARIANTS, variantKeys } from '../../src/lib/plural';
import { formatMessage as formatMessageCli } from '../../scripts/lib/messages.ts';

/**
 * Every message with a count, rendered with 0, 1 and 2 in English and German (issue 15: "1 share
 * buttons", "1 von 1 Telefonnummern … sind"). The forms live in _locales as `<key>_one`, `_zero`
 * and keyword variants (`_one_prechecked`), chosen by src/lib/plural.js.
 */

const load = (lang: string) => JSON.parse(readFileSync(`_locales/${lang}/messages.json`, 'utf8')) as Messages;
const LANGS = { en: load('en'), de: load('de') } as const;
const CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** Placeholders that hold a count: a new message with one must choose its forms or say why not. */
const COUNT_NAMES =
  /^(count|total|rows|done|posts|threads|paid|hits|days|humans|pings|sales|shared|replies|matches|external|unanswered|answered|times|followers|sample|redirects|premium|words|min)$/;
/** Counts that govern no word of their message, each with the reason. */
const NO_FORMS: Record<string, string> = {
  popup_sample_comments_of: 'the total is larger than the sample, so at least 2: always plural',
  popup_sample_posts_of: 'the total is larger than the sample, so at least 2: always plural',
  popup_evidence_more: '"… and 3 more": no noun',
  history_audits: '"Audits: 3": a label',
  history_pruned: '"Older audits deleted: 3": a label',
  popup_why_min_weight: 'a weight, not a count',
  rule_hotline_redirect_detail: '"Replies that point to the phone: 1 of 4": labels',
  rule_engagement_vs_followers_detail: 'followers: "($FOLLOWERS$ followers)" only from 1,000 on (the rule is n/a below)',
  rule_management_speak_detail: 'words: at least 250 (the rule is n/a below)',
};

/** Variant keys of `key` in a messages file, as their token lists. */
function variantsOf(m: Messages, key: string): string[][] {
  return (
    Object.keys(m)
      .filter((k) => k.startsWith(`${key}_`))
      .map((k) => k.slice(key.length + 1).split('_'))
      // counts come first (plural.js), so `popup_sample_comments_of` or `export_progress_label` are other messages
      .filter((tokens) => CATEGORIES.has(tokens[0]) && tokens.every((t) => CATEGORIES.has(t) || /^[a-z0-9]+$/.test(t)))
  );
}

/** The keywords a keyword selector takes in this message (the non-plural tokens at its position). */
function keywordsAt(key: string, position: number): string[] {
  const words = new Set<string>();
  for (const m of Object.values(LANGS))
    for (const tokens of variantsOf(m, key))
      if (tokens[position] && !CATEGORIES.has(tokens[position])) words.add(tokens[position]);
  return [...words];
}

/** Substitutions for `key`: every count selector set to n, keywords as given, the rest sample text. */
function subsFor(m: Messages, key: string, n: number, keyword?: string): (string | number)[] {
  const size = Object.keys(m[key]?.placeholders ?? {}).length || 1;
  const subs: (string | number)[] = Array.from({ length: Math.max(size, 4) }, (_, i) => `«${i + 1}»`);
  VARIANTS[key].forEach((index, position) => {
    subs[index] = keywordsAt(key, position).length > 0 ? (keyword ?? 'other') : n;
  });
  return subs;
}

const cases = Object.keys(VARIANTS).flatMap((key) => {
  const keywords = VARIANTS[key].flatMap((_, p) => keywordsAt(key, p));
  return (keywords.length ? keywords : [undefined]).map((keyword) => ({ key, keyword }));
});

describe('plural forms', () => {
  it.each(cases)(
    '$key ($keyword): renders 0, 1 and 2 in English and German, each count with its own form',
    ({ key, keyword }) => {
      for (const [lang, m] of Object.entries(LANGS)) {
        const out = [0, 1, 2].map((n) => formatMessage(m, key, subsFor(m, key, n, keyword)));
        for (const text of out) {
          expect(text, `${lang} ${key}`).not.toBe('');
          expect(text, `${lang} ${key}: a placeholder left`).not.toMatch(/\$[A-Za-z_]+\$|\$\d/);
        }
        // 1 reads differently from 2 beyond the digit: the singular form exists (or the count is spelled out)
        const one = out[1].replace(/\b1\b/g, '#');
        const two = out[2].replace(/\b2\b/g, '#');
        expect(one, `${lang} ${key} (${keyword}): 1 and 2 read alike: ${out[1]}`).not.toBe(two);
        // the CLI's formatter picks the same form
        expect(formatMessageCli(m, key, subsFor(m, key, 1, keyword)), `${lang} ${key} CLI`).toBe(out[1]);
      }
    },
  );

  it('reads the examples of issue 15 right', () => {
    const { en, de } = LANGS;
    expect(formatMessage(en, 'rule_share_without_dialogue_detail', [1])).toBe('1 share button on the page');
    expect(formatMessage(de, 'rule_share_without_dialogue_detail', [1])).toBe('1 Teilen-Button auf der Seite');
    expect(formatMessage(de, 'rule_share_without_dialogue_detail', [2])).toBe('2 Teilen-Buttons auf der Seite');
    expect(formatMessage(en, 'rule_newsletter_coupling_detail', [1, 'optional'])).toBe(
      'An optional newsletter box in the comment form, not ticked in advance',
    );
    expect(formatMessage(de, 'rule_newsletter_coupling_detail', [1, 'prechecked'])).toBe(
      'Ein Newsletter-Kästchen im Kommentarformular ist schon angekreuzt',
    );
    expect(formatMessage(de, 'rule_paid_hotline_detail', [1, 1])).toBe(
      'Die einzige Telefonnummer auf der Seite ist eine Mehrwertnummer oder kostenpflichtig',
    );
    expect(formatMessage(de, 'rule_paid_hotline_detail', [1, 3])).toBe(
      '1 von 3 Telefonnummern auf der Seite ist eine Mehrwertnummer oder kostenpflichtig',
    );
    expect(formatMessage(de, 'rule_paid_hotline_detail', [2, 3])).toBe(
      '2 von 3 Telefonnummern auf der Seite sind Mehrwertnummern oder kostenpflichtig',
    );
    expect(formatMessage(de, 'rule_comments_closed_detail', [0, 'closed'])).toBe('Kommentare sind geschlossen');
    expect(formatMessage(en, 'popup_sample_comments', [0, 'closed'])).toBe('Comments are closed');
    // a stored finding from before the state was added ([count] only) still reads right
    expect(formatMessage(en, 'rule_comments_closed_detail', [1])).toBe('1 reader comment visible on the page');
    // a count grouped for display chooses by its value
    expect(formatMessage(en, 'export_download', ['1,234'])).toBe('Download CSV (1,234 rows)');
  });

  it('takes the language of the messages file, not the browser’s', () => {
    // French: 0 is "one"; the English file must still say "0 share buttons"
    expect(variantKeys('rule_share_without_dialogue_detail', [0], 'en')).toEqual([
      'rule_share_without_dialogue_detail_zero',
      'rule_share_without_dialogue_detail',
    ]);
    expect(LANGS.en.messages_language?.message).toBe('en');
    expect(LANGS.de.messages_language?.message).toBe('de');
  });

  it('has the same variants in both languages, with the base message’s placeholders', () => {
    for (const key of Object.keys(VARIANTS)) {
      const en = variantsOf(LANGS.en, key).map((t) => t.join('_'));
      const de = variantsOf(LANGS.de, key).map((t) => t.join('_'));
      expect(de.sort(), key).toEqual(en.sort());
      for (const [lang, m] of Object.entries(LANGS)) {
        expect(m[key]?.message, `${lang} ${key}: the general form`).toBeTruthy();
        const base = m[key].placeholders ?? {};
        for (const v of variantsOf(m, key)) {
          expect(v.length, `${lang} ${key}_${v.join('_')}: more tokens than selectors`).toBeLessThanOrEqual(VARIANTS[key].length);
          for (const [name, p] of Object.entries(m[`${key}_${v.join('_')}`].placeholders ?? {}))
            expect(p.content, `${lang} ${key}_${v.join('_')} $${name}$`).toBe(base[name]?.content);
        }
      }
    }
  });

  it('lists every message with a count, or says why its count governs no word', () => {
    const missing = Object.entries(LANGS.en)
      .filter(([key]) => !key.includes('_one') && !key.includes('_zero') && !key.includes('_other'))
      .filter(([, e]) => Object.keys(e.placeholders ?? {}).some((n) => COUNT_NAMES.test(n)))
      .map(([key]) => key)
      .filter((key) => !(key in VARIANTS) && !(key in NO_FORMS));
    expect(missing).toEqual([]);
  });
});
