#!/usr/bin/env node
// `npm run eval -- DIR [--min P] [--json FILE]`: audit every labelled *.html of DIR with the built
// extension (served as the label's url) and compare kind, platform and facts with DIR/labels.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defaultConcurrency } from './lib/args.ts';
import { auditAll } from './lib/batch.ts';
import { findBrowser, noBrowserMessage } from './lib/browsers.ts';
import { buildFor, distLocation, ensureBuilt } from './lib/build.ts';
import { summarize } from './lib/compare.ts';
import { countOf } from './lib/messages.ts';
import { table } from './lib/table.ts';

const USAGE = `Usage: howsocial eval DIR (or npm run eval -- DIR) [--labels FILE] [--min PERCENT] [--timeout MS] [--json FILE] [--only NAME,...]

Audits every *.html in DIR that has an entry in DIR/labels.json (served as the label's "url"),
compares kind, platform and every labelled fact, and prints the misses, accuracy per fact, per
page kind and per language, every undeserved fail (a fail verdict the labels say the page does not
deserve) and "facts right: N/M (P%)". --labels reads the labels from FILE instead of DIR/labels.json.
Exit code 0 (it is a report) unless --min is given and the figure is below it.`;

interface EvalOptions {
  help?: boolean;
  dir: string | null;
  labels: string | null;
  min: number | null;
  timeout: number;
  json: string | null;
  only: string[] | null;
}

function parse(argv: string[]): EvalOptions {
  const o: EvalOptions = { dir: null, labels: null, min: null, timeout: 15_000, json: null, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') return { ...o, help: true };
    else if (a === '--min') o.min = Number(next());
    else if (a === '--timeout') o.timeout = Number(next());
    else if (a === '--json') o.json = next();
    else if (a === '--labels') o.labels = next();
    else if (a === '--only') o.only = next().split(',');
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else if (o.dir) throw new Error('give one folder');
    else o.dir = a;
  }
  if (!o.dir) throw new Error('no folder given');
  if (o.min !== null && !(o.min >= 0 && o.min <= 100)) throw new Error('--min needs a percentage 0–100');
  if (!(o.timeout >= 100)) throw new Error('--timeout needs milliseconds ≥ 100');
  return o;
}

const show = (v: unknown) => (v === null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));

export async function main(argv: string[]): Promise<number> {
  let opts: EvalOptions;
  try {
    opts = parse(argv);
  } catch (err) {
    console.error(`error: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }

  const dir = resolve(opts.dir ?? '.');
  const labelsFile = opts.labels ? resolve(opts.labels) : join(dir, 'labels.json');
  if (!existsSync(labelsFile)) {
    console.error(`error: ${labelsFile} not found`);
    return 2;
  }
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8'));
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.html') && labels[f] && (!opts.only || opts.only.includes(f)))
    .sort();
  if (names.length === 0) {
    console.error(`error: no labelled *.html in ${dir}`);
    return 2;
  }
  const unlabelled = readdirSync(dir).filter((f) => f.endsWith('.html') && !labels[f]);
  if (unlabelled.length)
    console.error(`(skipping ${countOf(unlabelled.length, 'file')} without a label: ${unlabelled.join(', ')})`);

  const browser = findBrowser();
  if (!browser.found) {
    console.error(`error: ${noBrowserMessage(process.platform, browser.skipped)}`);
    return 3;
  }
  const found = browser.found;
  const dist = distLocation(null);
  const inputs = names.map((name) => ({ input: join(dir, name), isUrl: false, url: labels[name].url ?? null }));
  const items = await auditAll(inputs, {
    dist: buildFor(dist, found.family),
    browser: found,
    concurrency: defaultConcurrency(),
    timeout: opts.timeout,
    settle: 0,
    live: false,
    asOf: null,
    noSandbox: false,
    prepare: () => ensureBuilt(dist, (line) => console.error(line), found.family),
  });
  const summary = summarize(names.map((name, i) => ({ name, label: labels[name], record: items[i].record })));

  console.log(`\nEvaluated ${countOf(names.length, 'page')} of ${dir}\n`);
  const rows = [['page', 'field', 'expected', 'got']];
  for (const r of summary.results) {
    if (r.error) rows.push([r.name, '(error)', '', r.error]);
    for (const m of r.misses) rows.push([r.error ? '' : r.name, m.field, show(m.expected), show(m.got)]);
  }
  if (rows.length > 1) console.log(`${table(rows)}\n`);
  else console.log('No mismatches.\n');

  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '–');
  for (const [head, tallies] of [
    ['field', summary.perField],
    ['kind', summary.perKind],
    ['language', summary.perLang],
  ] as const) {
    const pagesOf = (key: string) => summary.results.filter((r) => (head === 'kind' ? r.kind : r.lang) === key).length;
    const tallyRows: (string | number)[][] = [[head, ...(head === 'field' ? [] : ['pages']), 'right', 'of', 'accuracy']];
    for (const [k, { right, total }] of Object.entries(tallies))
      tallyRows.push([k, ...(head === 'field' ? [] : [pagesOf(k)]), right, total, pct(right, total)]);
    console.log(`${table(tallyRows, { align: ['l', 'r', 'r', 'r', 'r'] })}\n`);
  }
  if (summary.undeserved.length) {
    const failRows = [['page', 'rule', 'undeserved fail because']];
    for (const u of summary.undeserved) failRows.push([u.name, u.rule, u.why]);
    console.log(`${table(failRows)}\n`);
  }
  console.log(`undeserved fails: ${summary.undeserved.length}`);
  const pages = summary.results.filter((r) => r.misses.length === 0).length;
  console.log(`pages fully right: ${pages}/${names.length}`);
  console.log(`facts right: ${summary.right}/${summary.total} (${summary.percent.toFixed(1)}%)`);

  if (opts.json) {
    await writeFile(
      resolve(opts.json),
      `${JSON.stringify({ dir, ...summary, audits: items.map((i: { record: unknown }) => i.record) }, null, 2)}\n`,
    );
    console.error(`wrote ${resolve(opts.json)}`);
  }
  if (opts.min !== null && summary.percent < opts.min) {
    console.error(`below --min ${opts.min}%`);
    return 1;
  }
  return 0;
}
