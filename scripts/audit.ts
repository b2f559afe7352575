// `howsocial audit …` (also `npm run audit -- …`): batch audit with the built extension in a
// headless browser. Standard output is the report and nothing else; everything a person reads
// while it runs goes to stderr.
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  AUDIT_USAGE,
  type AuditInput,
  type AuditOptions,
  type Format,
  parseAuditArgs,
  parseInputList,
  shardOf,
  UsageError,
} from './lib/args.ts';
import { type BatchItem, runBatch } from './lib/batch.ts';
import { findBrowser, noBrowserMessage } from './lib/browsers.ts';
import { BuildError, buildFor, distLocation, ensureBuilt } from './lib/build.ts';
import { countOf, loadMessages, ROOT } from './lib/messages.ts';
import { isSiteAudit, siteMain } from './lib/owner.ts';
import { Progress } from './lib/progress.ts';
import { type AuditRecord, auditReport, csvRows, toCsv } from './lib/shape.ts';

export const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

const log = (line: string) => process.stderr.write(`${line}\n`);

export const EXIT = { ok: 0, someFailed: 1, usage: 2, environment: 3, interrupted: 130 } as const;

/** The whole report as one document (json, csv): finished items in input order. */
export function render(items: readonly BatchItem[], format: Format): string {
  if (format === 'csv') return toCsv(csvRows([...items], loadMessages('en')));
  if (format === 'jsonl') return items.map((i) => `${JSON.stringify(i.record)}\n`).join('');
  return `${JSON.stringify(
    auditReport(
      VERSION,
      items.map((i) => i.record),
    ),
    null,
    2,
  )}\n`;
}

/**
 * What a jsonl report already holds: the inputs of its complete lines, and the byte length of
 * those lines (a line cut off by a crash is dropped, so appending starts on a clean line).
 */
export function finishedInputs(text: string): { inputs: Set<string>; keep: number } {
  const inputs = new Set<string>();
  let keep = 0;
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    const line = text.slice(at, nl);
    try {
      const rec = JSON.parse(line) as Partial<AuditRecord>;
      if (typeof rec.input === 'string') inputs.add(rec.input);
    } catch {
      break; // a torn line: everything from here on is rewritten
    }
    at = nl + 1;
    keep = Buffer.byteLength(text.slice(0, at));
  }
  return { inputs, keep };
}

async function readInputs(opts: AuditOptions): Promise<AuditInput[]> {
  if (opts.inputFile === null) return opts.inputs;
  let text: string;
  if (opts.inputFile === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    try {
      text = await readFile(opts.inputFile, 'utf8');
    } catch (err) {
      throw new UsageError(
        `--input ${opts.inputFile}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message}`,
      );
    }
  }
  return [...opts.inputs, ...parseInputList(text, opts.inputFile === '-' ? 'stdin' : opts.inputFile)];
}

/** Where finished records go: appended line by line (jsonl), or kept for one document at the end. */
interface Sink {
  item(item: BatchItem): void;
  /** write the document (json, csv) of what finished; returns where it went */
  end(items: readonly BatchItem[]): void;
}

function openSink(opts: AuditOptions, resumeKeep: number | null): Sink {
  const outFd = opts.out ? openSync(resolve(opts.out), resumeKeep !== null ? 'r+' : 'w') : 1;
  if (opts.out && resumeKeep !== null) ftruncateSync(outFd, resumeKeep);
  let position = resumeKeep ?? 0;
  // writeSync: a record is on disk (or in the pipe) before the next page starts, so a crash or
  // Ctrl+C loses nothing that finished.
  const write = (text: string) => {
    const buf = Buffer.from(text);
    let off = 0;
    while (off < buf.length) {
      const n = opts.out ? writeSync(outFd, buf, off, buf.length - off, position) : writeSync(outFd, buf, off, buf.length - off);
      off += n;
      position += n;
    }
  };
  return {
    item: (item) => {
      if (opts.format === 'jsonl') write(`${JSON.stringify(item.record)}\n`);
    },
    end: (items) => {
      if (opts.format !== 'jsonl') write(render(items, opts.format));
      if (opts.out) closeSync(outFd);
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  // The owner audit (issue 12) has its own arguments and output: scripts/lib/owner.ts.
  if (isSiteAudit(argv)) return siteMain(argv, { version: VERSION, log });
  let opts: AuditOptions;
  let inputs: AuditInput[];
  try {
    opts = parseAuditArgs(argv);
    if (opts.help) {
      process.stdout.write(`${AUDIT_USAGE}\n`);
      return EXIT.ok;
    }
    inputs = shardOf(await readInputs(opts), opts.shard);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    log(`error: ${err.message}\nRun with --help for every option.`);
    return EXIT.usage;
  }
  const total = inputs.length;
  if (opts.shard) log(`shard ${opts.shard.index}/${opts.shard.count}: ${countOf(total, 'input')}`);

  let resumeKeep: number | null = null;
  if (opts.resume && opts.out && existsSync(resolve(opts.out))) {
    const { inputs: finished, keep } = finishedInputs(readFileSync(resolve(opts.out), 'utf8'));
    resumeKeep = keep;
    const before = inputs.length;
    inputs = inputs.filter((i) => !finished.has(i.input));
    log(`--resume: ${countOf(before - inputs.length, 'input')} already in ${opts.out}, ${inputs.length} to go`);
  }

  const browser = findBrowser(undefined, opts.browser);
  if (!browser.found) {
    log(`error: ${noBrowserMessage(process.platform, browser.skipped)}`);
    return EXIT.environment;
  }
  const found = browser.found;
  // Firefox is named on stderr: its audits come from the extension's Firefox build.
  if (found.family === 'firefox') log(`browser: ${found.name} (${found.path}), the extension's Firefox build`);
  const dist = distLocation(opts.dist);

  if (opts.out) await mkdir(dirname(resolve(opts.out)), { recursive: true });
  let sink: Sink;
  try {
    sink = openSink(opts, resumeKeep);
  } catch (err) {
    log(`error: cannot write ${opts.out}: ${(err as Error).message}`);
    return EXIT.environment;
  }

  const progress = new Progress(process.stderr, inputs.length);
  const batch = runBatch(inputs, {
    dist: buildFor(dist, found.family),
    browser: found,
    concurrency: opts.concurrency,
    timeout: opts.timeout,
    settle: opts.settle,
    live: opts.live,
    asOf: opts.asOf,
    noSandbox: opts.noSandbox,
    handleSignals: false,
    log: (line) => progress.note(line),
    prepare: () => ensureBuilt(dist, (line) => progress.note(line), found.family),
    onItem: (item) => {
      sink.item(item);
      progress.done(item);
    },
  });

  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(EXIT.interrupted);
    interrupted = true;
    progress.note(`${signal}: stopping; the pages already finished stay in the report (Ctrl+C again to quit at once)`);
    void batch.stop();
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);

  let items: BatchItem[];
  try {
    items = await batch.done;
  } catch (err) {
    progress.finish();
    if (interrupted) {
      items = [];
    } else {
      const message =
        err instanceof BuildError
          ? err.message
          : `the browser could not be started or used: ${(err as Error).message.split('\n')[0]}`;
      log(`error: ${message}`);
      sink.end([]);
      return EXIT.environment;
    }
  } finally {
    for (const s of signals) process.off(s, onSignal);
  }
  progress.finish();
  sink.end(items);
  const failed = items.filter((i) => i.record.error).length;
  if (opts.out) log(`wrote ${resolve(opts.out)}`);
  if (interrupted) {
    log(`interrupted: ${items.length} of ${countOf(inputs.length, 'page')} finished and written`);
    return EXIT.interrupted;
  }
  if (failed) log(`${failed} of ${countOf(items.length, 'input')} failed (see "error")`);
  return failed ? EXIT.someFailed : EXIT.ok;
}
