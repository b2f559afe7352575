import type { Adapter } from '../adapters/adapter';
import type { Family } from '../contract';
import type { Fitters } from '../contract/fit';

/**
 * The content script comes in three files (vite.config.ts builds them): `content.js`, which every
 * page loads (settings, the two cheap gates, the reading loop), and one file per adapter family,
 * which the worker injects with `scripting.executeScript` only where a gate says the page may be
 * that family's (`load-adapters`). Injected files run in the same isolated world as `content.js`
 * and hand their adapters over through this slot on its global object; the page's own scripts
 * live in another world and cannot see or fill it.
 */
const SLOT = '__howsocialAdapters';

interface Slot {
  adapters: Partial<Record<Family, readonly Adapter[]>>;
  /** how the sections the family's adapters read are cut to the worker's limits (src/contract/fit.ts) */
  fitters: Fitters;
}

function slot(): Slot {
  const g = globalThis as unknown as Record<string, Slot | undefined>;
  g[SLOT] ??= { adapters: {}, fitters: {} };
  return g[SLOT];
}

/** Called by an injected family file (content-scripts/blog.ts, social.ts). */
export function provideFamily(family: Family, adapters: readonly Adapter[], fitters: Fitters): void {
  const s = slot();
  s.adapters[family] = adapters;
  Object.assign(s.fitters, fitters);
}

/** The family's adapters once its file has run in this world, else undefined. */
export function familyAdapters(family: Family): readonly Adapter[] | undefined {
  return slot().adapters[family];
}

/** The section fitters of the families loaded so far. */
export function familyFitters(): Fitters {
  return slot().fitters;
}
