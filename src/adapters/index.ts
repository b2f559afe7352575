import type { PageModel } from '../contract';
import type { Adapter } from './adapter';
import { BLOG_ADAPTERS } from './blog';
import { byPriority, pickFrom } from './registry';
import { SOCIAL_ADAPTERS } from './social';

/**
 * Every adapter, both families in registry order (src/adapters/registry.ts): for tests, the bench
 * and the CLI's checks. The content script loads one family at a time, behind its gate.
 */
export const ADAPTERS: readonly Adapter[] = byPriority([...BLOG_ADAPTERS, ...SOCIAL_ADAPTERS]);

/** The adapter for this page, or null when the page is neither an article nor a profile. */
export function pickAdapter(doc: Document, url: URL): Adapter | null {
  return pickFrom(ADAPTERS, doc, url);
}

export function extractPage(doc: Document, url: URL): PageModel | null {
  const adapter = pickAdapter(doc, url);
  return adapter ? adapter.extract(doc, url) : null;
}
