// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A bare snapshot as the search tool's fetch leaves it: MIRRORS/owner+name/repo. */
function snapshot(mirrors: string, files: Record<string, Buffer | string>): string {
  const work = mkdtempSync(join(tmpdir(), 'corpus-src-'));
  const git = (...args: string[]) => execFileSync('git', ['-C', work, ...args], { encoding: 'utf8' }).trim();
  git('init', '-q');
  for (const [path, body] of Object.entries(files)) writeFileSync(join(work, path), body);
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'pages');
  const commit = git('rev-parse', 'HEAD');
  execFileSync('git', ['clone', '-q', '--bare', work, join(mirrors, 'someone+pages', 'repo')]);
  return commit;
}

describe('npm run corpus', () => {
  it('writes each page from its snapshot (gzip unpacked), checks its sha256 and names what is missing', () => {
    const mirrors = mkdtempSync(join(tmpdir(), 'corpus-mirrors-'));
    const out = mkdtempSync(join(tmpdir(), 'corpus-out-'));
    const page = '<!doctype html><title>Ein Beitrag</title>';
    const commit = snapshot(mirrors, { 'a.html.gz': gzipSync(page), 'b.html': '<p>changed since</p>' });
    const sources = {
      'a.html': { repository: 'someone/pages', commit, path: 'a.html.gz', sha256: sha(page) },
      'b.html': { repository: 'someone/pages', commit, path: 'b.html', sha256: sha('<p>as labelled</p>') },
      'c.html': { repository: 'nobody/gone', commit, path: 'c.html', sha256: sha('x') },
    };
    const list = join(out, 'sources.json');
    writeFileSync(list, JSON.stringify(sources));
    const run = spawnSync(
      'node',
      ['--import', 'tsx', 'scripts/corpus.ts', '--mirrors', mirrors, '--out', out, '--sources', list],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(readFileSync(join(out, 'a.html'), 'utf8')).toBe(page);
    expect(run.stderr).toContain('b.html: someone/pages@');
    expect(run.stderr).toContain('differs from sources.json');
    expect(run.stderr).toContain('no snapshot of nobody/gone');
    expect(run.stdout).toContain('wrote 1 of 3 pages');
  });
});
