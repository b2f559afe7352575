import type { Adapter } from '../adapters/adapter';
import type * as DetectModule from '../adapters/_blog/detect';
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

/**
 * The page checks the entry's gates run and the blog family runs again: the family uses the entry's
 * own functions instead of a second copy (vite.config.ts SHARED_MODULES builds the family's imports
 * of detect.ts as content-scripts/shared/detect.ts). So an article page parses the detection code
 * once, and the adapters call functions the gate has already compiled and run. Handed over by
 * position, not by name: a name is a property the minifier keeps, and every page loads the entry.
 * content-scripts/shared/pack.ts packs them in this order and shared/detect.ts unpacks them
 * (tests/unit/shared-detect.test.ts holds the two to each other).
 */
export type DetectPack = readonly [
  articleConfidence: Detect['articleConfidence'],
  BLOGGER_POST_PATH: Detect['BLOGGER_POST_PATH'],
  commentArea: Detect['commentArea'],
  generator: Detect['generator'],
  isBlogger: Detect['isBlogger'],
  ldScripts: Detect['ldScripts'],
  notArticleReason: Detect['notArticleReason'],
  wpBodyKind: Detect['wpBodyKind'],
];
type Detect = typeof DetectModule;

export interface Shared {
  detect: DetectPack;
}

interface Slot {
  adapters: Partial<Record<Family, readonly Adapter[]>>;
  /** how the sections the family's adapters read are cut to the worker's limits (src/contract/fit.ts) */
  fitters: Fitters;
  shared?: Shared;
}

function slot(): Slot {
  const g = globalThis as unknown as Record<string, Slot | undefined>;
  g[SLOT] ??= { adapters: {}, fitters: {} };
  return g[SLOT];
}

/** Called by the entry (content-scripts/main.ts) before anything can inject a family file. */
export function provideShared(shared: Shared): void {
  slot().shared = shared;
}

/** A module the entry provides, for a family file's top level (content-scripts/shared/). */
export function sharedModule<K extends keyof Shared>(name: K): Shared[K] {
  const module = slot().shared?.[name];
  // the worker injects a family only when the entry asks for it, so this is a build or load-order bug
  if (!module) throw new Error(`HowSocial: the content script's entry has not provided "${name}"`);
  return module;
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
