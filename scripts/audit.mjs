#!/usr/bin/env node
// `npm run audit -- <url-or-file>... [--format json|csv] [--out F] [--url ORIGINAL_URL]`
// Batch audit with the built extension in headless Chromium (issue 2, item 6).
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AUDIT_USAGE, parseAuditArgs, UsageError } from './lib/args.mjs';
import { createAuditor, distChromeDir, ensureBuilt, resolveInput } from './lib/auditor.mjs';
import { loadMessages, ROOT } from './lib/messages.mjs';
import { isSiteAudit, siteMain } from './lib/owner.mjs';
import { auditRecord, auditReport, csvRows, NO_AUDIT, toCsv } from './lib/shape.mjs';

const log = (line) => process.stderr.write(`${line}\n`);

export const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

/**
 * Audit every input with one browser, one after another. Never throws for one bad input: its
 * record carries the error and the rest continue.
 * @returns {Promise<{ record: object, audit: object | null }[]>}
 */
export async function auditAll(inputs, { dist = null, timeout = 15_000 } = {}) {
  // Read every file first: a run where nothing can be loaded never needs a browser.
  const targets = await Promise.all(
    inputs.map((spec) =>
      resolveInput(spec).then(
        (target) => ({ target }),
        (err) => ({ error: readError(err) }),
      ),
    ),
  );
  const items = [];
  let auditor = null;
  try {
    for (const [i, spec] of inputs.entries()) {
      const n = `[${i + 1}/${inputs.length}]`;
      const { target, error } = targets[i];
      if (error) {
        log(`${n} ${spec.input}: error: ${error}`);
        items.push({ record: auditRecord({ input: spec.input, url: spec.url, error }), audit: null });
        continue;
      }
      if (!auditor) {
        const dir = distChromeDir(dist);
        ensureBuilt(dir, log);
        auditor = await createAuditor({ dist: dir, timeout, log });
      }
      const via = target.source === 'url' ? '' : ` as ${target.url} (${target.source})`;
      log(`${n} ${spec.input}${via} …`);
      const result = await auditor.audit(target);
      const record = auditRecord({ input: spec.input, url: result.url, audit: result.audit, error: result.error });
      if (result.error) log(`${n}   error: ${result.error}`);
      // A timeout is not a verdict: say so, the build may be stale or the page may never settle.
      else if (result.timedOut) log(`${n}   ${NO_AUDIT}? no answer from the extension within ${timeout} ms`);
      else if (!result.audit) log(`${n}   ${NO_AUDIT} (${result.ms} ms)`);
      else log(`${n}   ${record.kind}/${record.platform}: score ${record.score ?? '–'} (${record.band}), ${result.ms} ms`);
      items.push({ record, audit: result.audit });
    }
  } finally {
    await auditor?.close();
  }
  return items;
}

function readError(err) {
  return err.code === 'ENOENT' ? 'file not found' : err.code === 'EISDIR' ? 'is a directory, not an HTML file' : err.message;
}

export function render(items, format) {
  if (format === 'csv') return toCsv(csvRows(items, loadMessages('en')));
  return `${JSON.stringify(
    auditReport(
      VERSION,
      items.map((i) => i.record),
    ),
    null,
    2,
  )}\n`;
}

async function main(argv) {
  // The owner audit (issue 12) has its own arguments and output: scripts/lib/owner.mjs.
  if (isSiteAudit(argv)) return siteMain(argv, { version: VERSION, log });
  let opts;
  try {
    opts = parseAuditArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    log(`error: ${err.message}\n\n${AUDIT_USAGE}`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${AUDIT_USAGE}\n`);
    return 0;
  }
  const items = await auditAll(opts.inputs, { dist: opts.dist, timeout: opts.timeout });
  const text = render(items, opts.format);
  if (opts.out) {
    const out = resolve(opts.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, text);
    log(`wrote ${out}`);
  } else {
    process.stdout.write(text);
  }
  const failed = items.filter((i) => i.record.error).length;
  if (failed) log(`${failed} of ${items.length} input(s) failed`);
  return failed === items.length ? 1 : 0;
}

// Run as a command, not when imported (eval.mjs imports auditAll).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      log(`error: ${err.stack ?? err.message}`);
      process.exitCode = 1;
    },
  );
}
