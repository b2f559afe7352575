/**
 * Critical wording and open questions in reader comments, German and English (seed 000 #3:
 * "Gleich gar nicht auf kritische Bemerkungen"). Patterns are data: each is a regular
 * expression source matched case-insensitively with letter-aware boundaries (JavaScript's `\b`
 * does not know umlauts).
 */

/** Complaints and disagreement. Stems end in `\p{L}*` where German/English inflect. */
export const CRITICAL_PATTERNS: readonly string[] = [
  // German
  'leider',
  'enttäusch\\p{L}*',
  // "funktioniert bei mir nicht", "klappt das gar nicht": up to two words in between
  '(?:funktionier\\p{L}*|klappt)(?: \\p{L}+){0,2} (?:nicht|nie)',
  'geht (?:leider )?(?:gar )?nicht mehr',
  'falsch\\p{L}*',
  'fehlerhaft\\p{L}*',
  'stimmt (?:so )?(?:leider )?nicht',
  'nicht (?:korrekt|richtig)',
  'ärger\\p{L}*',
  'unverschämt\\p{L}*',
  'frechheit',
  'beschwer\\p{L}*',
  'kritik',
  'kritisier\\p{L}*',
  'unsinn',
  'quatsch',
  'irreführend\\p{L}*',
  'keine antwort',
  'warte (?:immer )?noch',
  'bis heute (?:keine|nichts)',
  'schlecht\\p{L}*',
  'fehler(?:n|s)?',
  'probleme?',
  'kaputt\\p{L}*',
  'defekt\\p{L}*',
  'veraltet\\p{L}*',
  'keine reaktion',
  '(?:eine|meine|kurze|noch eine) frage',
  'frage mich',
  // English
  'unfortunately',
  'disappoint\\p{L}*',
  "(?:doesn't|does not|didn't|did not|won't|don't|do not) work",
  'not working',
  'problems?',
  'outdated',
  'broken',
  'wrong',
  'incorrect',
  'misleading',
  'mistakes?',
  'errors?',
  'complain\\p{L}*',
  'terrible',
  'awful',
  'useless',
  'not true',
  'still waiting',
  'no (?:answer|reply|response)',
  'never (?:answered|replied|responded)',
  '(?:a|one|quick|my) question',
  'i wonder',
];

/**
 * Phrases that contain a critical word but are not criticism ("kein Problem", "nicht schlecht",
 * "nothing wrong"), removed before matching.
 */
export const BENIGN_PATTERNS: readonly string[] = [
  'kein problem',
  'nicht schlecht',
  'gar nicht schlecht',
  'nichts falsch',
  'nichts auszusetzen',
  'no problem',
  'not bad',
  'nothing wrong',
  "can't go wrong",
  'cannot go wrong',
  'no mistake',
];

/**
 * Question marks that ask nothing: tag questions, exclamations and jokes ("oder?", "gell?",
 * "right?", "who knew?"). A question counts only when it has at least MIN_QUESTION_WORDS words.
 */
export const RHETORICAL_PATTERNS: readonly string[] = [
  'oder',
  'gell',
  'ne',
  'nicht wahr',
  'wer kennt das nicht',
  'was will man mehr',
  'warum (?:auch )?nicht',
  'wie \\p{L}+ ist das(?: denn)?',
  'was soll (?:ich|man) (?:da )?(?:noch )?sagen',
  'wer hätte das gedacht',
  'right',
  'eh',
  "isn't it",
  "aren't they",
  "don't you think",
  'who knew',
  "what's not to love",
  'why not',
  'how \\p{L}+ is that',
  'what can i say',
  'who would have thought',
];

/** A real question to the author has a few words: "Wo gibt es das Rezept auf Deutsch?" (7). */
export const MIN_QUESTION_WORDS = 4;

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const any = (list: readonly string[]) => new RegExp(`${L}(?:${list.join('|')})${R}`, 'giu');
const CRITICAL = any(CRITICAL_PATTERNS);
const BENIGN = any(BENIGN_PATTERNS);
const RHETORICAL = new RegExp(`^(?:${RHETORICAL_PATTERNS.join('|')})$`, 'iu');

export interface CriticalReading {
  /** the critical words found (lower case, deduplicated) */
  words: string[];
  /** the open questions found, as written */
  questions: string[];
}

/** Sentences ending in "?", without tag questions and trivia. */
export function openQuestions(text: string): string[] {
  const out: string[] = [];
  // only a sentence ending in "?" can be a question: most comments have none, and skip the split
  if (!text.includes('?')) return out;
  // Split into sentences first: a scanning regex would be quadratic on long unpunctuated text.
  for (const chunk of text.split(/(?<=[.!?\n])(?![?!])/u)) {
    if (!/\?+!*\s*$/u.test(chunk)) continue;
    const sentence = chunk.trim();
    const words = sentence.replace(/\?+!*$/u, '').match(/[\p{L}\p{N}'’-]+/gu) ?? [];
    if (words.length === 0) continue;
    // the last clause decides tag questions: "Tolles Rezept, oder?"
    const clause =
      sentence
        .replace(/\?+!*$/u, '')
        .split(/[,;:–—-]\s*/u)
        .pop()
        ?.trim() ?? '';
    if (RHETORICAL.test(clause) || RHETORICAL.test(sentence.replace(/\?+!*$/u, '').trim())) continue;
    if (words.length < MIN_QUESTION_WORDS) continue;
    out.push(sentence);
  }
  return out;
}

export function readCritical(text: string): CriticalReading {
  // URLs carry "?" and words of their own ("…/page?id=3"): not the commenter's wording.
  const cleaned = text.replace(/https?:\/\/\S+/gu, ' ').replace(BENIGN, ' ');
  const words = new Set<string>();
  for (const m of cleaned.matchAll(CRITICAL)) words.add(m[0].toLowerCase());
  return { words: [...words], questions: openQuestions(cleaned) };
}

/** Critical wording or an open question: a comment that deserves an answer. */
export function needsAnswer(text: string): boolean {
  const r = readCritical(text);
  return r.words.length > 0 || r.questions.length > 0;
}
