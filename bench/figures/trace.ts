// The content script's tasks on a page load, read from a Chromium trace (bench/figures/longtasks.ts
// records it). Pure: trace events in, figures out.
import type { CDPSession } from 'playwright-core';
import { round } from '../lib/stats.ts';
import type { Recorder } from './cold-load.ts';

/** One trace event, as far as the figures read it (Chromium's Trace Event Format; ts and dur in µs). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: Record<string, unknown>;
}

export type CompleteEvent = TraceEvent & { ph: 'X'; dur: number };

/** A PerformanceObserver `longtask` entry: ms since the page's time origin. */
export interface LongTaskEntry {
  start: number;
  duration: number;
}

export interface ContentTasks {
  /** tasks that are mostly the content script's script */
  tasks: number;
  longestMs: number | null;
  scriptMs: number;
  /** durations of the PerformanceObserver longtasks that overlap a content-script task; null without a navigation */
  longtasksOverlapping: (number | null)[] | null;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The events of `Tracing.dataCollected` that have what the figures read; anything else is dropped. */
export function traceEventsOf(value: readonly unknown[]): TraceEvent[] {
  return value.filter(
    (e): e is TraceEvent =>
      isRecord(e) &&
      typeof e.name === 'string' &&
      typeof e.ph === 'string' &&
      typeof e.pid === 'number' &&
      typeof e.tid === 'number' &&
      typeof e.ts === 'number' &&
      (e.dur === undefined || typeof e.dur === 'number') &&
      (e.args === undefined || isRecord(e.args)),
  );
}

/**
 * Records a Chromium trace of `categories` over a CDP session (bench/figures/cold-load.ts
 * `recordedLoad`, bench/figures/longtasks.ts): its events, narrowed to what the figures read.
 */
export function tracer(categories: readonly string[]): Recorder<TraceEvent[]> {
  const collected = new WeakMap<CDPSession, TraceEvent[]>();
  return {
    async start(cdp) {
      const events: TraceEvent[] = [];
      collected.set(cdp, events);
      // Chromium's trace events, typed loosely by the protocol (string values): narrowed here.
      cdp.on('Tracing.dataCollected', (e) => events.push(...traceEventsOf(e.value)));
      await cdp.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: { includedCategories: [...categories], recordMode: 'recordAsMuchAsPossible' },
      });
    },
    async stop(cdp) {
      const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
      await cdp.send('Tracing.end');
      await done;
      return collected.get(cdp) ?? [];
    },
  };
}

/**
 * Script events of the renderer's main thread. Benchmark pages have no script of their own, so
 * every script task on the page's main thread is the content script's (plus our longtask
 * observer, microseconds). Matching on chrome-extension:// URLs is not enough: the audit runs in
 * promise continuations (after storage reads), which the trace shows as RunMicrotasks without a
 * script URL.
 */
const SCRIPT_EVENTS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.evaluateModule',
  'RunMicrotasks',
  'TimerFire',
  'FireIdleCallback',
  'v8.run',
  'V8.Execute',
  'v8.callFunction',
]);

export const isComplete = (e: TraceEvent): e is CompleteEvent => e.ph === 'X' && typeof e.dur === 'number';

/** The main frame's navigation to `pageUrl`: its ts is the page's time origin, its pid/tid the main thread. */
function navigationTo(events: readonly TraceEvent[], pageUrl: string): TraceEvent | undefined {
  return events.find((e) => {
    const data = e.args?.data;
    return (
      e.name === 'navigationStart' && isRecord(data) && Boolean(data.isLoadingMainFrame) && data.documentLoaderURL === pageUrl
    );
  });
}

/**
 * Nothing before the content script's first own script event is the content script's: on a
 * 200k-element page the parser's task ends with a 110-ms microtask checkpoint of Blink's own
 * (no script function in it, seconds before document_idle), which the rule below took for ours.
 */
function firstExtensionScript(events: readonly TraceEvent[], onMain: (e: TraceEvent) => boolean, since: number): number {
  const ours = events
    .filter(
      (e) =>
        onMain(e) && SCRIPT_EVENTS.has(e.name) && e.ts >= since && /chrome-extension:\/\//.test(JSON.stringify(e.args ?? {})),
    )
    .reduce((first, e) => Math.min(first, e.ts), Number.POSITIVE_INFINITY);
  return Number.isFinite(ours) ? ours : since;
}

/**
 * Script time per task (top-level script events only, nested ones are inside them), in µs.
 */
function scriptPerTask(runTasks: readonly CompleteEvent[], scripts: readonly CompleteEvent[]): Map<CompleteEvent, number> {
  const scriptIn = new Map<CompleteEvent, number>();
  for (const e of scripts) {
    const task = runTasks.find((t) => t.ts <= e.ts && t.ts + t.dur >= e.ts + e.dur);
    if (!task) continue;
    const nested = scripts.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur);
    if (!nested) scriptIn.set(task, (scriptIn.get(task) ?? 0) + e.dur);
  }
  return scriptIn;
}

/**
 * The longest main-thread task of the page that ran script, from a Chromium trace, and the
 * PerformanceObserver longtasks that overlap the content script's tasks.
 */
export function contentTasks(events: readonly TraceEvent[], longtasks: readonly LongTaskEntry[], pageUrl: string): ContentTasks {
  const nav = navigationTo(events, pageUrl);
  if (!nav) return { tasks: 0, longestMs: null, scriptMs: 0, longtasksOverlapping: null };
  const onMain = (e: TraceEvent) => e.pid === nav.pid && e.tid === nav.tid;
  const since = firstExtensionScript(events, onMain, nav.ts);
  const complete = events.filter(isComplete);
  const runTasks = complete.filter((e) => e.name === 'RunTask' && onMain(e) && e.ts + e.dur >= since);
  const scripts = complete.filter((e) => SCRIPT_EVENTS.has(e.name) && onMain(e) && e.ts >= since);
  const scriptIn = scriptPerTask(runTasks, scripts);
  // A task counts as the content script's when script is most of it: the parser's task also runs
  // a microtask checkpoint, which must not turn a 1 s parse into a "content-script task".
  const tasks = [...scriptIn].filter(([t, us]) => us >= 0.5 * t.dur || us >= 50_000).map(([t]) => t);
  const scriptUs = [...scriptIn.values()].reduce((a, b) => a + b, 0);
  const durations = tasks.map((t) => t.dur / 1000);
  // PerformanceObserver entries are in ms since the page's time origin: navigationStart's ts (µs).
  const overlapping = longtasks.filter((lt) => {
    const start = nav.ts + lt.start * 1000;
    const end = start + lt.duration * 1000;
    return tasks.some((t) => t.ts < end && t.ts + t.dur > start);
  });
  // When no task is mostly script (the split content script runs in short continuations inside
  // tasks dominated by parsing or layout), the content script's own share of its longest task is
  // the figure: it is what the audit adds to that task.
  const scriptOnly = [...scriptIn.values()].map((us) => us / 1000);
  return {
    tasks: durations.length,
    longestMs: durations.length ? Math.max(...durations) : scriptOnly.length ? Math.max(...scriptOnly) : null,
    scriptMs: scriptUs / 1000,
    longtasksOverlapping: overlapping.map((lt) => round(lt.duration, 1)),
  };
}
