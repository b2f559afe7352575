import { describe, expect, it } from 'vitest';
import { UsageError } from '../../bench/lib/args.ts';
import { addTo, addToEach, type CpuProfile, forEachSample, frameKey, selfTimeOf, topLines } from '../../bench/lib/cpu-profile.ts';
import { inPage } from '../../bench/lib/in-page.ts';
import { PARTS, parseRunArgs, runsFor } from '../../bench/lib/options.ts';

/** The bench's own plumbing: its options, CPU-profile sums and the check on code sent into pages. */
const ROOT = '/repo';

describe('bench options (npm run bench)', () => {
  it('a full run by default; --smoke the smallest size and few repetitions', () => {
    const full = parseRunArgs([], ROOT);
    expect(full).toMatchObject({ smoke: false, sizes: [1000, 10_000, 50_000, 200_000], dist: null, coldRuns: 5 });
    expect([...full.parts]).toEqual([...PARTS]);
    expect(full.out).toBe('/repo/bench/results/latest.json');
    expect(full.realPages).toBe('/shared/real-pages');
    expect(parseRunArgs(['--smoke'], ROOT)).toMatchObject({
      sizes: [1000],
      popupAudits: 200,
      csvFindings: 2000,
      popupRuns: 2,
      csvRuns: 1,
      longTaskRuns: 1,
      coldRuns: 1,
    });
    expect(runsFor({ smoke: false }, 200_000)).toBe(10);
    expect(runsFor({ smoke: false }, 1000)).toBe(60);
    expect(runsFor({ smoke: true }, 1000)).toBe(5);
  });

  it('takes --name value and --name=value', () => {
    const o = parseRunArgs(['--only=cold,csv', '--sizes', '50000', '--dist', '/tmp/x', '--cold-runs=3', '--out', 'o.json'], ROOT);
    expect([...o.parts]).toEqual(['cold', 'csv']);
    expect(o).toMatchObject({ sizes: [50_000], dist: '/tmp/x', coldRuns: 3, out: 'o.json' });
  });

  it('says what is wrong with an option instead of measuring something else', () => {
    const fails = (argv: string[]) => () => parseRunArgs(argv, ROOT);
    expect(fails(['--only', 'audits'])).toThrow(
      new UsageError('--only takes audit, cold, csv, longtask, popup (comma-separated); got audits'),
    );
    expect(fails(['--sizes', '10k'])).toThrow(new UsageError('--sizes needs a whole number ≥ 1, got "10k"'));
    expect(fails(['--cold-runs', '0'])).toThrow(UsageError);
    expect(fails(['--sizes'])).toThrow(new UsageError('--sizes needs a value'));
    expect(fails(['--dist', '--smoke'])).toThrow(new UsageError('--dist needs a value'));
    expect(fails(['--size', '1000'])).toThrow(new UsageError('unknown option --size'));
    expect(fails(['--smoke=yes'])).toThrow(new UsageError('unknown option --smoke=yes'));
    expect(fails(['smoke'])).toThrow(new UsageError('unexpected argument smoke (options start with --)'));
  });
});

/**
 * A V8 CPU profile as CDP `Profiler.stop` returns it: a call tree of nodes, the top node of each
 * sample, and the µs before each sample. Here the extension's `read` calls `squash`, which calls
 * `read` again (recursion) and a native `querySelectorAll`.
 */
const EXT = 'chrome-extension://abcdefghijklmnop/';
const frame = (functionName: string, url: string, lineNumber: number) => ({
  functionName,
  url,
  lineNumber,
  scriptId: '1',
  columnNumber: 0,
});
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', '', -1), children: [2, 6] },
    { id: 2, callFrame: frame('read', `${EXT}content-blog.js`, 9), children: [3] },
    { id: 3, callFrame: frame('squash', `${EXT}content-blog.js`, 27), children: [4, 5] },
    { id: 4, callFrame: frame('read', `${EXT}content-blog.js`, 9) },
    { id: 5, callFrame: frame('querySelectorAll', '', -1) },
    { id: 6, callFrame: frame('(program)', '', -1) },
  ],
  samples: [2, 3, 4, 5, 6],
  timeDeltas: [10, 100, 200, 300, 400],
};

describe('bench CPU profiles', () => {
  it("self time of the extension's frames: each sample stands for the interval after it", () => {
    // read 100 + squash 200 + read 300 µs; the native call and (program) are not the extension's
    expect(selfTimeOf(profile, EXT)).toBe(0.6);
    expect(selfTimeOf(profile, 'chrome-extension://other/')).toBe(0);
  });

  it('inclusive time counts a function once per sample, however often it is on the stack', () => {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    forEachSample(profile, (stack, us) => {
      addTo(self, frameKey(stack[0], 'f'), us);
      addToEach(
        inclusive,
        stack.map((f) => frameKey(f, 'f')),
        us,
      );
    });
    expect(Object.fromEntries(inclusive)).toEqual({
      'read f:10': 100 + 200 + 300 + 400,
      'squash f:28': 200 + 300 + 400,
      'querySelectorAll f:0': 400,
      // the last sample has no interval after it: it takes its own
      '(program) f:0': 400,
      '(root) f:0': 1400,
    });
    expect(self.get('read f:10')).toBe(400);
    expect(topLines(self, 2, 2)).toBe('    200.00 ms  read f:10\n    200.00 ms  querySelectorAll f:0');
    expect(topLines(new Map(), 5)).toBe('  (none)');
  });
});

describe('bench: functions sent into a page', () => {
  it("refuses a function that carries tsx's __name helper, which the page lacks", () => {
    // what esbuild's keepNames makes of `(x) => { const f = () => x; return f(); }`
    const compiled = new Function('x', 'const f = __name(() => x, "f"); return f();') as (x: number) => number;
    expect(() => inPage(compiled)).toThrow(/named inner function/);
    const plain = (x: number) => x + 1;
    expect(inPage(plain)).toBe(plain);
  });
});
