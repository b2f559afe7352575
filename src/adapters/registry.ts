import type { Adapter } from './adapter';

/**
 * The adapter registry is the folder: every `src/adapters/blog/<id>.ts` and
 * `src/adapters/social/<id>.ts` default-exports an Adapter whose id is its file name. Each family
 * folder is one content-script file (content-scripts/blog.ts, social.ts), which the worker injects
 * only where that family's gate says yes (src/adapters/gates.ts); src/adapters/index.ts joins both
 * for tests, the bench and the CLI's checks. Adding a platform is adding one file to its family.
 */
export function registryOf(modules: Record<string, { default: Adapter }>): Adapter[] {
  return byPriority(
    Object.entries(modules).map(([path, mod]) => {
      const adapter = mod.default;
      const file = path.replace(/^.*\//, '').replace(/\.ts$/, '');
      if (!adapter || adapter.id !== file)
        throw new Error(`adapter file ${path} must default-export an adapter with id "${file}"`);
      return adapter;
    }),
  );
}

/**
 * Registry order, shared by the whole registry and each family: higher priority first, then id, so
 * the two pick the same adapter for a page whichever list they walk.
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
