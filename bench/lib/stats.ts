// The numbers every figure is reported in: order statistics of a sample, rounding, the log line.

/** Order statistics of a sample; `first` is the first run (often the cold one). */
export interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
  first: number;
  n: number;
}

/** Nearest-rank quantiles (the median of an even sample is its lower middle). */
export function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1], first: samples[0], n: samples.length };
}

/** The lower middle of a sample, or null for none (the cold figures' median). */
export function median(xs: readonly number[]): number | null {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
}

export function round(x: number | null | undefined, d = 3): number | null {
  return x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d;
}

/** Progress goes to stderr: stdout carries the table only. */
export const log = (...a: unknown[]): void => console.error('[bench]', ...a);

export type Log = typeof log;
