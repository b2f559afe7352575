import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { BOM, CSV_COLUMNS, type CsvAudit, type CsvFinding, neutralize, rowsOf, separatorFor, toCsv } from '../../src/export/csv';
import { ExportStopped, exportCsv } from '../../src/export/stream';
import { openDb } from '../../src/storage/db';

const msg = (key: string) =>
  ({
    rule_comments_closed_title: 'Kommentare geschlossen',
    rule_comments_closed_advice: 'Öffnen Sie die Kommentare wieder – Dialog statt Verkündigung.',
    rule_author_replies_title: 'Author replies',
  })[key] ?? '';

const audit: CsvAudit = {
  url: 'https://blog.example.de/über-uns/',
  site: 'blog.example.de',
  platform: 'wordpress',
  kind: 'article',
  score: 37,
  band: 'red',
  time: Date.UTC(2026, 10, 22, 9, 30),
};
const findings: CsvFinding[] = [
  {
    rule: 'author-replies',
    verdict: 'pass',
    score: 1,
    weight: 2,
    evidence: [{ selector: '#c1', text: 'Danke, "gute" Frage; wir prüfen das' }],
  },
  {
    rule: 'comments-closed',
    verdict: 'fail',
    score: 0,
    weight: 3,
    evidence: [
      { selector: '#respond', text: "=cmd|' /C calc'!A0" },
      { selector: '#x', text: 'Kommentare sind geschlossen.\nZeile 2' },
    ],
  },
];

const parse = (text: string, sep: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: sep, skipEmptyLines: true }).data;

describe('CSV', () => {
  it('starts with a UTF-8 BOM and the fixed header', () => {
    const csv = toCsv([{ audit, findings }], msg, ',');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(CSV_COLUMNS.join(','));
    expect(CSV_COLUMNS.join(',')).toBe(
      'audited_at,url,site,platform,kind,score,band,rule_id,rule_title,verdict,rule_score,weight,evidence,advice',
    );
  });

  it('picks ; for German, , otherwise, and an explicit setting wins', () => {
    expect(separatorFor('auto', 'de')).toBe(';');
    expect(separatorFor('auto', 'de-CH')).toBe(';');
    expect(separatorFor('auto', 'en-GB')).toBe(',');
    expect(separatorFor(',', 'de')).toBe(',');
    expect(separatorFor(';', 'en')).toBe(';');
  });

  it('round-trips through papaparse with umlauts, quotes, separators and newlines intact', () => {
    for (const sep of [',', ';'] as const) {
      const rows = parse(toCsv([{ audit, findings }], msg, sep), sep);
      expect(rows[0]).toEqual([...CSV_COLUMNS]);
      expect(rows).toHaveLength(3);
      // sorted by impact: the failing heavy rule first
      const [first, second] = [rows[1], rows[2]];
      expect(first[7]).toBe('comments-closed');
      expect(first[8]).toBe('Kommentare geschlossen');
      expect(first[13]).toBe('Öffnen Sie die Kommentare wieder – Dialog statt Verkündigung.');
      expect(first[1]).toBe('https://blog.example.de/über-uns/');
      expect(first[0]).toBe('2026-11-22T09:30:00.000Z');
      expect(first[12]).toContain('Kommentare sind geschlossen.\nZeile 2');
      expect(second[12]).toBe('Danke, "gute" Frage; wir prüfen das');
      expect(second[13]).toBe(''); // a pass needs no advice
      expect(second[10]).toBe('1');
    }
  });

  it('writes decimals the way the separator locale reads them', () => {
    const f: CsvFinding = { rule: 'author-replies', verdict: 'warn', score: 0.75, weight: 1.5, evidence: [] };
    expect(parse(toCsv([{ audit, findings: [f] }], msg, ';'), ';')[1].slice(10, 12)).toEqual(['0,75', '1,5']);
    expect(parse(toCsv([{ audit, findings: [f] }], msg, ','), ',')[1].slice(10, 12)).toEqual(['0.75', '1.5']);
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    for (const bad of ['=cmd', '+1', '-2+3', '@SUM(A1)', '\t=x', '\r=x']) expect(neutralize(bad)).toBe(`'${bad}`);
    for (const ok of ['Hallo', "'=x", ' =x', '']) expect(neutralize(ok)).toBe(ok);
    const rows = parse(toCsv([{ audit, findings }], msg, ','), ',');
    expect(rows[1][12].startsWith("'=cmd")).toBe(true);
    // no cell of any row starts with a formula character
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralises a formula in the URL and in a rule title too', () => {
    const evil: CsvAudit = { ...audit, url: '=HYPERLINK("http://x")' };
    const row = rowsOf(evil, [findings[0]], () => '@title', ',')[0];
    expect(row[1]).toBe('\'=HYPERLINK("http://x")');
    expect(row[8]).toBe("'@title");
  });

  it('keeps a page without findings as one row', () => {
    const rows = parse(toCsv([{ audit: { ...audit, kind: 'other', score: null, band: 'grey' }, findings: [] }], msg, ','), ',');
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(4, 8)).toEqual(['other', '', 'grey', '']);
  });
});

describe('streamed CSV export from the database', () => {
  let db = openDb(`csv-${Math.random()}`);
  afterEach(async () => {
    await db.delete();
    db = openDb(`csv-${Math.random()}`);
  });

  async function seed(n: number) {
    for (let i = 0; i < n; i++) {
      const site = i % 2 ? 'a.example' : 'b.example';
      const id = (await db.audits.add({
        ...audit,
        url: `https://${site}/p${i}`,
        site,
        time: 1_000 + i,
        rulesVersion: 1,
        sample: 0,
        facts: {} as never,
      })) as number;
      await db.auditFindings.add({ auditId: id, findings: [...findings] });
    }
  }

  it('exports each scope in chunks with progress, as a Blob with BOM', async () => {
    await seed(7);
    const progress: number[] = [];
    const all = await exportCsv(db, { kind: 'all' }, msg, ';', { chunk: 3, onProgress: (p) => progress.push(p.audits) });
    expect(all.rows).toBe(14);
    expect(progress).toEqual([0, 3, 6, 7]);
    const bytes = new Uint8Array(await all.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const rows = parse(text, ';');
    expect(rows).toHaveLength(15);
    expect(rows.filter((r) => r[0] === 'audited_at')).toHaveLength(1); // one header, not one per chunk
    expect(rows.slice(1).map((r) => r[1])).toEqual(
      [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6].map((i) => `https://${i % 2 ? 'a' : 'b'}.example/p${i}`),
    );

    expect((await exportCsv(db, { kind: 'site', site: 'a.example' }, msg, ',')).rows).toBe(6);
    expect((await exportCsv(db, { kind: 'page', url: 'https://b.example/p2' }, msg, ',')).rows).toBe(2);
    expect((await exportCsv(db, { kind: 'range', from: 1_002, to: 1_004 }, msg, ',')).rows).toBe(6);
  });

  it('stops when asked, says how far it got, and leaves the database untouched', async () => {
    await seed(5);
    const stop = new AbortController();
    const run = exportCsv(db, { kind: 'all' }, msg, ',', {
      chunk: 2,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.audits === 2) stop.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExportStopped);
    await run.catch((e: ExportStopped) => expect(e.progress.audits).toBe(2));
    expect(await db.audits.count()).toBe(5);
    expect((await db.auditFindings.toArray()).flatMap((r) => r.findings)).toHaveLength(10);
  });
});
