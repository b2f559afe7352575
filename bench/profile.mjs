// Where does an audit spend its time? `node bench/profile.mjs [blog|timeline|other] [elements] [detect|audit]`
// builds the engine unminified (real function names), loads a generated page in headless Chromium,
// runs the call under the V8 CPU profiler (CDP Profiler) and prints the functions by self time
// and by total time (self + callees), with their source file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/lib/chromium.ts';
import { GENERATORS } from './pages.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [kind = 'timeline', size = '50000', what = 'audit'] = process.argv.slice(2);
const URLS = {
  blog: 'https://blog.example/2026/10/dialog/',
  timeline: 'https://x.com/benchacct',
  other: 'https://shop.example/produkte/',
};

const out = mkdtempSync(join(tmpdir(), 'howsocial-profile-'));
await build({
  configFile: false,
  root: ROOT,
  logLevel: 'warn',
  build: {
    outDir: out,
    minify: false,
    target: 'es2022',
    lib: { entry: join(ROOT, 'bench/engine-entry.ts'), formats: ['iife'], name: 'HowSocialBench', fileName: () => 'engine.js' },
  },
});
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_FLAGS, '--headless=new'],
  headless: false,
});
const page = await browser.newPage();
const html = GENERATORS[kind](Number(size));
await page.route('**/*', (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
await page.goto(URLS[kind]);
await page.addScriptTag({ path: join(out, 'engine.js') });
const href = URLS[kind];
// One warm-up call so the profile shows steady-state code, not compilation.
await page.evaluate(
  ([h, w]) => (w === 'detect' ? window.HowSocialBench.detect(document, h) : window.HowSocialBench.audit(document, h)),
  [href, what],
);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const ms = await page.evaluate(
  ([h, w]) => {
    const t = performance.now();
    for (let i = 0; i < 3; i++)
      w === 'detect' ? window.HowSocialBench.detect(document, h) : window.HowSocialBench.audit(document, h);
    return (performance.now() - t) / 3;
  },
  [href, what],
);
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
// The unminified bundle stays for looking up the lines named below.
console.log(`bundle: ${join(out, 'engine.js')}`);

// Self time per node from the samples; total time = self time of the node and its subtree.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0) / 1000);
const totalOf = (n) => (self.get(n.id) ?? 0) + (n.children ?? []).reduce((s, c) => s + totalOf(byId.get(c)), 0);
const key = (n) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
const selfBy = new Map();
const totalBy = new Map();
for (const n of profile.nodes) {
  selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + (self.get(n.id) ?? 0));
  totalBy.set(key(n), Math.max(totalBy.get(key(n)) ?? 0, totalOf(n)));
}
const top = (m) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([k, v]) => `${v.toFixed(1).padStart(9)} ms  ${k}`)
    .join('\n');
console.log(
  `${kind}-${size} ${what}: ${ms.toFixed(1)} ms per call (3 calls profiled)\n\nself time:\n${top(selfBy)}\n\ntotal time:\n${top(totalBy)}`,
);
