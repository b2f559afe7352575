/**
 * Management speak instead of people (seed 000 #10: "Sie pflegen keine Netzwerke oder
 * Kundenbeziehungen. Sie betreiben Customer Relationship Management, Prozessoptimierung und
 * managen Touchpoints"; seed 001: social media as "Instrument" in the "Marketingmix";
 * seed 002 #12: "Fokussierung auf Technologie statt auf Menschen"). German and English terms as
 * regular-expression sources, matched case-insensitively on word boundaries; German compounds
 * are caught by their stem ("Prozessoptimierung", "Prozessoptimierungen").
 */
export const JARGON_PATTERNS: readonly string[] = [
  // the seed's own words
  'crm',
  'customer relationship management',
  'touch ?-?points?',
  'prozessoptimierung\\p{L}*',
  'process optimi[sz]ation',
  'customer journeys?',
  'managen',
  'marketing ?-?mix',
  // business-talk staples, German
  'synergie\\p{L}*',
  'stakeholder\\p{L}*',
  'paradigmenwechsel',
  'mehrwert (?:generieren|schaffen|bieten)',
  'wertschöpfung\\p{L}*',
  'zielgruppenansprache',
  'kernkompetenz\\p{L}*',
  'ganzheitlich\\p{L}*',
  'skalierbar\\p{L}*',
  'disruptiv\\p{L}*',
  'monetarisier\\p{L}*',
  'lead-?generierung',
  'effizienzsteigerung',
  'ressourcenallokation',
  'kpis?',
  'roi',
  'omni-?channel\\p{L}*',
  'win-win\\p{L}*',
  'best practices?',
  'benchmarking',
  // English
  'synerg(?:y|ies|ize|ise)',
  'leverag(?:e|es|ed|ing)',
  'paradigm shifts?',
  'value propositions?',
  'holistic(?:ally)?',
  'scalab(?:le|ility)',
  'disruptive',
  'monetiz(?:e|ation|ing)',
  'lead generation',
  'low-hanging fruit',
  'core competenc(?:e|ies)',
  'move the needle',
  'circle back',
  'deep dive',
  'thought leadership',
  'actionable insights?',
  'engagement metrics',
];

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const JARGON = new RegExp(`${L}(?:${JARGON_PATTERNS.join('|')})${R}`, 'giu');

/** Words as people count them: "2.000", "z.B." and "Social-Media" are one word each. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export interface JargonReading {
  hits: number;
  /** distinct terms as found, most frequent first */
  terms: string[];
}

export function readJargon(text: string): JargonReading {
  const counts = new Map<string, number>();
  let hits = 0;
  for (const m of text.matchAll(JARGON)) {
    hits++;
    const term = m[0].toLowerCase();
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const terms = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
  return { hits, terms };
}
