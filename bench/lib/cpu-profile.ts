// Reading V8 CPU profiles (CDP `Profiler.stop`): self time of a script's frames, and self time per
// function for the profile tools (bench/cold-profile.ts, bench/warm-profile.ts).

/** The part of a CDP `Profiler.Profile` the bench reads. */
export interface CpuProfile {
  nodes: ProfileNode[];
  /** the node on top of the stack, per sample */
  samples?: number[];
  /** µs before each sample (the first one relative to the profile's start) */
  timeDeltas?: number[];
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based */
  lineNumber: number;
}

/**
 * The interval (µs) sample `i` stands for: timeDeltas[i] is the time *before* sample i, so the
 * next delta is the one after it (the last sample takes its own).
 */
export function sampleUs(profile: CpuProfile, i: number): number {
  const deltas = profile.timeDeltas ?? [];
  return deltas[i + 1] ?? deltas[i] ?? 0;
}

/** Self time (ms) of the profile's nodes whose script URL starts with `prefix`. */
export function selfTimeOf(profile: CpuProfile, prefix: string): number {
  const ours = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith(prefix)).map((n) => n.id));
  const samples = profile.samples ?? [];
  let us = 0;
  for (let i = 0; i < samples.length; i++) if (ours.has(samples[i])) us += sampleUs(profile, i);
  return us / 1000;
}

/**
 * Calls `visit` once per sample with its stack (top frame first) and the µs it stands for: the
 * ground both profile tools aggregate from (self time: the top frame; inclusive time: each
 * distinct function on the stack once, so recursion and several call sites are counted right).
 */
export function forEachSample(profile: CpuProfile, visit: (stack: CallFrame[], us: number) => void): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const samples = profile.samples ?? [];
  for (let i = 0; i < samples.length; i++) {
    const stack: CallFrame[] = [];
    for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node) stack.push(node.callFrame);
    }
    visit(stack, sampleUs(profile, i));
  }
}

/** `name file:line` of a frame (1-based line), the way the profile tools list functions. */
export function frameKey(frame: CallFrame, file: string): string {
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

/** Adds `ms` to `key`'s total. */
export function addTo(totals: Map<string, number>, key: string, ms: number): void {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}

/** Adds `ms` once to each distinct key (inclusive time: a function on the stack twice counts once). */
export function addToEach(totals: Map<string, number>, keys: readonly string[], ms: number): void {
  for (const key of new Set(keys)) addTo(totals, key, ms);
}

/** Keys are cut here: a regex's frame is named by its whole source. */
const KEY_CHARS = 120;

/**
 * The `top` largest totals as lines `    12.34 ms  key`, each divided by `runs` (a mean per run);
 * `(none)` when there is nothing to list.
 */
export function topLines(totals: ReadonlyMap<string, number>, top: number, runs = 1): string {
  if (!totals.size) return '  (none)';
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `  ${(v / runs).toFixed(2).padStart(8)} ms  ${k.length > KEY_CHARS ? `${k.slice(0, KEY_CHARS - 1)}…` : k}`)
    .join('\n');
}
