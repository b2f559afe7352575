#!/usr/bin/env node
// The batch CLI's benchmark set and its memory figure (README, "Batch audit: speed").
//   node --import tsx scripts/cli-bench.ts prepare DIR [--real ../shared/real-pages]
//     writes 200 saved pages into DIR (the real pages with their labelled URLs, the rest
//     generated with bench/pages.ts: WordPress posts and X timelines of 1,000–3,000 elements and
//     pages that are neither) and DIR/list.txt, the --input list for `howsocial audit`.
//   node --import tsx scripts/cli-bench.ts run DIR --concurrency N [--browser PATH] [--dist DIST]
//     audits the list in-process: pages per minute, where a page's time goes (the auditor's
//     phases), and the proportional set size (PSS) of the browser's processes sampled every
//     200 ms: the page processes' peak, per page process, and the whole browser's peak.
// Pages per minute are timed from outside, whole commands, by the machine's own timer (README).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GENERATORS, type GeneratedKind } from '../bench/pages.ts';
import { median } from '../src/owner/analysis.ts';
import { parseInputList } from './lib/args.ts';
import { runBatch } from './lib/batch.ts';
import { findBrowser } from './lib/browsers.ts';
import { buildFor, distLocation, ensureBuilt } from './lib/build.ts';
import { ROOT } from './lib/messages.ts';

const TOTAL = 200;
const KINDS: [GeneratedKind, number][] = [
  ['blog', 1000],
  ['blog', 2000],
  ['blog', 3000],
  ['timeline', 1000],
  ['timeline', 2000],
  ['other', 1000],
];

function prepare(dir: string, realDir: string): void {
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  const labels = existsSync(join(realDir, 'labels.json')) ? JSON.parse(readFileSync(join(realDir, 'labels.json'), 'utf8')) : {};
  for (const f of readdirSync(realDir).filter((n) => n.endsWith('.html'))) {
    copyFileSync(join(realDir, f), join(dir, f));
    lines.push(labels[f]?.url ? `${join(dir, f)}\t${labels[f].url}` : join(dir, f));
  }
  for (let i = 0; lines.length < TOTAL; i++) {
    const [kind, elements] = KINDS[i % KINDS.length];
    const name = `gen-${String(i).padStart(3, '0')}-${kind}-${elements}.html`;
    writeFileSync(join(dir, name), GENERATORS[kind](elements));
    const host = kind === 'timeline' ? 'https://x.com/benchacct' : `https://blog${i}.example/2026/10/post/`;
    lines.push(`${join(dir, name)}\t${host}${kind === 'timeline' ? `?p=${i}` : ''}`);
  }
  writeFileSync(join(dir, 'list.txt'), `${lines.join('\n')}\n`);
  console.log(`${lines.length} pages in ${dir}; list: ${join(dir, 'list.txt')}`);
}

/** Every process below this one (the browser, its zygote, renderers, GPU/utility). */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const p of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      parent.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const p = queue.shift() as number;
    for (const [child, pp] of parent) {
      if (pp !== p) continue;
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

function pssKiB(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** A process that renders pages: Chromium's renderers (not the extension's), Firefox's content processes for tabs. */
function isRenderer(pid: number): boolean {
  try {
    // Chromium rewrites its command line as one string (its process title): read it as text.
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    if (cmd.includes('--type=renderer')) return !cmd.includes('--extension-process') && !cmd.includes('--top-chrome-webui');
    return cmd.includes(' -contentproc ') && cmd.endsWith(' tab');
  } catch {
    return false;
  }
}

/**
 * Audit the list once in this process: pages per minute, where a page's time goes (the auditor's
 * phases: median per page and the share of the summed page time) and the memory of the browser's
 * processes (proportional set size, sampled every 200 ms).
 */
async function run(dir: string, concurrency: number): Promise<void> {
  const inputs = parseInputList(readFileSync(join(dir, 'list.txt'), 'utf8'));
  const browser = findBrowser(undefined, opt('--browser', '') || null);
  if (!browser.found) throw new Error('no browser');
  const dist = distLocation(opt('--dist', '') || null);
  let peakTabs = 0;
  let peakTabCount = 0;
  let peakAll = 0;
  const sample = () => {
    const procs = descendants(process.pid);
    const renderers = procs.filter(isRenderer);
    const tabs = renderers.reduce((s, p) => s + pssKiB(p), 0);
    const all = procs.reduce((s, p) => s + pssKiB(p), 0);
    if (tabs > peakTabs) {
      peakTabs = tabs;
      peakTabCount = renderers.length;
    }
    peakAll = Math.max(peakAll, all);
  };
  const timer = setInterval(sample, 200);
  const started = Date.now();
  let firstStart = 0;
  const items = await runBatch(inputs, {
    dist: buildFor(dist, browser.found.family),
    browser: browser.found,
    concurrency,
    timeout: 30_000,
    settle: 0,
    live: false,
    asOf: null,
    noSandbox: false,
    prepare: () => ensureBuilt(dist, undefined, browser.found?.family),
    onItem: (item) => {
      if (!firstStart) firstStart = Date.now() - item.ms;
    },
  }).done;
  clearInterval(timer);
  const seconds = (Date.now() - started) / 1000;
  const failed = items.filter((i) => i.record.error).length;
  const mib = (k: number) => (k / 1024).toFixed(0);
  console.log(
    `${browser.found.name}, concurrency ${concurrency}: ${items.length} pages (${failed} failed) in ${seconds.toFixed(1)} s = ${((items.length / seconds) * 60).toFixed(0)} pages/min; ` +
      `browser start (before the first page) ${((firstStart - started) / 1000).toFixed(2)} s; ` +
      `page processes at peak: ${peakTabCount}, ${mib(peakTabs)} MiB PSS = ${mib(peakTabs / Math.max(1, peakTabCount))} MiB each; whole browser peak ${mib(peakAll)} MiB PSS`,
  );
  const names = [...new Set(items.flatMap((i) => Object.keys(i.phases)))];
  const total = items.reduce((s, i) => s + Object.values(i.phases).reduce((a, b) => a + b, 0), 0);
  console.log(
    `a page's time (median ms per page, share of all page time), median page ${median(items.map((i) => i.ms)) ?? 0} ms:`,
  );
  for (const name of names) {
    const per = items.map((i) => i.phases[name] ?? 0);
    const sum = per.reduce((a, b) => a + b, 0);
    console.log(
      `  ${name.padEnd(12)} ${(median(per) ?? 0).toFixed(1).padStart(7)} ms  ${((sum / total) * 100).toFixed(1).padStart(5)} %`,
    );
  }
}

const [command, dirArg, ...rest] = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = rest.indexOf(name);
  return i >= 0 ? (rest[i + 1] ?? fallback) : fallback;
};
if (command === 'prepare' && dirArg) prepare(resolve(dirArg), resolve(ROOT, opt('--real', '../shared/real-pages')));
else if ((command === 'run' || command === 'memory') && dirArg) await run(resolve(dirArg), Number(opt('--concurrency', '1')));
else {
  console.error(
    'usage: node --import tsx scripts/cli-bench.ts prepare DIR [--real DIR] | run DIR --concurrency N [--browser PATH] [--dist DIST]',
  );
  process.exitCode = 2;
}
