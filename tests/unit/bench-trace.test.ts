import { describe, expect, it } from 'vitest';
import { contentTasks, type TraceEvent, traceEventsOf } from '../../bench/figures/trace.ts';

/**
 * The longest content-script task, read from a Chromium trace (bench/figures/trace.ts). The events
 * follow what `Tracing.dataCollected` delivers with the bench's categories (Trace Event Format:
 * ph 'X' complete events with ts/dur in µs, `navigationStart` as a mark with args.data; shapes as
 * in Chromium's trace_event docs and a trace recorded by `npm run bench`), cut to one page load.
 */
const URL = 'https://blog.example/2026/10/dialog/?elements=1000';
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/content.js';
const MAIN = { pid: 4242, tid: 1 };
const NAV_TS = 1_000_000;

const ev = (e: Partial<TraceEvent> & Pick<TraceEvent, 'name' | 'ts'>): TraceEvent => ({ ph: 'X', ...MAIN, ...e });

function pageLoad(): TraceEvent[] {
  return [
    ev({
      name: 'navigationStart',
      ph: 'R',
      ts: NAV_TS,
      args: { frame: 'F1', data: { documentLoaderURL: URL, isLoadingMainFrame: true, navigationId: 'N1' } },
    }),
    // the parser's task, ending in Blink's own microtask checkpoint, before any extension script
    ev({ name: 'RunTask', ts: NAV_TS + 100, dur: 200_000 }),
    ev({ name: 'RunMicrotasks', ts: NAV_TS + 150_000, dur: 40_000 }),
    // the content script's entry: 20 ms of script (a nested call inside it) in a 30-ms task
    ev({ name: 'RunTask', ts: NAV_TS + 300_000, dur: 30_000 }),
    ev({ name: 'EvaluateScript', ts: NAV_TS + 300_100, dur: 20_000, args: { data: { url: EXT, lineNumber: 1 } } }),
    ev({ name: 'FunctionCall', ts: NAV_TS + 301_000, dur: 10_000, args: { data: { url: EXT, functionName: 'read' } } }),
    // a 100-ms layout task with a 5-ms continuation of the audit: script, but not most of the task
    ev({ name: 'RunTask', ts: NAV_TS + 400_000, dur: 100_000 }),
    ev({ name: 'RunMicrotasks', ts: NAV_TS + 400_500, dur: 5_000 }),
    // another thread's script is never the page's
    ev({ name: 'FunctionCall', ts: NAV_TS + 310_000, dur: 90_000, tid: 7, args: { data: { url: EXT } } }),
  ];
}

describe('bench trace: the content script tasks of a page load', () => {
  it('counts the tasks that are mostly extension script, from its first script event, and the longtasks over them', () => {
    const longtasks = [
      { start: 300, duration: 30 }, // over the content script's task
      { start: 400, duration: 100 }, // the layout task: not the content script's
    ];
    expect(contentTasks(pageLoad(), longtasks, URL)).toEqual({
      tasks: 1,
      longestMs: 30,
      // top-level script only (the nested FunctionCall is inside EvaluateScript), on the main thread
      scriptMs: 25,
      longtasksOverlapping: [30],
    });
  });

  it('without a task that is mostly script, the figure is the largest script share of a task', () => {
    const events = pageLoad().filter((e) => e.ts < NAV_TS + 300_000 || e.ts >= NAV_TS + 400_000);
    // the extension's first own script event, just before the layout task
    const withExtensionMark = [
      ...events,
      ev({ name: 'FunctionCall', ph: 'I', ts: NAV_TS + 399_000, args: { data: { url: EXT } } }),
    ];
    expect(contentTasks(withExtensionMark, [], URL)).toMatchObject({ tasks: 0, longestMs: 5, scriptMs: 5 });
    // without any extension event everything from the navigation on counts: the parser's own
    // microtask checkpoint (40 ms) is then taken for the content script's
    expect(contentTasks(events, [], URL)).toMatchObject({ tasks: 0, longestMs: 40, scriptMs: 45 });
  });

  it('a trace without the navigation is no measurement', () => {
    expect(contentTasks(pageLoad(), [], 'https://x.com/other')).toEqual({
      tasks: 0,
      longestMs: null,
      scriptMs: 0,
      longtasksOverlapping: null,
    });
  });

  it('keeps only the events that have what the figures read', () => {
    const raw: unknown[] = [
      ...pageLoad(),
      { name: 'RunTask', ph: 'X', pid: 1, ts: 5 }, // no tid
      { name: 'RunTask', ph: 'X', pid: 1, tid: 1, ts: 5, dur: '9' },
      { name: 'RunTask', ph: 'X', pid: 1, tid: 1, ts: 5, args: 'no' },
      null,
      'RunTask',
    ];
    expect(traceEventsOf(raw)).toEqual(pageLoad());
  });
});
