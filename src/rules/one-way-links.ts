import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 000 #8 ("Bevor Sie fremde Links teilen, überlegen Sie sich genau: Hat der andere schon mal
 * etwas für mich getan?") and seed 001 ("externe gute Beiträge teilen", "vielleicht sogar einen
 * Mitbewerber loben"): a post whose body links only to its own site never points readers to
 * anybody else.
 */

/** Fewer distinct body links than this say nothing about a linking habit. */
export const MIN_LINKS = 3;
/** All of six or more links staying home is a pattern, not chance: only then a fail. */
export const MIN_LINKS_FOR_FAIL = 6;
/** One link in five pointing elsewhere is a post that recommends others (our judgement). */
export const EXTERNAL_SHARE_TARGET = 0.2;
/** Links out at all, or too few links to call it a habit: never below a warn. */
export const THIN_SCORE = 0.5;
/** Only internal links, many of them. */
export const ONE_WAY_SCORE = 0.2;

/** Web links only: mailto:, tel:, javascript: and in-page anchors point nowhere else. */
function webHref(href: string): string | null {
  try {
    const u = new URL(href);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

const rule: Rule = {
  id: 'one-way-links',
  appliesTo: ['article'],
  // Linking habits show generosity, not whether readers are answered: light.
  weight: 1,
  judge(model) {
    const links = model.article?.links;
    if (!links) return NOT_APPLICABLE;
    const distinct = new Map<string, boolean>();
    for (const l of links) {
      const href = webHref(l.href);
      if (href && !distinct.has(href)) distinct.set(href, l.internal);
    }
    const total = distinct.size;
    if (total < MIN_LINKS) return NOT_APPLICABLE;
    const external = [...distinct.values()].filter((internal) => !internal).length;
    let score: number;
    if (external === 0) score = total >= MIN_LINKS_FOR_FAIL ? ONE_WAY_SCORE : THIN_SCORE;
    else score = Math.max(THIN_SCORE, Math.min(1, external / total / EXTERNAL_SHARE_TARGET));
    // Links carry no element path in the model: the detail line says what was counted.
    return judged(score, [], [external, total]);
  },
};

export default rule;
