/**
 * A fresh clone on this machine, as a new user gets it: no node_modules, no build. Each command
 * must do its own set-up (npm ci, the build) and keep its standard output for its report:
 * `npx howsocial audit … --format json` prints JSON that parses, `npm start -- --headless` audits
 * the demo pages, `npm test` installs what it needs and runs (narrowed to one e2e file, so the
 * clone's run does not start this test again). Slow by nature (three `npm ci`, builds): minutes.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../scripts/lib/shape.ts';
import { ROOT, type Run } from './cli-run';

const MINUTES = 60_000;

function run(cmd: string, args: string[], cwd: string, timeout = 10 * MINUTES): Promise<Run> {
  return new Promise((ok) => {
    // Without the outer run's npm_* variables: the clone is its own project.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'HOWSOCIAL_DIST'));
    execFile(cmd, args, { cwd, timeout, maxBuffer: 64 * 1024 * 1024, env: { ...env, CI: '1' } }, (err, stdout, stderr) =>
      ok({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('a fresh clone without node_modules', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'howsocial-fresh-'));
  const clone = join(tmp, 'howsocial');
  beforeAll(() => {
    // The committed state of this checkout, as `git clone` gives it to a user.
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone]);
    expect(existsSync(join(clone, 'node_modules'))).toBe(false);
  }, 2 * MINUTES);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it(
    'npx howsocial audit … --format json: installs, builds, and stdout is the JSON report only',
    async () => {
      const r = await run(
        'npx',
        ['howsocial', 'audit', 'tests/fixtures/demo/kommentare-geschlossen.html', '--format', 'json'],
        clone,
      );
      expect(r.code, r.stderr.slice(-3000)).toBe(0);
      expect(r.stderr).toContain('running npm ci');
      expect(r.stderr).toContain('building it');
      const report = JSON.parse(r.stdout) as { tool: string; audits: AuditRecord[] };
      expect(report.tool).toBe('howsocial');
      expect(report.audits[0]).toMatchObject({ kind: 'article', platform: 'wordpress', error: null });
    },
    15 * MINUTES,
  );

  it(
    'npm start -- --headless: installs again when node_modules is gone, builds, audits the demo pages',
    async () => {
      rmSync(join(clone, 'node_modules'), { recursive: true, force: true });
      rmSync(join(clone, 'dist'), { recursive: true, force: true });
      const r = await run('npm', ['start', '--', '--headless'], clone);
      expect(r.code, r.stderr.slice(-3000)).toBe(0);
      expect(r.stderr).toContain('running npm ci');
      expect(r.stdout).toMatch(/kommentare-geschlossen\.html[\s\S]*score \d+\/100/);
      expect(r.stdout).toContain('shop.html');
    },
    15 * MINUTES,
  );

  it(
    'npm test: sets itself up and runs (typecheck, lint, unit, build, one e2e file)',
    async () => {
      rmSync(join(clone, 'node_modules'), { recursive: true, force: true });
      const r = await run('npm', ['test', '--', 'tests/e2e/bundle.e2e.ts'], clone, 20 * MINUTES);
      expect(r.code, `${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`).toBe(0);
      expect(r.stderr).toContain('running npm ci');
      expect(r.stdout).toMatch(/bundle\.e2e\.ts/);
    },
    25 * MINUTES,
  );
});
