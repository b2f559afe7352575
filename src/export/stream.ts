import type { AuditRow, HowSocialDb, StoredFinding } from '../storage/db';
import { BOM, CSV_COLUMNS, linesOf, type Msg, type Separator } from './csv';

/** What to export: the page in the tab, its site, a time span (ms, inclusive), or everything. */
export type ExportScope =
  | { kind: 'page'; url: string }
  | { kind: 'site'; site: string }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'all' };

export interface ExportProgress {
  audits: number;
  totalAudits: number;
  rows: number;
}

export interface ExportOptions {
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
  /**
   * Audits per chunk. 100 audits ≈ 1,000 findings ≈ 10–20 ms of work between two yields on a
   * laptop, so the popup keeps answering clicks while 100,000 findings stream through.
   */
  chunk?: number;
  /** Chunks read ahead of the one being formatted (AHEAD unless given). */
  ahead?: number;
}

/** Thrown when the user stops an export: the database was only read, so nothing is lost. */
export class ExportStopped extends Error {
  constructor(readonly progress: ExportProgress) {
    super('export stopped');
  }
}

/**
 * Lets the event loop run (clicks, paint) between chunks. setTimeout(0), although nested timers
 * are clamped to 4 ms: the next chunk is being read during that pause anyway. A message
 * (MessageChannel) instead measured worse in Chromium for 100,000 findings: the longest gap for a
 * 0-ms timer chain beside the export rose from ~65 to ~300 ms and the export got slower.
 */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Audit ids in scope, oldest first. Keys only: cheap even for 100,000 audits. */
export async function auditIdsOf(db: HowSocialDb, scope: ExportScope): Promise<number[]> {
  let ids: number[];
  if (scope.kind === 'page') ids = (await db.audits.where('url').equals(scope.url).primaryKeys()) as number[];
  else if (scope.kind === 'site') ids = (await db.audits.where('site').equals(scope.site).primaryKeys()) as number[];
  else if (scope.kind === 'range')
    ids = (await db.audits.where('time').between(scope.from, scope.to, true, true).primaryKeys()) as number[];
  else ids = (await db.audits.orderBy('time').primaryKeys()) as number[];
  return ids;
}

export type Page = { audit: AuditRow; findings: readonly StoredFinding[] }[];

/**
 * Ids this close together are read as one key range: reading a few records of audits outside the
 * scope (deleted ids, another site's audit in between) costs less than one more IndexedDB request.
 */
const MAX_GAP = 8;

/**
 * Chunks read ahead of the one being formatted. IndexedDB answers from the browser process, so
 * reads in flight overlap our formatting; with one, the export still idled ~0.5–0.8 s of 2 s
 * waiting on reads, with two ~0.2–0.3 s (CPU profiles, 100,000 findings, Chromium).
 */
const AHEAD = 2;

/**
 * CSV text (UTF-16 code units) collected before it is handed to a Blob: one Blob of all 22 MB of
 * 100,000 rows, built at the end, encoded them in a single ~90 ms task (CPU profile, Chromium);
 * 2 M characters make each fold ~10 ms, spread over the export.
 */
const BLOB_CHARS = 2_000_000;

/** The ids as ascending [first, last] runs, neighbours up to MAX_GAP apart merged. */
function runsOf(ids: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && id - last[1] <= MAX_GAP) last[1] = id;
    else runs.push([id, id]);
  }
  return runs;
}

/**
 * One chunk's audits and findings, audits in the order of `slice`. Reads key RANGES, not keys:
 * audit ids of "all" and "range" scopes are (nearly) contiguous, so a chunk is one getAll on the
 * audits and one on auditFindings (both keyed by the audit id). Per-key lookups (bulkGet + one
 * index query per audit) took 3.5 s for 100,000 findings in Chromium, range reads 1.5 s, and one
 * findings record per audit instead of per finding (schema v2) a third of that again
 * (bench/README.md). A sparse scope (one site among many) falls back to one small range per id.
 */
async function readPage(db: HowSocialDb, slice: readonly number[]): Promise<Page> {
  const runs = runsOf(slice);
  const [auditLists, findingLists] = await db.transaction('r', db.audits, db.auditFindings, () =>
    Promise.all([
      Promise.all(runs.map(([lo, hi]) => db.audits.where(':id').between(lo, hi, true, true).toArray())),
      Promise.all(runs.map(([lo, hi]) => db.auditFindings.where(':id').between(lo, hi, true, true).toArray())),
    ]),
  );
  const findingsOf = new Map<number, readonly StoredFinding[]>();
  for (const list of findingLists) for (const row of list) findingsOf.set(row.auditId, row.findings);
  const byId = new Map<number, AuditRow>();
  for (const list of auditLists) for (const audit of list) byId.set(audit.id!, audit);
  // Audits inside a run's gap (another site's, another chunk's) are read but never handed on.
  const page: Page = [];
  for (const id of slice) {
    const audit = byId.get(id);
    if (audit) page.push({ audit, findings: findingsOf.get(id) ?? [] });
  }
  return page;
}

/**
 * Reads audits and findings page by page and calls `emit` with each page; shared by CSV and backup.
 * Audits within a page keep the order of `ids`. The next AHEAD pages are read while `emit`
 * formats this one.
 */
export async function pagesOf(
  db: HowSocialDb,
  ids: number[],
  opts: ExportOptions,
  emit: (page: Page) => number | Promise<number>,
): Promise<ExportProgress> {
  const size = Math.max(1, opts.chunk ?? 100);
  const progress: ExportProgress = { audits: 0, totalAudits: ids.length, rows: 0 };
  const read = (start: number) => {
    const pending = readPage(db, ids.slice(start, start + size));
    // A stopped export never awaits the read ahead: keep its failure from surfacing as unhandled.
    pending.catch(() => {});
    return pending;
  };
  opts.onProgress?.({ ...progress });
  const ahead: Promise<Page>[] = [];
  let queued = 0;
  const fill = () => {
    while (ahead.length < (opts.ahead ?? AHEAD) && queued < ids.length) {
      ahead.push(read(queued));
      queued += size;
    }
  };
  fill();
  for (let start = 0; start < ids.length; start += size) {
    if (opts.signal?.aborted) throw new ExportStopped({ ...progress });
    const page = await (ahead.shift() as Promise<Page>);
    fill();
    progress.rows += await emit(page);
    progress.audits += Math.min(size, ids.length - start);
    opts.onProgress?.({ ...progress });
    await breathe();
  }
  return progress;
}

export interface CsvExport {
  blob: Blob;
  rows: number;
  audits: number;
}

/** The CSV of a scope as a Blob built from per-chunk parts (never one giant string). */
export async function exportCsv(
  db: HowSocialDb,
  scope: ExportScope,
  msg: Msg,
  sep: Separator,
  opts: ExportOptions = {},
): Promise<CsvExport> {
  // Folded into a Blob every BLOB_CHARS (see there).
  const blobs: Blob[] = [];
  let parts: string[] = [BOM, `${CSV_COLUMNS.join(sep)}\r\n`];
  let chars = 0;
  // Each rule's id, title and advice cells, written once per export.
  const memo = new Map<string, { cells: string; advice: string }>();
  const ids = await auditIdsOf(db, scope);
  const done = await pagesOf(db, ids, opts, (page) => {
    const lines: string[] = [];
    let rows = 0;
    for (const { audit, findings } of page) {
      lines.push(linesOf(audit, findings, msg, sep, memo));
      // An audit without findings still writes one row.
      rows += Math.max(1, findings.length);
    }
    // join writes one flat string. Concatenated (+=) the chunk stayed a tree of ~17 string pieces
    // per row until the Blob was built at the end: millions of live objects for the GC to mark.
    const text = lines.join('');
    parts.push(text);
    chars += text.length;
    if (chars >= BLOB_CHARS) {
      blobs.push(new Blob(parts));
      parts = [];
      chars = 0;
    }
    return rows;
  });
  return { blob: new Blob([...blobs, ...parts], { type: 'text/csv;charset=utf-8' }), rows: done.rows, audits: done.audits };
}
