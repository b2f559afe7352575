#!/usr/bin/env node
// `npm run corpus [-- --mirrors DIR] [--out DIR]`: writes the development corpus's saved real pages
// (corpus/sources.json: repository, commit, path, sha256) from local snapshots of their public
// repositories into a git-ignored folder. Pages never go into this repository: their content
// belongs to their sites; only where they come from (sources.json) and what a correct audit says
// about them (labels.json) are committed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { optionsOrExit } from './lib/args.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: npm run corpus -- [--mirrors DIR] [--out DIR] [--sources FILE]

Reads every page named in corpus/sources.json from a local git snapshot of its repository and
writes it to corpus/pages/<id>.html (git-ignored). A snapshot of "owner/name" is looked up as
DIR/owner+name/repo (a bare git directory, as the search tool's fetch leaves it), DIR/owner+name or
DIR/name (a clone). DIR defaults to $HOWSOCIAL_MIRRORS or /work/.mirror.
--sources reads another list than corpus/sources.json. Each page is checked against its sha256;
a missing snapshot or a changed file is reported and the other pages are still written.
Exit code 1 when any page could not be written.`;

interface CorpusOptions {
  help?: boolean;
  mirrors: string;
  out: string;
  sources: string;
}

function parse(argv: string[]): CorpusOptions {
  const o: CorpusOptions = {
    mirrors: process.env.HOWSOCIAL_MIRRORS || '/work/.mirror',
    out: join(ROOT, 'corpus/pages'),
    sources: join(ROOT, 'corpus/sources.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { ...o, help: true };
    if (a === '--mirrors' || a === '--out' || a === '--sources') {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a folder`);
      o[a.slice(2) as 'mirrors' | 'out' | 'sources'] = resolve(v);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** The git directory holding `owner/name`, or null. */
export function gitDirOf(mirrors: string, repo: string): string | null {
  const [owner, name] = repo.split('/');
  for (const d of [join(mirrors, `${owner}+${name}`, 'repo'), join(mirrors, `${owner}+${name}`), join(mirrors, name)]) {
    if (existsSync(join(d, 'HEAD'))) return d;
    if (existsSync(join(d, '.git', 'HEAD'))) return join(d, '.git');
  }
  return null;
}

/** One page's bytes as its repository holds them at that commit (gzip-compressed files unpacked). */
export function pageBytes(gitDir: string, commit: string, path: string): Buffer {
  const raw = execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], {
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return path.endsWith('.gz') ? gunzipSync(raw) : raw;
}

function main() {
  const opts = optionsOrExit(parse, USAGE);
  const sources: Record<string, { repository: string; commit: string; path: string; sha256: string }> = JSON.parse(
    readFileSync(opts.sources, 'utf8'),
  );
  mkdirSync(opts.out, { recursive: true });
  const missingRepos = new Set<string>();
  const failed: string[] = [];
  let written = 0;
  for (const [id, s] of Object.entries(sources)) {
    const gitDir = gitDirOf(opts.mirrors, s.repository);
    if (!gitDir) {
      missingRepos.add(s.repository);
      failed.push(id);
      continue;
    }
    try {
      const bytes = pageBytes(gitDir, s.commit, s.path);
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (sha !== s.sha256) throw new Error(`sha256 ${sha.slice(0, 12)}… differs from sources.json`);
      writeFileSync(join(opts.out, id), bytes);
      written++;
    } catch (err) {
      const e = err as { stderr?: Buffer; message?: string };
      const msg = String(e.stderr || e.message)
        .trim()
        .split('\n')[0];
      console.error(`${id}: ${s.repository}@${s.commit.slice(0, 10)}:${s.path}: ${msg}`);
      failed.push(id);
    }
  }
  for (const r of missingRepos) console.error(`no snapshot of ${r} under ${opts.mirrors} (fetch it, or give --mirrors)`);
  console.log(`wrote ${written} of ${Object.keys(sources).length} pages to ${opts.out}`);
  if (failed.length) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
