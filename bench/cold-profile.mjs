// @ts-nocheck
// scratch: where does a cold page load's extension time go? node --import tsx bench/cold-profile.mjs DIST page.html [runs]
import { readFileSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { launchWithExtension } from '../scripts/lib/chromium.ts';
import { realPages, selfTimeOf } from './cold.mjs';

const [dist, pageArg, runsArg = '5'] = process.argv.slice(2);
const all = realPages(resolve('../shared/real-pages'));
import { GENERATORS } from './pages.mjs';
const GEN_URLS = { blog: 'https://blog.example/2026/10/dialog/', timeline: 'https://x.com/benchacct', other: 'https://shop.example/produkte/' };
const pages = pageArg.startsWith('gen:')
  ? [(([, k, n]) => ({ name: `${k}-${n}`, url: GEN_URLS[k], kind: k, html: GENERATORS[k](Number(n)) }))(pageArg.split(':'))]
  : all.filter((p) => p.name.includes(pageArg));
const ext = await launchWithExtension(join(dist, 'chrome'), { timeout: 30_000 });
const prefix = `chrome-extension://${ext.extensionId}/`;
const bodies = new Map(pages.map((p) => [p.url.replace(/#.*$/, ''), p.html]));
await ext.context.route(/^https?:/, (route) => {
  const body = bodies.get(route.request().url().replace(/#.*$/, ''));
  if (body === undefined || !route.request().isNavigationRequest()) return route.abort('blockedbyclient');
  return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
});
for (const p of pages) {
  const agg = new Map();
  const byScript = new Map();
  const incl = new Map();
  const leaf = new Map();
  const under = new Map();
  const totals = [];
  for (let r = 0; r < Number(runsArg); r++) {
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.goto(p.url, { waitUntil: 'load' });
    const tabId = await ext.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => (t.url ?? '').split('#')[0] === u.split('#')[0])?.id, page.url());
    const until = Date.now() + 15000;
    while (Date.now() < until) {
      const ok = await ext.worker.evaluate(async (id) => Boolean((await chrome.storage.session.get(`audit:tab:${id}`))[`audit:tab:${id}`]), tabId);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await page.evaluate(async () => { for (let i = 0; i < 2; i++) await new Promise((ok) => requestIdleCallback(ok, { timeout: 2000 })); });
    const { profile } = await cdp.send('Profiler.stop');
    totals.push(selfTimeOf(profile, prefix));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    for (let i = 0; i < profile.samples.length; i++) {
      const dt0 = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const seen = new Set();
      let ours = false;
      for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
        const cf = byId.get(id).callFrame;
        if (!cf.url.startsWith(prefix)) continue;
        ours = true;
        const k = `${cf.functionName || '(anon)'}:${cf.url.slice(prefix.length)}:${cf.lineNumber + 1}`;
        if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + dt0); }
      }
      if (ours && process.env.UNDER) {
        const chain = []; for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) chain.push(byId.get(id).callFrame);
        if (chain.some((cf) => cf.functionName === process.env.UNDER)) { const t = chain[0]; const k3 = `${t.functionName || '(anon)'}:${t.url.slice(prefix.length)}:${t.lineNumber + 1}`; under.set(k3, (under.get(k3) ?? 0) + dt0); }
      }
      if (ours) { const top = byId.get(profile.samples[i]).callFrame; const k2 = top.url.startsWith(prefix) ? '(js)' : top.functionName || '(native)'; leaf.set(k2, (leaf.get(k2) ?? 0) + dt0); }
      const n = byId.get(profile.samples[i]);
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const cf = n.callFrame;
      const script = cf.url.startsWith(prefix) ? cf.url.slice(prefix.length) : cf.url ? 'page' : cf.functionName;
      byScript.set(script, (byScript.get(script) ?? 0) + dt);
      if (!cf.url.startsWith(prefix)) continue;
      const k = `${cf.functionName || '(anon)'} ${cf.url.slice(prefix.length)}:${cf.lineNumber + 1}`;
      agg.set(k, (agg.get(k) ?? 0) + dt);
    }
    await cdp.detach();
    await page.close();
  }
  const n = Number(runsArg);
  console.log(`\n== ${p.name}: totals ${totals.map((t) => t.toFixed(1)).join(' ')}`);
  console.log([...byScript].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `  ${(v / n).toFixed(2).padStart(7)} ${k}`).join('\n'));
  if (process.env.INCL) console.log('inclusive:\n' + [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.INCL)).map(([k, v]) => `  ${(v / n).toFixed(2).padStart(7)} ${k}`).join('\n'));
  if (process.env.UNDER) console.log('under ' + process.env.UNDER + ':\n' + [...under].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `  ${(v / n).toFixed(2).padStart(7)} ${k}`).join('\n'));
  console.log('leaf under our frames:\n' + [...leaf].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `  ${(v / n).toFixed(2).padStart(7)} ${k}`).join('\n'));
  console.log([...agg].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40)).map(([k, v]) => `  ${(v / n).toFixed(2).padStart(7)} ${k}`).join('\n'));
}
await ext.close();
