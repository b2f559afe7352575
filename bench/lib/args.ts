// Command-line reading shared by the bench tools (run, cold-profile, warm-profile): `--name value`
// or `--name=value`, flags without a value, and a clear message (exit 2) for anything else.

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ArgSpec {
  /** options that take a value */
  values: readonly string[];
  /** options that take none */
  flags: readonly string[];
}

export interface Args {
  flag(name: string): boolean;
  value(name: string): string | undefined;
  /** a whole number ≥ min, or undefined when the option is absent */
  int(name: string, min: number): number | undefined;
}

/** Reads argv against the spec; throws a UsageError for an unknown option or a missing value. */
export function readArgs(argv: readonly string[], spec: ArgSpec): Args {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = splitOption(argv[i]);
    if (spec.flags.includes(name) && inline === undefined) flags.add(name);
    else if (spec.values.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      values.set(name, v);
    } else throw new UsageError(`unknown option ${argv[i]}`);
  }
  const int = (name: string, min: number) => {
    const v = values.get(name);
    if (v === undefined) return undefined;
    return wholeNumber(`--${name}`, v, min);
  };
  return { flag: (name) => flags.has(name), value: (name) => values.get(name), int };
}

function splitOption(arg: string): [string, string | undefined] {
  if (!arg.startsWith('--')) throw new UsageError(`unexpected argument ${arg} (options start with --)`);
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg.slice(2), undefined] : [arg.slice(2, eq), arg.slice(eq + 1)];
}

export function wholeNumber(what: string, v: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${what} needs a whole number ≥ ${min}, got "${v}"`);
  return n;
}

/**
 * Runs a tool's main: a UsageError prints its message and the usage (exit 2), any other error its
 * stack (exit 1).
 */
export function runMain(main: () => Promise<void>, usage: string): void {
  main().catch((err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${usage}`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  });
}
