/**
 * `howsocial audit --site URL` (`npm run audit -- --site URL`): the real CLI process runs the owner audit in the built extension
 * against the localhost WordPress fixture site and prints the top-level `owner` object (README).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveOwnerSite } from './owner-site';
import { type FixtureServer, serveFixtures } from './server';

const ROOT = join(import.meta.dirname, '..', '..');

function audit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'howsocial.mjs'), 'audit', '--dist', join(inject('distDir'), 'chrome'), ...args],
      { cwd: ROOT, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => ok({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run audit -- --site (Chromium)', () => {
  let server: FixtureServer;
  let postUrl = '';
  beforeAll(async () => {
    server = await serveFixtures();
    postUrl = serveOwnerSite(server).postUrl;
  });
  afterAll(() => server?.close());

  it('prints the owner object as JSON, read from the site itself', async () => {
    const run = await audit(['--site', postUrl, '--posts', '3']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.tool).toBe('howsocial');
    expect(out.owner).toMatchObject({
      url: postUrl,
      platform: 'wordpress',
      source: 'wp-rest',
      posts: 3,
      comments: 7,
      band: expect.stringMatching(/^(red|orange|green|grey)$/),
      facts: {
        authorReplyRate: 0.5,
        medianReplyHours: 9,
        commentsOpenShare: 0.67,
        replyShare: null,
        repostShare: null,
        followers: null,
      },
    });
    expect(out.owner.postsPerWeek ?? out.owner.facts.postsPerWeek).toBeGreaterThan(0);
    expect(out.owner.findings.map((f: { rule: string }) => f.rule)).toContain('owner-comments-open');
    expect(server.requests.some((r) => r.startsWith('/wp-json/wp/v2/posts?per_page=3'))).toBe(true);
  });

  it('writes a row per post and per finding as CSV, and says so when the site cannot be read', async () => {
    const run = await audit(['--site', postUrl, '--posts', '3', '--format', 'csv']);
    expect(run.code, run.stderr).toBe(0);
    const rows = Papa.parse<Record<string, string>>(run.stdout.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.filter((r) => r.row === 'post')).toHaveLength(3);
    expect(rows.filter((r) => r.row === 'finding').length).toBeGreaterThan(0);
    const missing = await audit(['--site', `${server.origin.replace(/:\d+$/, ':9')}/`, '--timeout', '60000']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ owner: null, error: 'network' });
  });
});
