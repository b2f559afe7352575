#!/usr/bin/env node
// `npm run package`: build both browsers, then zip each unpacked build for the stores:
// artifacts/howsocial-chrome-<version>.zip and artifacts/howsocial-firefox-<version>.zip.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
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
