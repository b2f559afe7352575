import type { PageModel } from '../contract';

/**
 * An adapter knows one platform's markup and turns its DOM into a PageModel. It never judges.
 *
 * `detect` must be cheap (a handful of selector look-ups, no full walks): the content script
 * runs every adapter's detect on every page, and must exit in well under a millisecond on pages
 * that are neither articles nor profiles. The highest non-zero confidence wins; ties go to the
 * higher `priority` (specific platforms above the generic fallback).
 */
export interface Adapter {
  id: string;
  priority: number;
  detect(doc: Document, url: URL): number;
  extract(doc: Document, url: URL): PageModel;
  /**
   * The same extraction in steps: the generator pauses (`yield`) between parts of the work (the
   * article, the comment list, every few hundred comments), so the content script can hand the
   * page its main thread between them when a big page has kept it too long (DESIGN.md: no long
   * task). `extract` must return what running these steps to the end returns; `drain` does that.
   */
  extractSteps?(doc: Document, url: URL): Generator<void, PageModel, void>;
  /**
   * Single-page apps (X, Facebook) append posts while the user scrolls. When present, the content
   * script calls this instead of `extract` on DOM growth: parse only posts not in `previous`
   * (deduplicated by id) and return the merged model.
   */
  extractMore?(doc: Document, url: URL, previous: PageModel): PageModel;
}

/** Runs stepwise work to its end in one go (the CLI, the benchmark engine, tests). */
export function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** An adapter's `extract` and `extractSteps` from one stepwise reader: the two cannot disagree. */
export function stepwise(
  steps: (doc: Document, url: URL) => Generator<void, PageModel, void>,
): Pick<Adapter, 'extract' | 'extractSteps'> {
  return { extract: (doc, url) => drain(steps(doc, url)), extractSteps: steps };
}
