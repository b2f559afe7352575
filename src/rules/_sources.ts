/**
 * Where each check comes from: the seed blog post (/work/shared/seeds/<seed>_*.txt; their titles
 * are the `learn_source_<seed>` messages) and, for the numbered checklists (000: "10 Dinge …",
 * 002: "18 Gründe …"), the point it paraphrases. The explanation page names them, so a quoted
 * "the checklist" always says which one. DESIGN.md's signal tables list the same pairs.
 */
export type Seed = '000' | '001' | '002' | '003' | '004';
export interface Source {
  seed: Seed;
  point?: number;
}

export const SEEDS: readonly Seed[] = ['000', '001', '002', '003', '004'];

export const SOURCES: Record<string, readonly Source[]> = {
  'comments-closed': [{ seed: '000', point: 1 }],
  'comment-form-friction': [{ seed: '000', point: 2 }, { seed: '003' }],
  'newsletter-coupling': [{ seed: '000', point: 2 }],
  'author-replies': [
    { seed: '000', point: 3 },
    { seed: '002', point: 11 },
  ],
  'critical-unanswered': [{ seed: '000', point: 3 }],
  'pingback-only': [{ seed: '001' }],
  'share-without-dialogue': [{ seed: '001' }],
  'one-way-links': [{ seed: '000', point: 8 }, { seed: '001' }],
  stale: [{ seed: '004' }],
  'paid-hotline': [{ seed: '000', point: 9 }],
  'management-speak': [
    { seed: '000', point: 10 },
    { seed: '002', point: 12 },
  ],
  'engagement-vs-followers': [
    { seed: '000', point: 4 },
    { seed: '002', point: 5 },
  ],
  'repeated-links': [{ seed: '000', point: 6 }],
  'machine-cadence': [
    { seed: '000', point: 7 },
    { seed: '000', point: 5 },
  ],
  'no-replies': [
    { seed: '000', point: 3 },
    { seed: '002', point: 11 },
  ],
  'no-sharing-others': [{ seed: '000', point: 8 }, { seed: '001' }],
  'sales-focus': [{ seed: '002', point: 4 }],
  'hotline-redirect': [{ seed: '000', point: 9 }],
  'same-message-everywhere': [{ seed: '002', point: 18 }],
};
