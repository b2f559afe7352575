/**
 * `howsocial audit` end to end: the real CLI process (bin/howsocial.mjs), the built extension, headless Chromium.
 * Saved pages are served as their original URL by request interception; nothing may reach the
 * network — a local "beacon" server proves that every other request is blocked.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AuditRecord } from '../../scripts/lib/shape.ts';
import { type Run, runCli } from './cli-run';

const ROOT = join(import.meta.dirname, '..', '..');
const DEMO = join(ROOT, 'tests', 'fixtures', 'demo');

const runAudit = (args: string[]) => runCli('audit', ['--dist', inject('distDir'), ...args]);

function audits(run: Run): AuditRecord[] {
  const report = JSON.parse(run.stdout);
  expect(report.tool).toBe('howsocial');
  expect(report.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  return report.audits;
}

describe('howsocial audit (Chromium, offline)', () => {
  let beacon: Server;
  let beaconUrl = '';
  const hits: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'howsocial-cli-e2e-'));

  beforeAll(async () => {
    beacon = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('seen');
    });
    await new Promise<void>((ok) => beacon.listen(0, '127.0.0.1', ok));
    beaconUrl = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((ok) => beacon.close(() => ok()));
    rmSync(tmp, { recursive: true, force: true });
  });

  it('audits a saved WordPress post served as its --url, with the facts of its markup', async () => {
    const run = await runAudit([
      join(DEMO, 'newsletter-unbeantwortet.html'),
      '--url',
      'http://example.test/nachtzug-wien-tipps/',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const [a] = audits(run);
    expect(a.error).toBeNull();
    expect(a.url).toBe('http://example.test/nachtzug-wien-tipps/');
    expect(a.kind).toBe('article');
    expect(a.platform).toBe('wordpress');
    expect(a.facts).toMatchObject({
      commentSystem: 'native',
      commentsState: 'open',
      requiredFields: 4,
      newsletterCheckbox: 'prechecked',
      comments: 6,
      pingbacks: 0,
      authorComments: 0,
      followers: null,
      likes: null,
    });
    expect(a.score).not.toBeNull();
    const rules = a.findings.map((f) => f.rule);
    expect(rules).toContain('newsletter-coupling');
    expect(a.findings.find((f) => f.rule === 'newsletter-coupling')?.verdict).toBe('fail');
  });

  it('blocks every request but the page itself, reports a non-article as "other", and keeps going after a bad input', async () => {
    const page = join(tmp, 'shop-with-beacon.html');
    writeFileSync(
      page,
      readFileSync(join(DEMO, 'shop.html'), 'utf8').replace(
        '</body>',
        `<img src="${beaconUrl}/pixel.gif"><script src="${beaconUrl}/tracker.js"></script><iframe src="${beaconUrl}/frame"></iframe></body>`,
      ),
    );
    const run = await runAudit([page, join(tmp, 'does-not-exist.html'), '--timeout', '5000']);
    // one input failed: exit 1, the other is still reported
    expect(run.code, run.stderr).toBe(1);
    const [shop, missing] = audits(run);
    expect(shop).toMatchObject({
      url: 'https://kaffee-fuchs.example/',
      kind: 'other',
      score: null,
      band: 'grey',
      findings: [],
      error: null,
    });
    expect(Object.values(shop.facts).every((v) => v === null)).toBe(true);
    expect(missing.error).toMatch(/not found/);
    expect(run.stderr).toMatch(/neither an article nor a profile/);
    expect(hits).toEqual([]);
  });

  it('asks the extension about a non-article page instead of waiting out the timeout', async () => {
    // Twice, the second under another URL: each answer must come from its own tab.
    const run = await runAudit([join(DEMO, 'shop.html'), join(DEMO, 'shop.html'), '--url', 'https://laden.example/']);
    expect(run.code, run.stderr).toBe(0);
    const records = audits(run);
    expect(records).toHaveLength(2);
    for (const r of records) {
      expect(r).toMatchObject({ kind: 'other', platform: null, score: null, band: 'grey', findings: [], error: null });
      expect(Object.values(r.facts).every((v) => v === null)).toBe(true);
    }
    // The content script answered "not an article/profile"; a timeout would say it got no answer.
    expect(run.stderr.match(/neither an article nor a profile \(no score\) \(\d+ ms\)/g)).toHaveLength(2);
    expect(run.stderr).not.toMatch(/no audit from the extension/);
  });

  it('writes CSV with BOM and the export columns to --out', async () => {
    const out = join(tmp, 'audit.csv');
    const run = await runAudit([join(DEMO, 'kommentare-geschlossen.html'), '--format', 'csv', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(
      'audited_at,url,site,platform,kind,score,band,rule_id,rule_title,verdict,rule_score,weight,evidence,advice',
    );
    expect(csv).toContain('https://blog.nordlicht-consulting.example/social-media-strategie-2027/');
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    const closed = rows.find((r) => r.rule_id === 'comments-closed');
    expect(closed?.verdict).toBe('fail');
    expect(closed?.kind).toBe('article');
  });

  it('exits 1 when an input fails, 2 on bad arguments, and says what a non-HTML file or a blocked port is', async () => {
    const binary = join(tmp, 'photo.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const run = await runAudit([join(tmp, 'nope.html'), binary, 'http://127.0.0.1:1/']);
    expect(run.code, run.stderr).toBe(1);
    const [nope, png, port] = audits(run);
    expect(nope.error).toBe('file not found');
    expect(png.error).toBe('not an HTML file (a PNG image)');
    expect(port.error).toMatch(/^port 1 is blocked by the browser/);
    expect(run.stderr).not.toMatch(/ERR_UNSAFE_PORT/);
    const bad = await runAudit(['--format', 'xml', 'x.html']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown format "xml"/);
    expect(bad.stdout).toBe('');
  });

  it('--help lists every flag on stdout', async () => {
    const help = await runCli('audit', ['--help']);
    expect(help.code).toBe(0);
    for (const flag of [
      '--input',
      '--url',
      '--shard',
      '--format',
      '--out',
      '--resume',
      '--as-of',
      '--live',
      '--settle',
      '--timeout',
      '--concurrency',
      '--browser',
      '--dist',
      '--no-sandbox',
      '--help',
    ]) {
      expect(help.stdout).toContain(flag);
    }
  });

  it('howsocial eval compares labels with the audit, prints the misses and the figure, and gates on --min', async () => {
    const dir = mkdtempSync(join(tmp, 'eval-'));
    copyFileSync(join(DEMO, 'healthy-post.html'), join(dir, 'healthy-post.html'));
    copyFileSync(join(DEMO, 'newsletter-unbeantwortet.html'), join(dir, 'newsletter-unbeantwortet.html'));
    writeFileSync(join(dir, 'unlabelled.html'), '<p>no label, not audited</p>');
    const labels = {
      'healthy-post.html': {
        url: 'http://example.test/healthy/',
        kind: 'article',
        platform: 'wordpress',
        comments: 7,
        authorComments: 3,
      },
      // deliberately wrong: the page has 6 comments
      'newsletter-unbeantwortet.html': {
        url: 'http://example.test/nl/',
        kind: 'article',
        comments: 99,
        newsletterCheckbox: 'prechecked',
      },
    };
    writeFileSync(join(dir, 'labels.json'), JSON.stringify(labels));
    const env = { HOWSOCIAL_DIST: inject('distDir') };
    const report = await runCli('eval', [dir], env);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/newsletter-unbeantwortet\.html\s+comments\s+99\s+6/);
    expect(report.stdout).toContain('facts right: 6/7 (85.7%)');
    expect(report.stderr).toContain('unlabelled.html');
    const gated = await runCli('eval', [dir, '--min', '90', '--only', 'newsletter-unbeantwortet.html'], env);
    expect(gated.code).toBe(1);
    expect(gated.stdout).toContain('facts right: 2/3');
  });
});

describe('npm start without a Chromium-family browser', () => {
  it('opens Firefox with the extension’s Firefox build and audits the demo pages (headless: printed)', async () => {
    // --browser firefox stands for a machine without Chromium (the lookup itself: cli-browsers.test.ts).
    const run = await new Promise<Run>((ok) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'scripts', 'start.ts'), '--headless', '--no-build', '--browser', 'firefox'],
        { cwd: ROOT, timeout: 120_000, env: { ...process.env, HOWSOCIAL_DIST: inject('distDir') } },
        (err, stdout, stderr) => ok({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Browser: Firefox ESR (/usr/bin/firefox-esr), with the extension's Firefox build");
    expect(run.stdout).toContain('Auditing 4 demo pages in headless Firefox ESR');
    // The demo's story, as in Chromium: closed comments score 27, the healthy post 100, the shop none.
    expect(run.stdout).toMatch(/kommentare-geschlossen\.html[^\n]*\n\s+score 27\/100/);
    expect(run.stdout).toMatch(/healthy-post\.html[^\n]*\n\s+score 100\/100/);
    expect(run.stdout).toMatch(/shop\.html/);
  });
});
