// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finishedInputs } from '../../scripts/audit.ts';
import { asOfText, explainLoadError, notHtmlReason, resolveInput } from '../../scripts/lib/auditor.ts';
import type { BatchItem } from '../../scripts/lib/batch.ts';
import { saveCommentOf } from '../../scripts/lib/original-url.ts';
import { bar, itemLine, Progress } from '../../scripts/lib/progress.ts';
import { auditRecord } from '../../scripts/lib/shape.ts';

const tmp = mkdtempSync(join(tmpdir(), 'howsocial-cli-batch-unit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// SingleFile's header (gildas-lormeau/SingleFile: COMMENT_HEADER "Page saved with SingleFile",
// then "url:" and "saved date:" lines, the date in Date#toString form of the saver's zone).
const SINGLEFILE = `<!DOCTYPE html> <html lang="de-DE"><!--
 Page saved with SingleFile 
 url: https://blog.example.de/2024/05/fruehstueck/ 
 saved date: Wed May 15 2024 23:30:00 GMT+0200 (Mitteleuropäische Sommerzeit)
--><head><meta charset="utf-8"><title>Frühstück</title></head><body><p>x</p></body></html>`;

describe('saved pages: what the saving tool wrote', () => {
  it('reads SingleFile’s url and save date (in UTC)', () => {
    expect(saveCommentOf(SINGLEFILE)).toEqual({
      url: 'https://blog.example.de/2024/05/fruehstueck/',
      saved: Date.UTC(2024, 4, 15, 21, 30),
      source: 'singlefile',
    });
  });

  it('reads the url of Chrome’s and IE’s "saved from url" comment, which has no date', () => {
    expect(saveCommentOf('<!DOCTYPE html>\n<!-- saved from url=(0031)https://blog.example.de/post/ -->\n<html>')).toEqual({
      url: 'https://blog.example.de/post/',
      saved: null,
      source: 'saved-from',
    });
    expect(saveCommentOf('<html><!-- a comment --><body>')).toBeNull();
  });

  it('judges a saved file at the day it was saved (UTC), --as-of over that, else now', async () => {
    const file = join(tmp, 'sf.html');
    writeFileSync(file, SINGLEFILE);
    const spec = { input: file, isUrl: false, url: null };
    const saved = await resolveInput(spec);
    expect(saved).toMatchObject({
      url: 'https://blog.example.de/2024/05/fruehstueck/',
      source: 'singlefile',
      asOf: { date: '2024-05-15', source: 'saved' },
    });
    expect(saved.clock).toBe(Date.UTC(2024, 4, 15));
    const given = await resolveInput(spec, { asOf: Date.UTC(2025, 0, 2, 12) });
    expect(given.asOf).toEqual({ date: '2025-01-02T12:00:00.000Z', source: 'option' });
    const plain = join(tmp, 'plain.html');
    writeFileSync(plain, '<!doctype html><title>x</title><p>x</p>');
    const now = Date.UTC(2026, 11, 6, 9);
    expect(await resolveInput({ input: plain, isUrl: false, url: null }, { now })).toMatchObject({
      asOf: { date: asOfText(now), source: 'now' },
      clock: null,
    });
  });
});

describe('bad input says what it is', () => {
  it.each([
    [Buffer.from('%PDF-1.7\n\0\0binary'), 'not an HTML file (a PDF)'],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'not an HTML file (a PNG image)'],
    [Buffer.from([0x50, 0x4b, 3, 4, 0, 0]), 'not an HTML file (a ZIP archive)'],
    [Buffer.from('{"posts": []}'), 'not an HTML file (looks like JSON)'],
    [Buffer.from('Einkaufsliste: Mehl, Salz'), 'not an HTML file (no HTML tags in it)'],
    [Buffer.alloc(0), 'the file is empty'],
  ])('%#: %s', (bytes, reason) => {
    expect(notHtmlReason(bytes)).toBe(reason);
  });

  it('takes HTML, also a fragment of a social page', () => {
    expect(notHtmlReason(Buffer.from('<div class="css-175oi2r" data-testid="cellInnerDiv"><article>…'))).toBeNull();
    expect(notHtmlReason(Buffer.from('\uFEFF<!DOCTYPE html><html lang="de">'))).toBeNull();
  });

  it('translates the browser’s error names', () => {
    expect(explainLoadError('page.goto: net::ERR_UNSAFE_PORT at http://127.0.0.1:1/', 'http://127.0.0.1:1/')).toMatch(
      /^port 1 is blocked by the browser/,
    );
    expect(explainLoadError('net::ERR_NAME_NOT_RESOLVED at https://nope.example/', 'https://nope.example/')).toBe(
      'the host name does not exist (DNS lookup failed)',
    );
    expect(explainLoadError('net::ERR_CERT_DATE_INVALID at https://x.example/', 'https://x.example/')).toBe(
      "the site's certificate is not valid (cert date invalid)",
    );
    expect(explainLoadError('page.goto: Timeout 30000ms exceeded.\nCall log: …', 'https://x.example/')).toBe(
      'the page took too long to load',
    );
    expect(explainLoadError('net::ERR_SOMETHING_NEW at x', 'x')).toBe('the page could not be loaded (ERR_SOMETHING_NEW)');
  });
});

describe('--resume reads the finished lines of a jsonl report', () => {
  it('takes the complete lines and drops a line cut off by a crash', () => {
    const a = `${JSON.stringify({ input: 'a.html', error: null })}\n`;
    const b = `${JSON.stringify({ input: 'b.html', error: 'file not found' })}\n`;
    const torn = '{"input":"c.ht';
    const { inputs, keep } = finishedInputs(a + b + torn);
    expect([...inputs]).toEqual(['a.html', 'b.html']);
    expect(keep).toBe(Buffer.byteLength(a + b));
    expect(finishedInputs('')).toEqual({ inputs: new Set(), keep: 0 });
  });

  it('counts bytes, not characters (umlauts in a record)', () => {
    const line = `${JSON.stringify({ input: 'Frühstück.html' })}\n`;
    expect(finishedInputs(line).keep).toBe(Buffer.byteLength(line));
  });
});

describe('progress on stderr', () => {
  const item = (input: string, error: string | null = null): BatchItem => ({
    index: 0,
    record: auditRecord({ input, url: null, error }),
    audit: null,
    ms: 12,
    phases: {},
  });

  it('writes one plain line per page when stderr is not a terminal', () => {
    const out: string[] = [];
    const p = new Progress({ isTTY: false, write: (t) => out.push(t) }, 2);
    p.done(item('a.html'));
    p.done(item('b.html', 'file not found'));
    p.finish();
    expect(out).toEqual([
      '[1/2] a.html: neither an article nor a profile (no score) (12 ms)\n',
      '[2/2] b.html: error: file not found\n',
    ]);
    expect(out.join('')).not.toContain('\r');
  });

  it('redraws one bar in place on a terminal, failures printed above it', () => {
    const out: string[] = [];
    const p = new Progress({ isTTY: true, columns: 100, write: (t) => out.push(t) }, 4);
    p.done(item('a.html'));
    p.done(item('b.html', 'file not found'));
    p.finish();
    const text = out.join('');
    expect(text).toContain('[2/4] b.html: error: file not found\n');
    // ESC [ 2 K erases the line; then the bar at 1 of 4
    expect(text).toContain(`\r\x1b[2K[${'#'.repeat(6)}${'-'.repeat(18)}] 1/4`);
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('bar and line texts', () => {
    expect(bar(1, 4, 0, 30, 8)).toBe('[##------] 1/4  30 pages/min');
    expect(bar(4, 4, 1, null, 4)).toBe('[####] 4/4  1 failed');
    expect(itemLine(item('x.html', 'boom'), 3, 9)).toBe('[3/9] x.html: error: boom');
  });
});
