// Audits a list of inputs with up to N pages at once, hands each record on as soon as its page is
// done (so a streamed report loses nothing on a crash), and never throws for one bad input.
import type { Audit } from '../../src/contract';
import type { AuditInput } from './args.ts';
import type { FoundBrowser } from './browsers.ts';
import { type Auditor, createAuditor, resolveInput, type Target } from './auditor.ts';
import { withoutHash } from './drivers.ts';
import { type AuditRecord, auditRecord } from './shape.ts';

export interface BatchItem {
  index: number;
  record: AuditRecord;
  audit: Audit | null;
  ms: number;
  /** where the page's time went (PageResult.phases); {} for an input that needed no browser */
  phases: Record<string, number>;
}

export interface BatchOptions {
  /** the unpacked build for `browser`'s family (dist/chrome or dist/firefox) */
  dist: string;
  browser: FoundBrowser;
  concurrency: number;
  timeout: number;
  settle: number;
  live: boolean;
  asOf: number | null;
  noSandbox: boolean;
  /** the caller handles Ctrl+C (and calls stop()) */
  handleSignals?: boolean;
  log?: (line: string) => void;
  /** a record is final: write it out now */
  onItem?: (item: BatchItem) => void;
  /** a page starts */
  onStart?: (input: AuditInput) => void;
  /** builds the extension when it is missing; called once, before the first browser starts */
  prepare?: () => void;
}

type Resolved = { index: number; spec: AuditInput; target: Target | null; error: string | null };

function readError(err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOENT') return 'file not found';
  if (err.code === 'EISDIR') return 'is a folder, not an HTML file';
  if (err.code === 'EACCES') return 'no permission to read the file';
  return err.message;
}

const clockKey = (t: Target | null) => (t?.clock === null || t === null ? 'now' : String(t.clock));

export interface Batch {
  /** every input's item, in input order (interrupted runs: the finished ones) */
  done: Promise<BatchItem[]>;
  /** stop starting pages, close the browsers; in-flight pages end without a record */
  stop(): Promise<void>;
}

/**
 * Run the batch. Pages that share a clock (--as-of, or the same save day, or "now") run side by
 * side; the worker's clock is switched between groups. One URL is never in two tabs at once (the
 * tab is found by its URL).
 */
export function runBatch(inputs: readonly AuditInput[], options: BatchOptions): Batch {
  const { concurrency, log = () => {}, onItem = () => {}, onStart = () => {} } = options;
  const lanes: { offline?: Promise<Auditor>; online?: Promise<Auditor> } = {};
  let stopped = false;
  const items: BatchItem[] = [];
  let prepared = false;

  const finish = (item: BatchItem) => {
    if (stopped) return;
    items.push(item);
    onItem(item);
  };

  const laneKey = (target: Target) => (target.body !== null && !options.live ? 'offline' : 'online');

  function laneFor(target: Target): Promise<Auditor> {
    const key = laneKey(target);
    const offline = key === 'offline';
    if (!prepared) {
      prepared = true;
      options.prepare?.();
    }
    lanes[key] ??= createAuditor({
      dist: options.dist,
      browser: options.browser,
      offline,
      live: options.live,
      timeout: options.timeout,
      settle: options.settle,
      noSandbox: options.noSandbox,
      handleSignals: options.handleSignals,
      pagesAtOnce: concurrency,
      log,
    });
    return lanes[key] as Promise<Auditor>;
  }

  async function closeAll() {
    const open = Object.values(lanes);
    lanes.offline = undefined;
    lanes.online = undefined;
    await Promise.all(
      open.map((p) =>
        p?.then(
          (a) => a.close(),
          () => {},
        ),
      ),
    );
  }

  async function auditOne(r: Resolved): Promise<void> {
    const started = Date.now();
    if (!r.target) {
      finish({
        index: r.index,
        record: auditRecord({ input: r.spec.input, url: r.spec.url, error: r.error }),
        audit: null,
        ms: 0,
        phases: {},
      });
      return;
    }
    onStart(r.spec);
    const t = r.target;
    // A browser that cannot start ends the run (the caller says why, once).
    const auditor = await laneFor(t);
    const result = await auditor.audit(t);
    if (stopped) return;
    const error = result.error ?? (result.timedOut ? `no audit from the extension within ${options.timeout} ms` : null);
    const record = auditRecord({ input: r.spec.input, url: result.url, audit: result.audit, error, asOf: t.asOf });
    finish({ index: r.index, record, audit: result.audit, ms: Date.now() - started, phases: result.phases });
  }

  const done = (async () => {
    try {
      const now = Date.now();
      const resolved: Resolved[] = await Promise.all(
        inputs.map((spec, index) =>
          resolveInput(spec, { asOf: options.asOf, now }).then(
            (target) => ({ index, spec, target, error: null }),
            (err: NodeJS.ErrnoException) => ({ index, spec, target: null, error: readError(err) }),
          ),
        ),
      );
      // Unreadable inputs first: they need no browser, and a run where nothing loads starts none.
      for (const r of resolved.filter((x) => !x.target)) await auditOne(r);
      const groups = new Map<string, Resolved[]>();
      for (const r of resolved.filter((x) => x.target)) {
        const k = clockKey(r.target);
        groups.set(k, [...(groups.get(k) ?? []), r]);
      }
      for (const group of groups.values()) {
        if (stopped) break;
        const clock = group[0].target?.clock ?? null;
        for (const lane of new Set(group.map((r) => laneKey(r.target as Target)))) {
          const rep = group.find((r) => laneKey(r.target as Target) === lane)?.target as Target;
          await (await laneFor(rep)).setClock(clock);
        }
        await pool(group);
      }
      return [...items].sort((a, b) => a.index - b.index);
    } finally {
      await closeAll();
    }
  })();

  async function pool(group: Resolved[]): Promise<void> {
    const queue = [...group];
    const inFlight = new Set<string>();
    const waiting: (() => void)[] = [];
    const next = (): Resolved | null => {
      const i = queue.findIndex((r) => !inFlight.has(withoutHash(r.target?.url ?? '')));
      return i < 0 ? null : (queue.splice(i, 1)[0] ?? null);
    };
    const worker = async () => {
      while (!stopped && queue.length) {
        const r = next();
        if (!r) {
          // Only duplicates of pages in flight are left: wait for one to finish.
          await new Promise<void>((ok) => waiting.push(ok));
          continue;
        }
        const key = withoutHash(r.target?.url ?? '');
        inFlight.add(key);
        try {
          await auditOne(r);
        } catch (err) {
          if (stopped) return;
          throw err;
        } finally {
          inFlight.delete(key);
          for (const w of waiting.splice(0)) w();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, group.length)) }, worker));
  }

  return {
    done,
    stop: async () => {
      stopped = true;
      await closeAll();
    },
  };
}

/** The whole batch in input order (npm run eval, tests). */
export async function auditAll(inputs: readonly AuditInput[], options: BatchOptions): Promise<BatchItem[]> {
  return runBatch(inputs, options).done;
}
