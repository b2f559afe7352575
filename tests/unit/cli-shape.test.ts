// @vitest-environment node
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../scripts/lib/messages.mjs';
import { auditRecord, auditReport, CSV_COLUMNS, csvRows, FACT_KEYS, NO_AUDIT, toCsv } from '../../scripts/lib/shape.mjs';
import type { Audit } from '../../src/contract';
import { sampleAudit } from './setup';

// The shared sample audit (tests/unit/setup.ts), with the findings and facts this CLI test reads.
const base = sampleAudit();
const audit: Audit = sampleAudit({
  url: 'https://blog.example/post/',
  findings: [
    {
      rule: 'comments-closed',
      verdict: 'fail',
      score: 0,
      weight: 3,
      evidence: [{ selector: '#comments > p.no-comments', text: 'Kommentare sind geschlossen.' }],
      detail: ['x'],
    },
    {
      rule: 'author-replies',
      verdict: 'warn',
      score: 0.5,
      weight: 2,
      evidence: [
        { selector: '#comment-1', text: '=HYPERLINK("http://evil.example","click")' },
        { selector: '#comment-2', text: 'Danke für die Antwort!' },
      ],
    },
  ],
  facts: { ...base.facts, authorComments: 1 },
  time: Date.UTC(2026, 10, 22, 10, 0, 0),
  fingerprints: ['abc'],
});

const messages = {
  rule_comments_closed_title: { message: 'Comments are closed' },
  rule_comments_closed_advice: { message: 'Open the comments again.' },
  rule_author_replies_title: { message: 'The author answers readers' },
};

describe('JSON contract of npm run audit', () => {
  it('maps an Audit to exactly the contract fields', () => {
    const r = auditRecord({ input: 'saved.html', url: 'https://blog.example/post/', audit });
    expect(Object.keys(r)).toEqual(['input', 'url', 'kind', 'platform', 'score', 'band', 'facts', 'findings', 'error']);
    expect(r).toMatchObject({ input: 'saved.html', kind: 'article', platform: 'wordpress', score: 37, band: 'red', error: null });
    expect(Object.keys(r.facts)).toEqual(FACT_KEYS);
    expect(r.facts.commentsState).toBe('closed');
    expect(r.findings[0]).toEqual({
      rule: 'comments-closed',
      verdict: 'fail',
      score: 0,
      weight: 3,
      evidence: [{ selector: '#comments > p.no-comments', text: 'Kommentare sind geschlossen.' }],
    });
  });

  it('fills facts the extension did not send with null', () => {
    const partial = { ...audit, facts: { comments: 4 } as unknown as Audit['facts'] };
    const r = auditRecord({ input: 'a', audit: partial });
    expect(r.facts.comments).toBe(4);
    expect(r.facts.commentSystem).toBeNull();
    expect(Object.keys(r.facts)).toHaveLength(13);
  });

  it('reports a page without an audit as kind other, grey, all facts null', () => {
    const r = auditRecord({ input: 'shop.html', url: 'https://shop.example/' });
    expect(r).toMatchObject({ kind: 'other', platform: null, score: null, band: 'grey', findings: [], error: null });
    expect(Object.values(r.facts).every((v) => v === null)).toBe(true);
  });

  it('reports a failed input with its error and no made-up kind', () => {
    const r = auditRecord({ input: 'missing.html', error: 'file not found' });
    expect(r).toMatchObject({ kind: null, band: null, score: null, error: 'file not found', findings: [] });
  });

  it('wraps records in the tool envelope', () => {
    const rep = auditReport('0.1.0', [auditRecord({ input: 'a', audit })]);
    expect(Object.keys(rep)).toEqual(['tool', 'version', 'audits']);
    expect(rep.tool).toBe('howsocial');
  });
});

describe('CSV of npm run audit', () => {
  const csv = toCsv(csvRows([{ record: auditRecord({ input: 'a', audit }), audit }], messages));

  it('starts with a UTF-8 BOM and the popup export header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });

  it('has one row per finding with English titles and advice', () => {
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows).toHaveLength(3);
    const [header, first, second] = rows;
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(col(first, 'audited_at')).toBe('2026-11-22T10:00:00.000Z');
    expect(col(first, 'rule_id')).toBe('comments-closed');
    expect(col(first, 'rule_title')).toBe('Comments are closed');
    expect(col(first, 'advice')).toBe('Open the comments again.');
    expect(col(first, 'evidence')).toBe('Kommentare sind geschlossen.');
    expect(col(second, 'rule_score')).toBe('0.5');
    expect(col(second, 'advice')).toBe('');
  });

  it('sorts by points lost and gives advice only where there is something to do, like the popup export', () => {
    const withPass: Audit = {
      ...audit,
      findings: [
        { rule: 'comments-closed', verdict: 'pass', score: 1, weight: 3, evidence: [] },
        { rule: 'author-replies', verdict: 'fail', score: 0.333333, weight: 2, evidence: [] },
      ],
    };
    const rows = csvRows([{ record: auditRecord({ input: 'a', audit: withPass }), audit: withPass }], messages);
    expect(rows.map((r) => [r.rule_id, r.rule_score, r.advice])).toEqual([
      ['author-replies', 0.33, ''],
      ['comments-closed', 1, ''],
    ]);
  });

  it('neutralises a formula in page text', () => {
    expect(csv).not.toMatch(/,"?=HYPERLINK/);
    expect(csv).toContain(`'=HYPERLINK`);
  });

  it('keeps an input without findings as one row that says why', () => {
    const items = [
      { record: auditRecord({ input: 'shop.html', url: 'https://shop.example/' }), audit: null },
      { record: auditRecord({ input: 'gone.html', error: 'file not found' }), audit: null },
    ];
    const rows = Papa.parse<string[]>(toCsv(csvRows(items, messages)).slice(1).trim()).data;
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(NO_AUDIT);
    expect(rows[1]).toContain('other');
    expect(rows[2]).toContain('error: file not found');
  });
});

describe('chrome.i18n message format in Node', () => {
  it('fills named placeholders and plain $n, keeps $$ as a dollar', () => {
    const m = {
      count: { message: '$COUNT$ of $TOTAL$ answered', placeholders: { count: { content: '$1' }, total: { content: '$2' } } },
      plain: { message: 'costs $$5 for $1' },
    };
    expect(formatMessage(m, 'count', [3, 12])).toBe('3 of 12 answered');
    expect(formatMessage(m, 'plain', ['you'])).toBe('costs $5 for you');
    expect(formatMessage(m, 'missing')).toBeNull();
  });
});
