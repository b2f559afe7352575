// How much of the extension's time on a page is V8 compiling its scripts, from a Chromium trace
// (CDP `Tracing`) of one cold load (bench/cold-profile.ts --compile).
//
// A content script is compiled anew on every page load: Chromium keeps no code cache for an
// extension's injected files. The trace's `v8.compile` events are a script's top-level compile
// (parsing the whole file, pre-parsing its functions), `V8.CompileCode` the lazy compile of a
// function on its first call; both run inside the extension's script tasks (`EvaluateScript`,
// `FunctionCall` whose data names a chrome-extension:// URL).
import { type CompleteEvent, isComplete, type TraceEvent, tracer } from '../figures/trace.ts';

/** V8's compile events and the renderer's script tasks. */
export const TRACER = tracer(['v8', 'devtools.timeline', 'disabled-by-default-v8.compile']);

/** Milliseconds of V8 compiling during one load, on the page's main thread. */
export interface CompileShare {
  /** top-level compiles of the extension's files */
  topLevel: number;
  /** lazy compiles of functions on their first call inside the extension's script tasks */
  lazy: number;
  /** lazy compiles in tasks the trace does not attribute (microtasks: the extension's or the page's) */
  unattributed: number;
}

const dataUrl = (e: TraceEvent): string => {
  const args = e.args as { data?: { url?: unknown }; fileName?: unknown } | undefined;
  const url = args?.data?.url ?? args?.fileName;
  return typeof url === 'string' ? url : '';
};
// the events that say whose script runs: a script's evaluation, a callback, a top-level run
const SCRIPT_TASKS = new Set(['EvaluateScript', 'FunctionCall', 'v8.run', 'v8.compile']);

/**
 * The compile share of the extension whose URLs start with `prefix`, on the thread that compiled
 * its content script (the page's main thread; the trace holds every process of the browser). A
 * lazy compile belongs to the innermost script task around it.
 */
export function compileShare(events: readonly TraceEvent[], prefix: string): CompileShare {
  const share: CompileShare = { topLevel: 0, lazy: 0, unattributed: 0 };
  const first = events.find((e) => isComplete(e) && e.name === 'v8.compile' && dataUrl(e).startsWith(prefix));
  if (!first) return share;
  const thread = events.filter((e): e is CompleteEvent => isComplete(e) && e.pid === first.pid && e.tid === first.tid);
  const tasks = thread.filter((e) => SCRIPT_TASKS.has(e.name) && dataUrl(e) !== '');
  for (const e of thread) {
    if (e.name === 'v8.compile' && dataUrl(e).startsWith(prefix)) share.topLevel += e.dur / 1000;
    if (e.name !== 'V8.CompileCode') continue;
    let owner: CompleteEvent | null = null;
    for (const t of tasks) {
      if (t.ts <= e.ts && t.ts + t.dur >= e.ts + e.dur && (!owner || t.dur <= owner.dur)) owner = t;
    }
    // a function compiled during a top-level compile is part of that compile
    if (owner?.name === 'v8.compile') continue;
    if (!owner) share.unattributed += e.dur / 1000;
    else if (dataUrl(owner).startsWith(prefix)) share.lazy += e.dur / 1000;
  }
  return share;
}
