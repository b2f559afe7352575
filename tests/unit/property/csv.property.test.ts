import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  BOM,
  CSV_COLUMNS,
  type CsvAudit,
  type CsvFinding,
  csvText,
  linesOf,
  neutralize,
  rowsOf,
  type Separator,
  toCsv,
} from '../../../src/export/csv';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Cell text as pages supply it: anything, plus the classic injection payloads. */
const cell = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    '=1+1',
    '+SUM(A1)',
    '-2',
    '@cmd',
    '\t=x',
    '\r=x',
    '"quoted", with; separators\r\nand lines',
    'ä;ö,ü"ß',
    '\uFEFFbom',
    ' leading space',
    'trailing space ',
    '',
    '1.5',
  ),
);
const sep = fc.constantFrom<Separator>(',', ';');

const audit: fc.Arbitrary<CsvAudit> = fc.record({
  url: cell,
  site: cell,
  platform: fc.constantFrom('wordpress', 'x'),
  kind: fc.constantFrom('article', 'profile'),
  score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  band: fc.constantFrom('red', 'orange', 'green', 'grey'),
  time: fc.integer({ min: 0, max: 4_102_444_800_000 }),
}) as fc.Arbitrary<CsvAudit>;

const finding: fc.Arbitrary<CsvFinding> = fc.record({
  rule: fc.constantFrom('comments-closed', 'stale', 'x-y'),
  verdict: fc.constantFrom('pass', 'warn', 'fail', 'n/a'),
  score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  weight: fc.integer({ min: 0, max: 5 }),
  evidence: fc.array(fc.record({ selector: fc.string({ maxLength: 10 }), text: cell }), { maxLength: 3 }),
}) as fc.Arbitrary<CsvFinding>;

/** Messages may themselves be hostile (a translator's "=" or a page title) */
const msg = (key: string) => (key.endsWith('_advice') ? '-Antworten Sie' : key);

describe('CSV export on any text', () => {
  it('any grid of strings round-trips through papaparse (after neutralising formula starts)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: CSV_COLUMNS.length, maxLength: CSV_COLUMNS.length }), {
          minLength: 1,
          maxLength: 8,
        }),
        sep,
        (grid, s) => {
          const safe = grid.map((row) => row.map(neutralize));
          const text = csvText(safe, s, true);
          const parsed = Papa.parse<string[]>(text, { delimiter: s, newline: '\r\n' });
          // csvText ends with CRLF, which papaparse reads as one trailing empty row.
          const data = parsed.data.filter((r, i) => !(i === parsed.data.length - 1 && r.length === 1 && r[0] === ''));
          expect(data[0]).toEqual([...CSV_COLUMNS]);
          expect(data.slice(1)).toEqual(safe);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('no cell of an export starts with a formula character, and every row has every column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ audit, findings: fc.array(finding, { maxLength: 5 }) }), { maxLength: 6 }),
        sep,
        (items, s) => {
          const text = toCsv(items, msg, s);
          expect(text.startsWith(BOM)).toBe(true);
          const parsed = Papa.parse<string[]>(text.slice(BOM.length), { delimiter: s, newline: '\r\n', skipEmptyLines: true });
          expect(parsed.errors.filter((e) => e.type !== 'Delimiter')).toEqual([]);
          const rows = parsed.data.slice(1);
          const expected = items.reduce((n, i) => n + Math.max(1, i.findings.length), 0);
          expect(rows.length).toBe(expected);
          for (const row of rows) {
            expect(row.length).toBe(CSV_COLUMNS.length);
            for (const c of row) expect(FORMULA_START.test(c), JSON.stringify(c)).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rowsOf keeps page text, only prefixed where it would be a formula', () => {
    fc.assert(
      fc.property(audit, finding, sep, (a, f, s) => {
        const [row] = rowsOf(a, [f], msg, s);
        const url = row[1];
        expect(url === a.url || url === `'${a.url}`).toBe(true);
        if (url !== a.url) expect(FORMULA_START.test(a.url)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the streamed export writes every audit byte for byte as rowsOf + papaparse would', () => {
    // Nastier inputs than a stored audit holds: any number (NaN, ∞, negative, fractions), any rule
    // id and message text, a missing time. linesOf writes the lines itself (the export's hot
    // path); papaparse stays the reference it must match.
    const num = fc.oneof(fc.double(), fc.integer({ min: -5, max: 100 }), fc.constant(Number.NaN));
    const anyAudit = fc.record({
      url: cell,
      site: cell,
      platform: cell,
      kind: cell,
      score: fc.option(num, { nil: null }),
      band: cell,
      time: fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 }), { nil: undefined }),
    }) as fc.Arbitrary<CsvAudit>;
    const anyFinding = fc.record({
      rule: fc.oneof(cell, fc.constantFrom('comments-closed', 'stale')),
      verdict: fc.constantFrom('pass', 'warn', 'fail', 'n/a'),
      score: fc.option(num, { nil: null }),
      weight: num,
      evidence: fc.array(fc.record({ selector: fc.string({ maxLength: 5 }), text: cell }), { maxLength: 3 }),
    }) as fc.Arbitrary<CsvFinding>;
    fc.assert(
      fc.property(
        fc.array(fc.record({ audit: anyAudit, findings: fc.array(anyFinding, { maxLength: 6 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.dictionary(fc.string({ maxLength: 30 }), cell),
        cell,
        sep,
        (items, messages, fallback, s) => {
          const m = (key: string) => messages[key] ?? (key.length % 3 === 0 ? '' : `${fallback}${key}`);
          // One memo across the audits, as exportCsv passes it.
          const memo = new Map();
          for (const { audit: a, findings } of items) {
            expect(linesOf(a, findings, m, s, memo)).toBe(csvText(rowsOf(a, findings, m, s), s, false));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
