import type { PageModel } from '../model';
import type { Adapter } from './adapter';

/** The adapter registry is the folder: every `src/adapters/<id>.ts` default-exporting an Adapter. */
const modules = import.meta.glob<{ default: Adapter }>(['./*.ts', '!./index.ts', '!./adapter.ts', '!./_*.ts'], {
  eager: true,
});

export const ADAPTERS: readonly Adapter[] = Object.entries(modules)
  .map(([path, mod]) => {
    const adapter = mod.default;
    const file = path.replace(/^\.\//, '').replace(/\.ts$/, '');
    if (!adapter || adapter.id !== file) throw new Error(`adapter file ${path} must default-export an adapter with id "${file}"`);
    return adapter;
  })
  .sort((a, b) => b.priority - a.priority);

/** The adapter for this page, or null when the page is neither an article nor a profile. */
export function pickAdapter(doc: Document, url: URL): Adapter | null {
  let best: Adapter | null = null;
  let bestConfidence = 0;
  for (const adapter of ADAPTERS) {
    const confidence = adapter.detect(doc, url);
    if (confidence > bestConfidence) {
      best = adapter;
      bestConfidence = confidence;
    }
  }
  return best;
}

export function extractPage(doc: Document, url: URL): PageModel | null {
  const adapter = pickAdapter(doc, url);
  return adapter ? adapter.extract(doc, url) : null;
}
