import type { Adapter } from '../adapter';

/**
 * Registry order, shared by the whole registry (src/adapters/index.ts) and the family chunks the
 * content script loads (blog.ts, social.ts): higher priority first, then id, so the two pick the
 * same adapter for a page whichever list they walk.
 */
export function byPriority(adapters: readonly Adapter[]): Adapter[] {
  return [...adapters].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The highest non-zero confidence wins; ties go to the earlier adapter (the higher priority). */
export function pickFrom(adapters: readonly Adapter[], doc: Document, url: URL): Adapter | null {
  let best: Adapter | null = null;
  let bestConfidence = 0;
  for (const adapter of adapters) {
    const confidence = adapter.detect(doc, url);
    if (confidence > bestConfidence) {
      best = adapter;
      bestConfidence = confidence;
    }
  }
  return best;
}
