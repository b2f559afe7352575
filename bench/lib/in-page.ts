// Functions Playwright sends into a page or the extension's worker (evaluate, addInitScript,
// waitForFunction) travel as their source text. tsx compiles bench/ with esbuild's keepNames,
// which wraps every named inner function or arrow (`const f = () => …`) in a `__name(…)` call;
// the page has no `__name`, so such a function fails there. Those functions keep to anonymous
// arrows; anything bigger is bundled into the page instead (bench/engine-entry.ts). This check
// says so before a browser starts, instead of a ReferenceError from inside it.
import type * as Engine from '../engine-entry.ts';

export function inPage<F extends (...args: never[]) => unknown>(fn: F): F {
  const source = String(fn);
  if (source.includes('__name('))
    throw new Error(`a function sent into the browser declares a named inner function (tsx's __name): ${source.slice(0, 120)}`);
  return fn;
}

/** The page's main world after bench/engine-entry.ts's bundle was added. */
export type EngineWindow = Window & { HowSocialBench: typeof Engine };
