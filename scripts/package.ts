#!/usr/bin/env node
// `npm run package`: build both browsers, then zip each unpacked build for the stores:
// artifacts/howsocial-chrome-<version>.zip and artifacts/howsocial-firefox-<version>.zip, and the
// source code AMO asks for when the code is bundled or minified:
// artifacts/howsocial-<version>-source.zip (every tracked file, with BUILD.md = docs/store/amo-build.md
// and SOURCE-INFO.txt: commit, Node and npm versions) and the instructions beside it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ROOT } from './lib/messages.ts';
import { entriesOf, unzipBuffer, zipBuffer } from './lib/zip.ts';

const skipBuild = process.argv.includes('--no-build');
const dist = resolve(ROOT, process.env.HOWSOCIAL_DIST ?? 'dist');
const outDir = resolve(ROOT, process.env.HOWSOCIAL_ARTIFACTS ?? 'artifacts');
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

if (!skipBuild) {
  const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error('build failed: nothing packaged');
    process.exit(1);
  }
}

// SOURCE_DATE_EPOCH (reproducible-builds.org) stamps the entries; otherwise a fixed date, so the
// same build zips to the same bytes.
const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const date = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : undefined;

/** Paths inside the project as the user typed them (artifacts/…), others absolute. */
function shown(path: string): string {
  const rel = relative(ROOT, path);
  return rel.startsWith('..') ? path : rel;
}

await mkdir(outDir, { recursive: true });
for (const browser of ['chrome', 'firefox']) {
  const dir = join(dist, browser);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`no build at ${dir} (run npm run build)`);
    process.exit(1);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  if (manifest.version !== version) console.warn(`warning: manifest.json says ${manifest.version}, package.json ${version}`);
  const entries = await entriesOf(dir);
  const zip = zipBuffer(entries, { date });
  // Self-check: every file reads back with a matching CRC before we call it done.
  if (unzipBuffer(zip).length !== entries.length) throw new Error('zip self-check failed');
  const file = join(outDir, `howsocial-${browser}-${version}.zip`);
  await writeFile(file, zip);
  console.log(`${shown(file)}: ${entries.length} files, ${(zip.length / 1024).toFixed(1)} KiB`);
}

/**
 * The files of the source: what git tracks (so no node_modules, build output or local files
 * slip in), read from the work tree. Outside a git checkout there is no safe list: say so.
 */
function trackedFiles() {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    console.error('the source zip needs a git checkout (git ls-files lists what belongs to the source)');
    process.exit(1);
  }
}

const instructions = await readFile(join(ROOT, 'docs', 'store', 'amo-build.md'));
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  if (execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim()) {
    commit += ' (with uncommitted changes)';
    console.warn('warning: uncommitted changes: the source zip holds the work tree, not the commit it names');
  }
} catch {}
const npmVersion = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['--version'], {
  encoding: 'utf8',
}).stdout?.trim();
const info = Buffer.from(
  `HowSocial ${version} source\ncommit: ${commit}\nbuilt and packaged with Node.js ${process.version}, npm ${npmVersion || 'unknown'}\nsee BUILD.md\n`,
);
const source = [
  ...(await Promise.all(
    trackedFiles()
      .filter((name) => existsSync(join(ROOT, name)))
      .map(async (name) => ({ name, data: await readFile(join(ROOT, name)) })),
  )),
  { name: 'BUILD.md', data: instructions },
  { name: 'SOURCE-INFO.txt', data: info },
];
const sourceZip = zipBuffer(source, { date });
if (unzipBuffer(sourceZip).length !== source.length) throw new Error('source zip self-check failed');
const sourceFile = join(outDir, `howsocial-${version}-source.zip`);
await writeFile(sourceFile, sourceZip);
console.log(`${shown(sourceFile)}: ${source.length} files, ${(sourceZip.length / 1024).toFixed(1)} KiB (AMO source upload)`);
const instructionsFile = join(outDir, `howsocial-${version}-build-instructions.md`);
await writeFile(instructionsFile, instructions);
console.log(`${shown(instructionsFile)}: build instructions for the AMO review`);
