// The benchmark's view of the engine: the same adapters (content script), rules and score (worker),
// bundled as one IIFE (window.HowSocialBench) that bench/run.mjs injects into a page's main world.
import type { PageModel } from '../src/contract';
import { ADAPTERS, pickAdapter } from '../src/adapters';
import { parsePageModel } from '../src/contract/validate';
import { auditOf } from '../src/judge/audit';

const ctx = () => ({ now: Date.now(), history: [] });

export const adapterIds = ADAPTERS.map((a) => a.id);

/** What the content script does on every page before anything else: is there an adapter at all? */
export function detect(doc: Document, href: string): string | null {
  return pickAdapter(doc, new URL(href))?.id ?? null;
}

export function extract(doc: Document, href: string): PageModel | null {
  const url = new URL(href);
  const adapter = pickAdapter(doc, url);
  return adapter ? adapter.extract(doc, url) : null;
}

/** Full audit: adapter pick + extract + rules + score, as the content script runs it. */
export function audit(doc: Document, href: string) {
  const model = extract(doc, href);
  return model ? auditOf(model, ctx()) : null;
}

export function hasExtractMore(doc: Document, href: string): boolean {
  return typeof pickAdapter(doc, new URL(href))?.extractMore === 'function';
}

/** Incremental re-audit after the page appended posts: extractMore on the previous model + judge. */
export function auditMore(doc: Document, href: string, previous: PageModel) {
  const url = new URL(href);
  const adapter = pickAdapter(doc, url);
  if (!adapter?.extractMore) return null;
  const model = adapter.extractMore(doc, url, previous);
  return { model, audit: auditOf(model, ctx()) };
}

/**
 * What the worker does with a page model a content script sent (src/background/handlers.ts): the
 * schema check of the untrusted model, then the rules, the score and the facts.
 */
export function judge(raw: unknown, now: number) {
  const model = parsePageModel(raw);
  return model ? auditOf(model, { now, history: [] }) : null;
}
