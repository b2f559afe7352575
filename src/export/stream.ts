import type { AuditRow, FindingRow, HowSocialDb } from '../storage/db';
import { BOM, CSV_COLUMNS, csvText, type Msg, rowsOf, type Separator } from './csv';

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
   * Audits per chunk. 250 audits ≈ 2,500 findings ≈ a few ms of work between two yields, so the
   * popup keeps answering clicks (a frame is 16 ms) while 100,000 findings stream through.
   */
  chunk?: number;
}

/** Thrown when the user stops an export: the database was only read, so nothing is lost. */
export class ExportStopped extends Error {
  constructor(readonly progress: ExportProgress) {
    super('export stopped');
  }
}

/** Lets the event loop run (clicks, paint) between chunks. */
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

/**
 * Reads audits and findings page by page and calls `emit` with each page; shared by CSV and backup.
 * Audits within a page keep the order of `ids`.
 */
export async function pagesOf(
  db: HowSocialDb,
  ids: number[],
  opts: ExportOptions,
  emit: (page: { audit: AuditRow; findings: FindingRow[] }[]) => number | Promise<number>,
): Promise<ExportProgress> {
  const size = Math.max(1, opts.chunk ?? 250);
  const progress: ExportProgress = { audits: 0, totalAudits: ids.length, rows: 0 };
  opts.onProgress?.({ ...progress });
  for (let start = 0; start < ids.length; start += size) {
    if (opts.signal?.aborted) throw new ExportStopped({ ...progress });
    const slice = ids.slice(start, start + size);
    const [audits, findings] = await Promise.all([db.audits.bulkGet(slice), db.findings.where('auditId').anyOf(slice).toArray()]);
    const byAudit = new Map<number, FindingRow[]>();
    for (const f of findings) {
      const list = byAudit.get(f.auditId);
      if (list) list.push(f);
      else byAudit.set(f.auditId, [f]);
    }
    const page = audits
      .filter((a): a is AuditRow => a !== undefined)
      .map((audit) => ({ audit, findings: byAudit.get(audit.id!) ?? [] }));
    progress.rows += await emit(page);
    progress.audits += slice.length;
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
  const parts: string[] = [BOM, `${CSV_COLUMNS.join(sep)}\r\n`];
  const ids = await auditIdsOf(db, scope);
  const done = await pagesOf(db, ids, opts, (page) => {
    const rows = page.flatMap(({ audit, findings }) => rowsOf(audit, findings, msg, sep));
    parts.push(csvText(rows, sep, false));
    return rows.length;
  });
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), rows: done.rows, audits: done.audits };
}
