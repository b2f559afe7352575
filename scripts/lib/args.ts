// Argument parsing for `howsocial audit`, kept apart from the browser code so it is unit-tested.
import { countOf } from './messages.ts';
import { availableParallelism } from 'node:os';

export const AUDIT_USAGE = `Usage: howsocial audit [options] <url-or-file>...
       howsocial audit [options] --input LIST      (npm run audit -- … works too)

Audits each input with the built extension in a headless browser and writes the report to
stdout (or --out). Saved files are audited offline; of a URL only its document is fetched
unless --live.

Inputs
  <url-or-file>       an http(s) URL, or a saved HTML file
  --input FILE        read inputs from FILE, one a line ("-" = stdin); a line may name a file's
                      original URL after a tab; blank lines and lines starting with # are skipped
  --url URL           the original URL of a saved file (the k-th --url belongs to the k-th file);
                      else the file's canonical link, og:url, the saving tool's comment
                      (SingleFile, "saved from url"), else a localhost URL
  --shard I/N         audit only the I-th of N interleaved slices of the inputs (1 ≤ I ≤ N), so
                      N machines or jobs share one list; the N shards cover it exactly once

Output
  --format F          json (one document, default), jsonl (one line per page, written as each
                      page finishes) or csv (UTF-8 with BOM); csv/jsonl when --out ends so
  --out FILE, -o      write the report to FILE instead of stdout
  --resume            with --out FILE in jsonl: keep FILE's finished lines, audit only the rest

Judging
  --as-of DATE        judge time-dependent rules (stale) as of DATE (YYYY-MM-DD or ISO time);
                      default for a saved file: the date it was saved (SingleFile comment), else
                      today. The report says which date each page was judged at ("asOf")
  --live              let pages load their resources and scripts from the network (comment
                      embeds, timelines) and audit once they settle. Without it a URL's document
                      alone is fetched (nothing else leaves the machine) and saved files are
                      audited fully offline
  --settle MS         the longest wait for a live page to settle (default 10000)
  --timeout MS        the longest wait for one page's audit (default 30000)

Browser
  --concurrency N     pages audited at once in one browser (default: ${defaultConcurrency()}, from the CPU count)
  --browser B         chromium, firefox (with the extension's Firefox build), or a browser's
                      path (default: a Chromium-family browser found here, else Firefox)
  --dist DIR          the unpacked extension build to load: DIR/chrome or DIR itself
                      (built there first when missing; default $HOWSOCIAL_DIST or dist)
  --no-sandbox        run the browser without its sandbox (done anyway when running as root)
  --help, -h          this text

Standard output carries the report only; progress, build logs and warnings go to stderr.
Exit codes: 0 every input audited · 1 one or more inputs failed (each says why in "error") ·
2 wrong arguments · 3 no browser, build failed or the output cannot be written · 130 interrupted.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export type Format = 'json' | 'jsonl' | 'csv';
const FORMATS: ReadonlySet<string> = new Set(['json', 'jsonl', 'csv']);

export interface AuditInput {
  input: string;
  isUrl: boolean;
  /** the original URL of a saved file (--url or the list's second column) */
  url: string | null;
}

export interface AuditOptions {
  help: boolean;
  inputs: AuditInput[];
  /** --input FILE ('-' = stdin), read by the caller */
  inputFile: string | null;
  format: Format;
  out: string | null;
  resume: boolean;
  timeout: number;
  settle: number;
  dist: string | null;
  /** epoch ms, or null: each page's own save date, else now */
  asOf: number | null;
  live: boolean;
  concurrency: number;
  shard: { index: number; count: number } | null;
  browser: string | null;
  noSandbox: boolean;
}

/** Pages in parallel by default: one per core, at most 4 (the benchmark's best on 2 cores is 2–4). */
export function defaultConcurrency(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores));
}

export function isUrlInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** A URL we can navigate to: absolute http(s), no credentials. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * --as-of: a calendar day (taken as 00:00 UTC, so the same day gives the same verdicts in every
 * time zone) or a full ISO 8601 time.
 */
export function parseAsOf(value: string): number {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const t = day
    ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))
    : /^\d{4}-\d{2}-\d{2}T/.test(value)
      ? Date.parse(value)
      : Number.NaN;
  // Date.UTC rolls 2023-02-29 over to March 1 and month 13 into the next year: such a day does not exist.
  if (!Number.isFinite(t) || (day && new Date(t).toISOString().slice(0, 10) !== value)) {
    throw new UsageError(`--as-of needs a date like 2024-05-31 or 2024-05-31T12:00:00Z, got "${value}"`);
  }
  return t;
}

export function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : 0;
  const count = m ? Number(m[2]) : 0;
  if (!m || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard needs I/N with 1 ≤ I ≤ N, e.g. 1/4, got "${value}"`);
  return { index, count };
}

/** The inputs of one shard: every N-th, starting at the I-th (stable: the list's order decides). */
export function shardOf<T>(items: readonly T[], shard: { index: number; count: number } | null): T[] {
  if (!shard) return [...items];
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}

/**
 * Lines of an --input list: "input" or "file<TAB>original-url"; blank lines and # comments
 * skipped. Throws a UsageError naming the line for a bad original URL.
 */
export function parseInputList(text: string, name = '--input'): AuditInput[] {
  const out: AuditInput[] = [];
  for (const [n, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [input, url = null] = line.split('\t').map((s) => s.trim());
    if (isUrlInput(input)) {
      if (!isHttpUrl(input)) throw new UsageError(`${name} line ${n + 1}: not a valid URL: ${input}`);
      out.push({ input, isUrl: true, url: input });
    } else {
      if (url !== null && !isHttpUrl(url))
        throw new UsageError(`${name} line ${n + 1}: the original URL needs to be absolute http(s): ${url}`);
      out.push({ input, isUrl: false, url });
    }
  }
  return out;
}

function positiveInt(arg: string, v: string, min: number, what: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${arg} needs ${what}, got "${v}"`);
  return n;
}

/** @param argv process.argv.slice(2) without the subcommand */
export function parseAuditArgs(argv: string[]): AuditOptions {
  const opts: AuditOptions = {
    help: false,
    inputs: [],
    inputFile: null,
    format: 'json',
    out: null,
    resume: false,
    timeout: 30_000,
    settle: 10_000,
    dist: null,
    asOf: null,
    live: false,
    concurrency: defaultConcurrency(),
    shard: null,
    browser: null,
    noSandbox: false,
  };
  // Asking for help never fails, whatever else is on the line.
  const end = argv.indexOf('--');
  if ((end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h')) return { ...opts, help: true };
  const urls: string[] = [];
  const raw: string[] = [];
  let formatGiven = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | null = null;
    // --name=value is accepted as well as --name value
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const value = (): string => {
      if (inline !== null) return inline;
      const next = argv[++i];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    const flag = () => {
      if (inline !== null) throw new UsageError(`${arg} takes no value`);
    };
    switch (arg) {
      case '--format':
      case '-f': {
        const f = value().toLowerCase();
        if (!FORMATS.has(f)) throw new UsageError(`unknown format "${f}" (json, jsonl or csv)`);
        opts.format = f as Format;
        formatGiven = true;
        break;
      }
      case '--out':
      case '-o':
        opts.out = value();
        break;
      case '--input':
      case '-i':
        if (opts.inputFile !== null) throw new UsageError('give --input once');
        opts.inputFile = value();
        break;
      case '--url': {
        const u = value();
        if (!isHttpUrl(u)) throw new UsageError(`--url needs an absolute http(s) URL, got "${u}"`);
        urls.push(u);
        break;
      }
      case '--timeout':
        opts.timeout = positiveInt(arg, value(), 100, 'a number of milliseconds ≥ 100');
        break;
      case '--settle':
        opts.settle = positiveInt(arg, value(), 0, 'a number of milliseconds ≥ 0');
        break;
      case '--concurrency':
      case '-j':
        opts.concurrency = positiveInt(arg, value(), 1, 'a whole number ≥ 1');
        break;
      case '--shard':
        opts.shard = parseShard(value());
        break;
      case '--as-of':
        opts.asOf = parseAsOf(value());
        break;
      case '--dist':
        opts.dist = value();
        break;
      case '--browser':
        opts.browser = value();
        break;
      case '--live':
        flag();
        opts.live = true;
        break;
      case '--resume':
        flag();
        opts.resume = true;
        break;
      case '--no-sandbox':
        flag();
        opts.noSandbox = true;
        break;
      case '--':
        raw.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} (see --help)`);
        raw.push(argv[i]);
    }
  }
  // `--out audits.csv` alone means CSV: the file name already says what the user wants.
  if (!formatGiven && opts.out && /\.csv$/i.test(opts.out)) opts.format = 'csv';
  if (!formatGiven && opts.out && /\.jsonl$/i.test(opts.out)) opts.format = 'jsonl';
  if (raw.length === 0 && opts.inputFile === null)
    throw new UsageError('no input: give at least one URL or HTML file, or --input FILE');
  if (opts.resume && (!opts.out || opts.format !== 'jsonl')) {
    throw new UsageError('--resume needs --out FILE in jsonl format (the finished pages are read back from it)');
  }
  const files = raw.filter((r) => !isUrlInput(r));
  if (urls.length > files.length) {
    throw new UsageError(
      `${urls.length} --url given for ${countOf(files.length, 'file input')}: --url names the original URL of a saved file`,
    );
  }
  let k = 0;
  for (const input of raw) {
    if (isUrlInput(input)) {
      if (!isHttpUrl(input)) throw new UsageError(`not a valid URL: ${input}`);
      opts.inputs.push({ input, isUrl: true, url: input });
    } else {
      opts.inputs.push({ input, isUrl: false, url: urls[k++] ?? null });
    }
  }
  return opts;
}

/**
 * The options `parse` reads from the command line, or the end of the process: the usage on stdout
 * for --help (exit 0), the error and the usage on stderr for wrong arguments (exit 2).
 */
export function optionsOrExit<T extends { help?: boolean }>(
  parse: (argv: string[]) => T,
  usage: string,
  argv = process.argv.slice(2),
): T {
  let opts: T;
  try {
    opts = parse(argv);
  } catch (err) {
    console.error(`error: ${(err as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(usage);
    process.exit(0);
  }
  return opts;
}
