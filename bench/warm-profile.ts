// Where does a warm audit spend its time?
//   node --import tsx bench/warm-profile.ts [blog|timeline|other] [elements] [detect|audit]
// builds the engine unminified (real function names), loads a generated page in headless Chromium,
// runs the call once to warm it up, then three times under the V8 CPU profiler (CDP Profiler,
// 100 µs) and prints the functions by self time and by total time (self + callees), with their
// source file. For what a page load really pays (cold, in the built extension), see
// bench/cold-profile.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain, UsageError, wholeNumber } from './lib/args.ts';
import { launchPlain } from './lib/chromium.ts';
import { buildBundle } from './lib/build.ts';
import { type CpuProfile, type CallFrame, addTo, addToEach, forEachSample, frameKey, topLines } from './lib/cpu-profile.ts';
import { type EngineWindow, inPage } from './lib/in-page.ts';
import { GENERATED_KINDS, GENERATED_URLS, GENERATORS, type GeneratedKind, isGeneratedKind } from './pages.ts';

const USAGE = `Usage: node --import tsx bench/warm-profile.ts [kind] [elements] [call]
  kind       ${GENERATED_KINDS.join(' | ')} (default timeline)
  elements   the generated page's element count (default 50000)
  call       detect | audit (default audit)`;

type Call = 'detect' | 'audit';

function parseArgs(argv: readonly string[]): { kind: GeneratedKind; size: number; call: Call } {
  const [kind = 'timeline', size = '50000', call = 'audit', ...rest] = argv;
  if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}`);
  if (!isGeneratedKind(kind)) throw new UsageError(`the kind is one of ${GENERATED_KINDS.join(', ')}, got "${kind}"`);
  if (call !== 'detect' && call !== 'audit') throw new UsageError(`the call is detect or audit, got "${call}"`);
  return { kind, size: wholeNumber('elements', size, 1), call };
}

/** ms per call of three profiled calls, after one warm-up call (the profile shows steady-state code, not compilation). */
async function profileCalls(
  engine: string,
  html: string,
  href: string,
  call: Call,
): Promise<{ ms: number; profile: CpuProfile }> {
  const browser = await launchPlain();
  try {
    const page = await browser.newPage();
    await page.route('**/*', (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(href);
    await page.addScriptTag({ path: engine });
    const calls = inPage(({ href, call, n }: { href: string; call: Call; n: number }) => {
      const B = (window as unknown as EngineWindow).HowSocialBench;
      const t = performance.now();
      for (let i = 0; i < n; i++) {
        if (call === 'detect') B.detect(document, href);
        else B.audit(document, href);
      }
      return (performance.now() - t) / n;
    });
    await page.evaluate(calls, { href, call, n: 1 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const ms = await page.evaluate(calls, { href, call, n: 3 });
    const { profile } = await cdp.send('Profiler.stop');
    return { ms, profile };
  } finally {
    await browser.close();
  }
}

const keyOf = (frame: CallFrame) => frameKey(frame, frame.url.split('/').pop() ?? '');

async function main(): Promise<void> {
  const { kind, size, call } = parseArgs(process.argv.slice(2));
  const out = mkdtempSync(join(tmpdir(), 'howsocial-profile-'));
  const engine = await buildBundle(out, 'engine', { minify: false });
  const { ms, profile } = await profileCalls(engine, GENERATORS[kind](size), GENERATED_URLS[kind], call);
  // The unminified bundle stays for looking up the lines named below.
  console.log(`bundle: ${engine}`);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  forEachSample(profile, (stack, us) => {
    if (stack.length) addTo(self, keyOf(stack[0]), us / 1000);
    addToEach(total, stack.map(keyOf), us / 1000);
  });
  console.log(
    `${kind}-${size} ${call}: ${ms.toFixed(1)} ms per call (3 calls profiled)\n\nself time:\n${topLines(self, 15)}\n\ntotal time:\n${topLines(total, 15)}`,
  );
}

runMain(main, USAGE);
