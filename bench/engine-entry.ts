// The benchmark's view of the engine: the same adapters (content script), rules and score (worker),
// bundled as one IIFE (window.HowSocialBench) that bench/run.ts injects into a page's main world.
// The timing loops that run in the page live here too (`measure`, `measureIncremental`,
// `judgeTimes`): bundled, they are ordinary type-checked code, where a function sent into the page
// as source text could not use a named helper (bench/lib/in-page.ts).
import type { Audit, PageModel } from '../src/contract';
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
export function audit(doc: Document, href: string): Audit | null {
  const model = extract(doc, href);
  return model ? auditOf(model, ctx()) : null;
}

export function hasExtractMore(doc: Document, href: string): boolean {
  return typeof pickAdapter(doc, new URL(href))?.extractMore === 'function';
}

/** Incremental re-audit after the page appended posts: extractMore on the previous model + judge. */
export function auditMore(doc: Document, href: string, previous: PageModel): { model: PageModel; audit: Audit } | null {
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
export function judge(raw: unknown, now: number): Audit | null {
  const model = parsePageModel(raw);
  return model ? auditOf(model, { now, history: [] }) : null;
}

// ---------------------------------------------------------------- timing loops (in the page)

/** One page's warm loop: every sample in ms (bench/figures/audit.ts turns them into the row). */
export interface Measured {
  elements: number;
  /** cross-origin isolated: performance.now() has 5 µs resolution instead of 100 µs */
  isolated: boolean;
  adapter: string | null;
  detectCold: number;
  detect: number[];
  audit: number[];
  bare: number[];
  /** the audit's exception, if it threw */
  error: string | null;
  result: AuditSummary | null;
}

export type AuditSummary = Pick<Audit, 'kind' | 'platform' | 'score' | 'sample'> & { findings: number };

/** The bare walk: `querySelectorAll('*')` touching every element + `document.body.textContent` once. */
function walk(): number {
  const all = document.querySelectorAll('*');
  let n = 0;
  for (let i = 0; i < all.length; i++) n += all[i].localName.length;
  return n + (document.body.textContent ?? '').length;
}

/** Early exit, full audit and bare walk, interleaved so drift hits all alike. */
export function measure(href: string, runs: number): Measured {
  const elements = document.getElementsByTagName('*').length;
  const adapter = detect(document, href);
  const detects: number[] = [];
  const audits: number[] = [];
  const bare: number[] = [];
  let last: Audit | null = null;
  let error: string | null = null;
  // The first detect is the one a page really pays (cold code, cold selector caches): kept apart.
  let t = performance.now();
  detect(document, href);
  const detectCold = performance.now() - t;
  for (let r = 0; r < runs; r++) {
    // Ten calls per sample: one detect is close to the timer's resolution.
    t = performance.now();
    for (let k = 0; k < 10; k++) detect(document, href);
    detects.push((performance.now() - t) / 10);
    if (adapter) {
      t = performance.now();
      try {
        last = audit(document, href);
      } catch (e) {
        error = String((e instanceof Error && e.stack) || e);
      }
      audits.push(performance.now() - t);
    }
    t = performance.now();
    walk();
    bare.push(performance.now() - t);
  }
  const result = last && {
    kind: last.kind,
    platform: last.platform,
    score: last.score,
    sample: last.sample,
    findings: last.findings.length,
  };
  return {
    elements,
    isolated: window.crossOriginIsolated,
    adapter,
    detectCold,
    detect: detects,
    audit: audits,
    bare,
    error,
    result,
  };
}

export type Incremental = { supported: true; ms: number[]; posts: number[] } | { supported: false; ms: []; posts: [] };

/** Re-audit cost per batch of posts appended to `#timeline`, as the content script does on scroll. */
export function measureIncremental(href: string, batches: readonly string[]): Incremental {
  if (!hasExtractMore(document, href)) return { supported: false, ms: [], posts: [] };
  const host = document.getElementById('timeline');
  let model = extract(document, href);
  if (!host || !model) throw new Error(`measureIncremental: no #timeline or no model on ${href}`);
  const ms: number[] = [];
  const posts: number[] = [];
  for (const html of batches) {
    host.insertAdjacentHTML('beforeend', html);
    const t = performance.now();
    const out = auditMore(document, href, model);
    ms.push(performance.now() - t);
    if (!out) throw new Error(`measureIncremental: the adapter lost extractMore on ${href}`);
    model = out.model;
    posts.push(model.social?.posts.length ?? 0);
  }
  return { supported: true, ms, posts };
}

/** The worker's code judging one model: the first call (cold), then the median of 20 more (warm). */
export function judgeTimes(raw: unknown): { cold: number; warm: number; findings: number | null } {
  const now = Date.now();
  let t = performance.now();
  const first = judge(raw, now);
  const cold = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    judge(raw, now);
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  return { cold, warm: warm[10], findings: first?.findings.length ?? null };
}
