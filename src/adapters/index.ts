import type { PageModel } from '../contract';
import type { Adapter } from './adapter';
import { byPriority, pickFrom } from './families/pick';

/**
 * The adapter registry is the folder: every `src/adapters/<id>.ts` default-exporting an Adapter.
 * This whole registry is for tests, bench and CLI; the content script loads the same adapters by
 * family (families/blog.ts, families/social.ts) behind the cheap gates in gates.ts.
 */
const modules = import.meta.glob<{ default: Adapter }>(['./*.ts', '!./index.ts', '!./adapter.ts', '!./gates.ts', '!./_*.ts'], {
  eager: true,
});

export const ADAPTERS: readonly Adapter[] = byPriority(
  Object.entries(modules).map(([path, mod]) => {
    const adapter = mod.default;
    const file = path.replace(/^\.\//, '').replace(/\.ts$/, '');
    if (!adapter || adapter.id !== file) throw new Error(`adapter file ${path} must default-export an adapter with id "${file}"`);
    return adapter;
  }),
);

/** The adapter for this page, or null when the page is neither an article nor a profile. */
export function pickAdapter(doc: Document, url: URL): Adapter | null {
  return pickFrom(ADAPTERS, doc, url);
}

export function extractPage(doc: Document, url: URL): PageModel | null {
  const adapter = pickAdapter(doc, url);
  return adapter ? adapter.extract(doc, url) : null;
}
