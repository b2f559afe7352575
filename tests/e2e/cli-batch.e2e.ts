/**
 * `howsocial audit` as a batch tool, end to end in headless Chromium and Firefox ESR (`--browser
 * chromium|firefox`; Firefox with the extension's Firefox build): nothing leaves the machine
 * for a saved file (local TCP, UDP and WebSocket listeners stay silent), --as-of gives the same
 * bytes on every run, Firefox the same bytes as Chromium, --resume after a killed run, --shard
 * covers a list exactly once (with pages side by side), --live audits the comments a page
 * renders with its own script.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';
import { launchFirefox } from '../../scripts/lib/firefox.ts';
import { serve } from '../../scripts/lib/serve.ts';
import type { AuditRecord } from '../../scripts/lib/shape.ts';
import { runCli } from './cli-run';
import { browsers, waitFor } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');
const DEMO = join(ROOT, 'tests', 'fixtures', 'demo');
const LIVE = join(ROOT, 'tests', 'fixtures', 'live');

const lines = (text: string): AuditRecord[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/**
 * Where the leak listeners listen: the machine's own network address where it has one (a remote
 * server as the page sees it; Firefox neither preconnects to nor asks a STUN server on the
 * loopback), else the loopback.
 */
const HOST =
  Object.values(networkInterfaces())
    .flat()
    .find((i) => i?.family === 'IPv4' && !i.internal)?.address ?? '127.0.0.1';

const LEAK_CONTROL = 'http://leak-control.example/';

/** A plain Chromium (no CLI protections) showing the page; returns how to close it. */
async function openLeakyChromium(html: Buffer): Promise<() => Promise<void>> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, '--headless=new'],
    headless: false,
  });
  const tab = await browser.newPage();
  await tab.route(LEAK_CONTROL, (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await tab.goto(LEAK_CONTROL);
  return () => browser.close();
}

/** A plain Firefox showing the page, with Firefox's own default for speculative connections (Puppeteer turns them off). */
async function openLeakyFirefox(html: Buffer, tmp: string): Promise<() => Promise<void>> {
  const browser = await launchFirefox(mkdtempSync(join(tmp, 'ff-')), { prefs: { 'network.http.speculative-parallel-limit': 6 } });
  const tab = await browser.newPage();
  await tab.setRequestInterception(true);
  tab.on('request', (r) => {
    const reply =
      r.url() === LEAK_CONTROL ? r.respond({ status: 200, body: html, contentType: 'text/html; charset=utf-8' }) : r.continue();
    reply.catch(() => {});
  });
  await tab.goto(LEAK_CONTROL);
  return () => browser.close();
}

describe.each(browsers)('howsocial audit batches (--browser %s)', (name) => {
  const audit = (args: string[]) => runCli('audit', ['--dist', inject('distDir'), '--browser', name, ...args]);
  const chromiumOnly = name === 'chromium';
  const tmp = mkdtempSync(join(tmpdir(), 'howsocial-cli-batch-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** Six distinct inputs: the demo pages, each as two original URLs (a tab names the URL). */
  function inputList(): string {
    const pages = ['healthy-post.html', 'kommentare-geschlossen.html', 'newsletter-unbeantwortet.html'];
    const rows = pages.flatMap((p, i) => [0, 1].map((k) => `${join(DEMO, p)}\thttp://batch-${i}-${k}.example/post/`));
    const file = join(tmp, `list-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(file, `# demo pages, twice each\n${rows.join('\n')}\n`);
    return file;
  }

  describe('offline: no packet leaves for a saved file', () => {
    let tcp: TcpServer;
    let ws: HttpServer;
    let udp: UdpSocket;
    const heard: string[] = [];
    let page = '';

    beforeAll(async () => {
      tcp = createTcpServer((s) => {
        heard.push('tcp');
        s.destroy();
      });
      ws = createHttpServer((_req, res) => res.end());
      ws.on('connection', () => heard.push('websocket'));
      udp = createSocket('udp4');
      udp.on('message', () => heard.push('udp'));
      await new Promise<void>((ok) => tcp.listen(0, HOST, ok));
      await new Promise<void>((ok) => ws.listen(0, HOST, ok));
      await new Promise<void>((ok) => udp.bind(0, HOST, ok));
      const port = (s: { address(): unknown }) => (s.address() as AddressInfo).port;
      // What the issue saw leak: a preconnect, a WebSocket and WebRTC's STUN (UDP), plus a fetch.
      page = join(tmp, 'leaky.html');
      writeFileSync(
        page,
        readFileSync(join(DEMO, 'healthy-post.html'), 'utf8').replace(
          '</head>',
          `<link rel="preconnect" href="http://${HOST}:${port(tcp)}">
<link rel="dns-prefetch" href="//leak-check.example">
<script>
  try { new WebSocket('ws://${HOST}:${port(ws)}/live'); } catch (e) {}
  try {
    const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:${HOST}:${port(udp)}' }] });
    pc.createDataChannel('x');
    pc.createOffer().then((o) => pc.setLocalDescription(o));
  } catch (e) {}
  fetch('http://${HOST}:${port(tcp)}/beacon').catch(() => {});
</script>
</head>`,
        ),
      );
    });
    afterAll(async () => {
      await new Promise<void>((ok) => tcp.close(() => ok()));
      await new Promise<void>((ok) => ws.close(() => ok()));
      udp.close();
    });

    it('the page does reach all three listeners in a browser without the CLI’s protections (control)', async () => {
      const html = readFileSync(page);
      const close = await (name === 'chromium' ? openLeakyChromium(html) : openLeakyFirefox(html, tmp));
      try {
        await waitFor(
          () => ['tcp', 'websocket', 'udp'].every((k) => heard.includes(k)),
          (all) => all,
          { timeout: 15_000, what: 'all three listeners to hear the page' },
        );
      } finally {
        await close();
      }
      expect(new Set(heard)).toEqual(new Set(['tcp', 'websocket', 'udp']));
    });

    it('the CLI audits it and every listener stays silent until the browser is gone', async () => {
      heard.length = 0;
      const run = await audit([page]);
      expect(run.code, run.stderr).toBe(0);
      const [a] = JSON.parse(run.stdout).audits as AuditRecord[];
      expect(a).toMatchObject({ kind: 'article', platform: 'wordpress', error: null });
      // The CLI has exited: its browser is closed, so nothing can arrive later.
      expect(heard).toEqual([]);
    });
  });

  it.runIf(chromiumOnly)(
    'a saved page whose URL is http:// is served as http://, not upgraded to https:// (Blogger posts)',
    async () => {
      const url = 'http://crumbandharbour.blogspot.com/2026/11/sourdough-starter-north-sea.html';
      const run = await audit([join(DEMO, 'healthy-post.html'), '--url', url]);
      expect(run.code, run.stderr).toBe(0);
      const [a] = JSON.parse(run.stdout).audits as AuditRecord[];
      expect(a).toMatchObject({ url, kind: 'article', error: null });
    },
  );

  it.runIf(chromiumOnly)(
    '--as-of judges the stale rule at that date and gives the same bytes on every run (JSON and CSV)',
    async () => {
      const page = join(DEMO, 'healthy-post.html'); // newest activity: November 2026
      const later = ['--as-of', '2028-06-01'];
      const [json1, json2, csv1, csv2, before] = [
        await audit([page, ...later]),
        await audit([page, ...later]),
        await audit([page, ...later, '--format', 'csv']),
        await audit([page, ...later, '--format', 'csv']),
        await audit([page, '--as-of', '2026-11-20']),
      ];
      for (const r of [json1, json2, csv1, csv2, before]) expect(r.code, r.stderr).toBe(0);
      expect(json2.stdout).toBe(json1.stdout);
      expect(csv2.stdout).toBe(csv1.stdout);
      const [a] = JSON.parse(json1.stdout).audits as AuditRecord[];
      expect(a.asOf).toEqual({ date: '2028-06-01', source: 'option' });
      expect(a.findings.find((f) => f.rule === 'stale')?.verdict).toBe('warn');
      expect(csv1.stdout).toContain('2028-06-01T00:00:00.000Z');
      // Judged a fortnight after the post, the same page is not stale: the date decides, not the clock.
      const [b] = JSON.parse(before.stdout).audits as AuditRecord[];
      expect(b.findings.find((f) => f.rule === 'stale')?.verdict).toBe('pass');
    },
    300_000,
  ); // five whole CLI runs

  it.runIf(name === 'firefox')(
    'gives the same JSON, byte for byte, as Chromium for the same saved pages and --as-of',
    async () => {
      const FIXTURES = join(ROOT, 'tests', 'fixtures');
      const pages = [
        ...['healthy-post.html', 'kommentare-geschlossen.html', 'newsletter-unbeantwortet.html', 'shop.html'].map((f) =>
          join(DEMO, f),
        ),
        ...['wp-de-open.html', 'blogger-threaded-de.html', 'wp-wpdiscuz-de.html'].map((f) => join(FIXTURES, 'blog', f)),
        ...['x-profile-de.html', 'bluesky-profile.html', 'instagram-profile-de.html'].map((f) => join(FIXTURES, 'social', f)),
      ];
      const args = ['--dist', inject('distDir'), ...pages, '--as-of', '2026-12-01', '--concurrency', '2'];
      const firefox = await runCli('audit', ['--browser', 'firefox', ...args]);
      const chromium = await runCli('audit', ['--browser', 'chromium', ...args]);
      expect(firefox.code, firefox.stderr).toBe(0);
      expect(chromium.code, chromium.stderr).toBe(0);
      expect(firefox.stderr).toContain("Firefox ESR (/usr/bin/firefox-esr), the extension's Firefox build");
      const audits = JSON.parse(firefox.stdout).audits as AuditRecord[];
      expect(audits.map((a) => a.kind)).toEqual([
        ...Array(3).fill('article'),
        'other',
        ...Array(3).fill('article'),
        ...Array(3).fill('profile'),
      ]);
      expect(firefox.stdout).toBe(chromium.stdout);
    },
    180_000,
  ); // two whole CLI runs, one per browser

  it('without --as-of a SingleFile page is judged at the date it was saved, and says so', async () => {
    const saved = join(tmp, 'singlefile.html');
    const html = readFileSync(join(DEMO, 'healthy-post.html'), 'utf8');
    // SingleFile's header comment, first child of <html> (gildas-lormeau/SingleFile, COMMENT_HEADER).
    writeFileSync(
      saved,
      html.replace(
        '<html lang="en-GB">',
        '<html lang="en-GB"><!--\n Page saved with SingleFile \n url: https://crumbandharbour.example/2026/11/sourdough-starter-north-sea/ \n saved date: Thu Jun 01 2028 10:11:12 GMT+0200 (Mitteleuropäische Sommerzeit)\n-->',
      ),
    );
    const run = await audit([saved]);
    expect(run.code, run.stderr).toBe(0);
    const [a] = JSON.parse(run.stdout).audits as AuditRecord[];
    expect(a.asOf).toEqual({ date: '2028-06-01', source: 'saved' });
    expect(a.findings.find((f) => f.rule === 'stale')?.verdict).toBe('warn');
  });

  it('--shard 1/2 and 2/2 together cover the input list exactly once (one page at a time, and side by side)', async () => {
    const list = inputList();
    const [one, two] = await Promise.all([
      audit(['--input', list, '--format', 'jsonl', '--shard', '1/2', '--concurrency', '1']),
      audit(['--input', list, '--format', 'jsonl', '--shard', '2/2', '--concurrency', '2']),
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    const urls = (r: { stdout: string }) => lines(r.stdout).map((a) => a.url);
    expect(urls(one)).toHaveLength(3);
    expect(urls(two)).toHaveLength(3);
    const all = readFileSync(list, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t')[1]);
    expect([...urls(one), ...urls(two)].sort()).toEqual([...all].sort());
  });

  it('--resume after a killed run audits only what is missing, and the report has every input once', async () => {
    const list = inputList();
    const out = join(tmp, 'resume.jsonl');
    let child: ChildProcess | null = spawn(
      process.execPath,
      [
        join(ROOT, 'bin', 'howsocial.mjs'),
        'audit',
        '--dist',
        inject('distDir'),
        '--browser',
        name,
        '--input',
        list,
        '--out',
        out,
        '--concurrency',
        '1',
      ],
      { cwd: ROOT, detached: true, stdio: 'ignore' },
    );
    try {
      // Kill the whole process group (the CLI and its browser) with SIGKILL: a crash, no clean-up.
      await waitFor(
        () => readFileSync(out, 'utf8').split('\n').filter(Boolean).length,
        (n) => n >= 2,
        { timeout: 60_000, what: 'two finished lines in the report' },
      );
      process.kill(-(child.pid as number), 'SIGKILL');
      child = null;
    } finally {
      if (child?.pid) process.kill(-child.pid, 'SIGKILL');
    }
    const before = lines(readFileSync(out, 'utf8'));
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.length).toBeLessThan(6);
    const resumed = await audit(['--input', list, '--out', out, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`--resume: ${before.length} inputs already in`);
    const after = lines(readFileSync(out, 'utf8'));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.map((a) => a.url).sort()).toEqual(
      [0, 1, 2].flatMap((i) => [0, 1].map((k) => `http://batch-${i}-${k}.example/post/`)).sort(),
    );
    expect(after.every((a) => a.error === null && a.kind === 'article')).toBe(true);
  });

  it('--live audits the comments a page renders with its own script; without it they are not there', async () => {
    const server = await serve(LIVE);
    try {
      const url = `${server.url}/lazy-comments.html`;
      const [live, documentOnly] = [await audit([url, '--live']), await audit([url])];
      expect(live.code, live.stderr).toBe(0);
      expect(documentOnly.code, documentOnly.stderr).toBe(0);
      const [a] = JSON.parse(live.stdout).audits as AuditRecord[];
      const [b] = JSON.parse(documentOnly.stdout).audits as AuditRecord[];
      expect(a).toMatchObject({ kind: 'article', platform: 'wordpress' });
      expect(a.facts).toMatchObject({ comments: 3, authorComments: 1, commentsState: 'open' });
      expect(b.facts.comments).toBe(0);
    } finally {
      await server.close();
    }
  });
});
