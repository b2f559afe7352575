// Plural forms (and keyword variants) for chrome.i18n messages. chrome.i18n has none: a message
// with a count gets one entry per form in _locales/<lang>/messages.json, `<key>_one` beside the
// general `<key>` ("1 share button" / "2 share buttons"), chosen here with Intl.PluralRules in the
// language of the messages file. A message whose wording depends on a state as well (a newsletter
// box that is required, pre-ticked or optional) has keyword variants the same way: `<key>_one_prechecked`.
// One module for the extension (src/i18n.ts, the badge) and the Node CLI (scripts/lib/messages.ts),
// so both choose the same form.

/**
 * The substitutions that choose a message's variant, by position (0 = $1), in the order their
 * tokens appear in the variant's key: `rule_comments_closed_detail_one_closed` is "1 comment,
 * state closed". Counts come before keywords, so a variant key always starts with a plural
 * category (`zero`, `one`, `other`, …) and never reads like a sibling message (`…_of`, `…_label`). Numbers choose by plural category (`one`, `other`; `few`, `many` … in other languages),
 * strings by their value. docs/glossary.md explains the convention; tests/unit/plural.test.ts
 * renders every message listed here with 0, 1 and 2 in both languages.
 */
export const VARIANTS: Record<string, number[]> = {
  // rule details (substitutions as the rules write them: src/rules/<id>.ts)
  rule_comments_closed_detail: [0, 1],
  rule_comment_form_friction_detail: [0],
  rule_newsletter_coupling_detail: [0, 1],
  rule_author_replies_detail: [1],
  rule_critical_unanswered_detail: [1, 0],
  rule_pingback_only_detail: [0, 1],
  rule_share_without_dialogue_detail: [0],
  rule_one_way_links_detail: [1, 0],
  rule_stale_detail: [0],
  rule_paid_hotline_detail: [1, 0],
  rule_management_speak_detail: [0],
  rule_engagement_vs_followers_detail: [2],
  rule_repeated_links_detail: [2, 0],
  rule_machine_cadence_detail: [1],
  rule_no_replies_detail: [1, 0],
  rule_no_sharing_others_detail: [1, 0],
  rule_sales_focus_detail: [1, 0],
  rule_same_message_everywhere_detail: [1, 0],
  // popup, history, export (substitutions as popup/ passes them)
  popup_sample_comments: [0, 1],
  popup_sample_posts: [0],
  history_chart_label: [0],
  export_progress: [1, 2],
  export_download: [0],
  export_backup_download: [0],
  export_stopped: [1],
  export_import_imported: [0],
  export_import_duplicates: [0],
  export_import_skipped: [0],
  welcome_privacy_how_long: [0],
};

const rulesByLang = new Map<string, Intl.PluralRules>();

function pluralRules(lang: string): Intl.PluralRules {
  let rules = rulesByLang.get(lang);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(lang);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    rulesByLang.set(lang, rules);
  }
  return rules;
}

/**
 * A substitution as a number: 3, "3", "1.234" / "1,234" / "1 234" (grouped for display).
 * null for text and percentages.
 */
function countOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const digits = value.trim().replace(/(\d)[.,\u00a0\u202f ](?=\d{3}(?:\D|$))/g, '$1');
  return /^-?\d+$/.test(digits) ? Number(digits) : null;
}

/**
 * One selector's tokens, most specific first: a count gives `zero` (for 0, in every language:
 * "no comments yet" reads better than "0 comments") and its plural category, a keyword itself
 * (`login-required` as `loginrequired`), anything else nothing: `other` follows in all cases.
 */
function tokensOf(value: unknown, lang: string): string[] {
  const n = countOf(value);
  if (n !== null) return n === 0 ? ['zero', pluralRules(lang).select(n)] : [pluralRules(lang).select(n)];
  if (typeof value === 'string' && /^[a-z][a-z0-9-]*$/.test(value)) return [value.replace(/-/g, '')];
  return [];
}

/**
 * The variant keys to try for these substitutions, most specific first, the general key last:
 * for selectors giving `one` and `prechecked`: key_one_prechecked, key_one, key_other_prechecked,
 * key. A trailing `other` is left off (`key_one` is `key_one_other`: one, whatever the state).
 */
export function variantKeys(key: string, subs: readonly (string | number)[], lang: string): string[] {
  const selectors = VARIANTS[key];
  if (!selectors) return [key];
  const choices = selectors.map((i) => [...new Set([...tokensOf(subs?.[i], lang), 'other'])]);
  // every combination, earlier selectors varying slowest: their specific token is tried first
  let combos: string[][] = [[]];
  for (const tokens of choices) combos = combos.flatMap((c) => tokens.map((t) => [...c, t]));
  const out: string[] = [];
  for (const parts of combos) {
    while (parts.length > 0 && parts[parts.length - 1] === 'other') parts.pop();
    const name = parts.length ? `${key}_${parts.join('_')}` : key;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * The key of the variant to show: the first of variantKeys that exists (`has`), else `key`.
 * `lang` is the language of the messages (their `messages_language` entry).
 */
export function pluralKey(
  key: string,
  subs: readonly (string | number)[] | undefined,
  lang: string,
  has: (key: string) => boolean,
): string {
  if (!VARIANTS[key]) return key;
  return variantKeys(key, subs ?? [], lang).find(has) ?? key;
}
