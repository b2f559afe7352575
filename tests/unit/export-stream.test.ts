import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/export/csv';
import { auditIdsOf, type ExportScope, exportCsv, pagesOf } from '../../src/export/stream';
import { type AuditFindingsRow, type AuditRow, openDb } from '../../src/storage/db';
import { findingsOf } from '../../src/storage/audits';

const msg = (key: string) => (key.endsWith('_title') ? `Titel ${key}` : key.endsWith('_advice') ? 'Bitte prüfen' : '');
const RULES = ['comments-closed', 'author-replies', 'one-way-links'];

/**
 * A history as it really grows: audits mostly in time order, some imported later from a backup
 * (older times, higher ids), some deleted (gaps in the ids), some without findings, findings
 * stored in any order. pagesOf reads id RANGES; these are the cases where a range holds audits
 * outside the scope or the chunk.
 */
const history = fc.array(
  fc.record({
    site: fc.constantFrom('a.example', 'b.example', 'c.example'),
    time: fc.integer({ min: 0, max: 50 }),
    findings: fc.integer({ min: 0, max: 3 }),
    deleted: fc.boolean(),
  }),
  { minLength: 1, maxLength: 25 },
);

async function seed(db: ReturnType<typeof openDb>, rows: HistoryRow[]) {
  const ids = (await db.audits.bulkAdd(
    rows.map(
      (r, i): AuditRow => ({
        url: `https://${r.site}/p${i % 4}`,
        site: r.site,
        platform: 'wordpress',
        kind: 'article',
        score: i,
        band: 'red',
        time: 1_000 + r.time,
        rulesVersion: 1,
        facts: {} as AuditRow['facts'],
        sample: 0,
      }),
    ),
    { allKeys: true },
  )) as number[];
  const lists: AuditFindingsRow[] = [];
  rows.forEach((r, i) => {
    if (r.findings === 0) return;
    const list: AuditFindingsRow = { auditId: ids[i], findings: [] };
    lists.push(list);
    for (let k = 0; k < r.findings; k++) {
      list.findings.push({
        rule: RULES[(i + k) % RULES.length],
        verdict: k % 2 ? 'pass' : 'fail',
        score: k / 4,
        weight: 1 + (i % 3),
        evidence: [{ selector: `#c${i}-${k}`, text: `Kommentar ${i}/${k}; "äöü"` }],
      });
    }
  });
  // Stored newest audit first: range reads return them in key order all the same.
  await db.auditFindings.bulkAdd(lists.reverse());
  await db.audits.bulkDelete(ids.filter((_, i) => rows[i].deleted));
  return ids;
}
type HistoryRow = { site: string; time: number; findings: number; deleted: boolean };

/** The export as one audit-at-a-time read would produce it: the reference for the range reads. */
async function reference(db: ReturnType<typeof openDb>, scope: ExportScope): Promise<string> {
  const items = [];
  for (const id of await auditIdsOf(db, scope)) {
    const audit = await db.audits.get(id);
    if (audit) items.push({ audit, findings: await findingsOf(db, id) });
  }
  return toCsv(items, msg, ';');
}

describe('range-read export', () => {
  it('writes exactly what per-audit reads would, for every scope and chunk size', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(history, fc.integer({ min: 1, max: 6 }), async (rows, chunk) => {
        const db = openDb(`stream-${run++}`);
        try {
          await seed(db, rows);
          const scopes: ExportScope[] = [
            { kind: 'all' },
            { kind: 'site', site: 'b.example' },
            { kind: 'range', from: 1_010, to: 1_030 },
            { kind: 'page', url: 'https://a.example/p1' },
          ];
          for (const scope of scopes) {
            const out = await exportCsv(db, scope, msg, ';', { chunk });
            expect(await out.blob.text(), JSON.stringify(scope)).toBe(await reference(db, scope));
          }
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('hands every audit to emit once, in the order of the ids, with only its own findings', async () => {
    const db = openDb('stream-order');
    const rows: HistoryRow[] = Array.from({ length: 30 }, (_, i) => ({
      site: 'a.example',
      time: 30 - i,
      findings: i % 4,
      deleted: i % 7 === 3,
    }));
    await seed(db, rows);
    // Reversed and thinned ids: every chunk's range holds ids that belong to other chunks.
    const ids = (await auditIdsOf(db, { kind: 'all' })).filter((_, i) => i % 3 !== 1);
    const seen: number[] = [];
    await pagesOf(db, ids, { chunk: 4 }, (page) => {
      for (const { audit, findings } of page) {
        seen.push(audit.id!);
        // Evidence selectors name the audit's row (#c<row>-<k>): no finding of another audit.
        for (const f of findings) expect(f.evidence[0].selector).toMatch(new RegExp(`^#c${audit.id! - 1}-`));
        expect(findings).toHaveLength(rows[audit.id! - 1].findings);
      }
      return page.length;
    });
    expect(seen).toEqual(ids);
    await db.delete();
  });

  it('reads the next chunk ahead but still stops at once when asked', async () => {
    const db = openDb('stream-stop');
    await seed(
      db,
      Array.from({ length: 10 }, (_, i) => ({ site: 'a.example', time: i, findings: 1, deleted: false })),
    );
    const stop = new AbortController();
    const emitted: number[] = [];
    const run = pagesOf(db, await auditIdsOf(db, { kind: 'all' }), { chunk: 3, signal: stop.signal }, (page) => {
      emitted.push(page.length);
      stop.abort();
      return page.length;
    });
    await expect(run).rejects.toMatchObject({ progress: { audits: 3 } });
    expect(emitted).toEqual([3]);
    await db.delete();
  });

  it('an export past 2 M characters (folded into several Blobs) is the same text', async () => {
    const db = openDb('stream-big');
    const rows = Array.from({ length: 12 }, (_, i) => ({ site: 'a.example', time: i, findings: 3, deleted: false }));
    await seed(db, rows);
    // 36 findings × 100,000 characters of evidence: 3.6 M characters, more than one fold.
    for (const row of await db.auditFindings.toArray()) {
      for (const f of row.findings) f.evidence = [{ selector: '#big', text: `${f.evidence[0].text} ${'ä"; '.repeat(25_000)}` }];
      await db.auditFindings.put(row);
    }
    const out = await exportCsv(db, { kind: 'all' }, msg, ';', { chunk: 5 });
    const text = await out.blob.text();
    expect(text.length).toBeGreaterThan(3_600_000);
    expect(text).toBe(await reference(db, { kind: 'all' }));
    expect(out.blob.type).toBe('text/csv;charset=utf-8');
    await db.delete();
  });
});
