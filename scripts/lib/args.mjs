// Argument parsing for `npm run audit`, kept apart from the browser code so it is unit-tested.

export const AUDIT_USAGE = `Usage: npm run audit -- <url-or-file>... [--format json|csv] [--out FILE] [--url ORIGINAL_URL]...

Audits each input with the built extension (dist/chrome) in headless Chromium, offline.
  <url-or-file>     an http(s) URL, or a saved HTML file
  --format F        json or csv (UTF-8 with BOM, comma); default json, csv when --out ends in .csv
  --out FILE, -o    write the result to FILE instead of stdout
  --url URL         the original URL of a saved file (the k-th --url belongs to the k-th file);
                    without it: the file's <link rel=canonical>, else og:url, else a localhost URL
  --timeout MS      how long to wait for an audit per page (default 15000)
  --dist DIR        the unpacked Chrome build to load (default $HOWSOCIAL_DIST/chrome or dist/chrome)
  --help, -h        this text

Progress goes to stderr. Exit code 0 unless every input failed (1) or the arguments are wrong (2).`;

export class UsageError extends Error {
  name = 'UsageError';
}

const FORMATS = new Set(['json', 'csv']);

export function isUrlInput(input) {
  return /^https?:\/\//i.test(input);
}

/** A URL we can navigate to: absolute http(s), no credentials. */
export function isHttpUrl(value) {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * @param {string[]} argv process.argv.slice(2)
 * @returns {{ help: boolean, inputs: { input: string, isUrl: boolean, url: string | null }[],
 *   format: 'json' | 'csv', out: string | null, timeout: number, dist: string | null }}
 */
export function parseAuditArgs(argv) {
  const opts = { help: false, inputs: [], format: 'json', out: null, timeout: 15_000, dist: null };
  // Asking for help never fails, whatever else is on the line.
  const end = argv.indexOf('--');
  if ((end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h')) return { ...opts, help: true };
  const urls = [];
  const raw = [];
  let formatGiven = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline = null;
    // --name=value is accepted as well as --name value
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const value = () => {
      if (inline !== null) return inline;
      const next = argv[++i];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '--help':
      case '-h':
        opts.help = true;
        break;
      case '--format':
      case '-f': {
        const f = value().toLowerCase();
        if (!FORMATS.has(f)) throw new UsageError(`unknown format "${f}" (json or csv)`);
        opts.format = f;
        formatGiven = true;
        break;
      }
      case '--out':
      case '-o':
        opts.out = value();
        break;
      case '--url': {
        const u = value();
        if (!isHttpUrl(u)) throw new UsageError(`--url needs an absolute http(s) URL, got "${u}"`);
        urls.push(u);
        break;
      }
      case '--timeout': {
        const t = Number(value());
        if (!Number.isFinite(t) || t < 100) throw new UsageError('--timeout needs a number of milliseconds ≥ 100');
        opts.timeout = t;
        break;
      }
      case '--dist':
        opts.dist = value();
        break;
      case '--':
        raw.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        raw.push(argv[i]);
    }
  }
  if (opts.help) return opts;
  // `--out audits.csv` alone means CSV: the file name already says what the user wants.
  if (!formatGiven && opts.out && /\.csv$/i.test(opts.out)) opts.format = 'csv';
  if (raw.length === 0) throw new UsageError('no input: give at least one URL or HTML file');
  const files = raw.filter((r) => !isUrlInput(r));
  if (urls.length > files.length) {
    throw new UsageError(
      `${urls.length} --url given for ${files.length} file input(s): --url names the original URL of a saved file`,
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
 * @template T
 * @param {(argv: string[]) => T & { help?: boolean }} parse
 * @param {string} usage
 * @returns {T}
 */
export function optionsOrExit(parse, usage, argv = process.argv.slice(2)) {
  let opts;
  try {
    opts = parse(argv);
  } catch (err) {
    console.error(`error: ${err.message}\n\n${usage}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(usage);
    process.exit(0);
  }
  return opts;
}
