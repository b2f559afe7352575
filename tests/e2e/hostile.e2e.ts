import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMIT } from '../../src/background/session';
import { browsers, type Ext, launch, waitFor } from './harness';

/**
 * Hostile pages (issue 6): a page that breaks the built-ins in its own world can't break the
 * audit (content scripts run in an isolated world), and a page that floods the DOM with
 * mutations can't make the content script flood the background.
 */
const closed = readFileSync(join(import.meta.dirname, 'fixtures', 'wp-comments-closed.html'), 'utf8');

/** Sabotage in the page's main world, before the content script runs (it runs at document_idle). */
const SABOTAGE = `<script>
  Array.prototype.map = function () { throw new Error('map is gone'); };
  Array.prototype.filter = function () { return []; };
  JSON.stringify = () => '{}';
  JSON.parse = () => ({});
  Object.defineProperty(Node.prototype, 'textContent', { get() { return 'hacked'; }, configurable: true });
  window.MutationObserver = function () { throw new Error('no observers'); };
  Element.prototype.querySelectorAll = function () { return []; };
  Document.prototype.querySelectorAll = function () { return []; };
  Array.prototype.push = function () { throw new Error('push is gone'); };
</script>`;

/** Appends and removes a comment every few milliseconds for about three seconds. */
const FLOOD = `<script>
  const list = document.querySelector('ol.comment-list');
  let n = 0;
  const timer = setInterval(() => {
    const li = document.createElement('li');
    li.className = 'comment depth-1';
    li.id = 'comment-f' + n;
    li.innerHTML = '<article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Bot ' + n + '</b></div></footer><div class="comment-content"><p>Flood ' + n + '?</p></div></article>';
    list.append(li);
    if (n % 2) list.firstElementChild.remove();
    if (++n > 600) { clearInterval(timer); document.body.dataset.floodDone = String(n); }
  }, 5);
</script>`;

describe.each(browsers)('hostile pages (%s)', (name) => {
  let ext: Ext;
  let normalScore: number | null;
  beforeAll(async () => {
    ext = await launch(name);
    const page = await ext.openPage(ext.server.page('/normal.html', closed));
    normalScore = (await waitFor(
      () => ext.sessionAudit(page.tabId),
      (a) => a !== null,
      { what: 'the reference audit' },
    ))!.score;
  });
  afterAll(() => ext?.close());

  it('a page that overrides Array, JSON, textContent, querySelectorAll and MutationObserver gets the same audit', async () => {
    const page = await ext.openPage(ext.server.page('/sabotage.html', closed.replace('<head>', `<head>${SABOTAGE}`)));
    // the sabotage is live in the page's world…
    expect(await page.evaluate(() => document.body.textContent)).toBe('hacked');
    expect(await page.evaluate(() => document.querySelectorAll('li').length)).toBe(0);
    // …and invisible to the content script
    const audit = await waitFor(
      () => ext.sessionAudit(page.tabId),
      (a) => a !== null,
      { what: 'the audit' },
    );
    expect(audit!.score).toBe(normalScore);
    expect(audit!.facts).toMatchObject({ commentsState: 'closed', comments: 2 });
    expect((await ext.badge(page.tabId)).text).toBe(String(normalScore));
  });

  it('a DOM mutation flood costs a handful of audits, not a message flood, and the badge keeps working', async () => {
    const page = await ext.openPage(ext.server.page('/flood.html', closed.replace('</body>', `${FLOOD}</body>`)));
    await waitFor(
      () => page.evaluate(() => document.body.dataset.floodDone ?? ''),
      (done) => done !== '',
      {
        timeout: 30_000,
        what: 'the flood to end',
      },
    );
    const rate = (await ext.evalInExtension(
      async (key) => (await chrome.storage.session.get(key))[key] ?? null,
      `rate:tab:${page.tabId}`,
    )) as { count: number } | null;
    // ~3 s of flooding with a 2 s max wait: a few audits; the background's limit never had to act.
    expect(rate?.count ?? 0).toBeGreaterThan(0);
    expect(rate!.count).toBeLessThan(RATE_LIMIT.audits);
    // The last audit is of the page as the flood left it (the debounce's trailing run), and the
    // badge shows that audit's score: a badge stuck on an early audit, or a number that is not
    // the audit's, fails here.
    const left = await page.evaluate(() => document.querySelectorAll('ol.comment-list > li.comment').length);
    const last = await waitFor(
      () => ext.sessionAudit(page.tabId),
      (a) => a?.facts.comments === left,
      { what: `the audit of the ${left} comments the flood left` },
    );
    expect(last!.score).not.toBeNull();
    const badge = await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text === String(last!.score),
      { what: `the badge to show the last audit's score ${last!.score}` },
    );
    expect(badge.text).toBe(String(last!.score));
  });

  it('evidence 120 elements deep shortens instead of sinking the audit: badge, stored audit, same verdicts', async () => {
    // The "Comments are closed." notice wrapped in 120 <div>s: its CSS path (the comments-closed
    // finding's evidence) is longer than the worker accepts (LIMITS.selectorChars).
    const notice = '<p class="no-comments">Comments are closed.</p>';
    const html = closed.replace(notice, `${'<div>'.repeat(120)}${notice}${'</div>'.repeat(120)}`);
    expect(html).not.toBe(closed);
    const page = await ext.openPage(ext.server.page('/deep.html', html));
    const audit = await waitFor(
      () => ext.sessionAudit(page.tabId),
      (a) => a !== null,
      { what: 'the audit of a page with 120-deep evidence' },
    );
    expect(audit!.score).toBe(normalScore);
    const closedFinding = audit!.findings.find((f) => f.rule === 'comments-closed')!;
    expect(closedFinding.verdict).toBe('fail');
    // the path is dropped (no highlight for it), the excerpt a reader sees stays
    expect(closedFinding.evidence[0]).toEqual({ selector: '', text: 'Comments are closed.' });
    expect((await ext.badge(page.tabId)).text).toBe(String(normalScore));
  });

  it('a thread of 100,000 comments is audited to the end, every comment counted', async () => {
    // Core WordPress comment markup, trimmed to what the adapter reads (issue 6: "100k comments").
    const items: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      items.push(
        `<li id="comment-${i}" class="comment depth-1"><article class="comment-body"><div class="comment-author vcard"><b class="fn">R${i}</b></div><div class="comment-content"><p>Text ${i}</p></div></article></li>`,
      );
    }
    const huge = closed.replace(/<ol class="comment-list">[\s\S]*?<\/ol>/, `<ol class="comment-list">${items.join('')}</ol>`);
    expect(huge.length).toBeGreaterThan(items.length * 100);
    const page = await ext.openPage(ext.server.page('/100k-comments.html', huge));
    const audit = await waitFor(
      () => ext.sessionAudit(page.tabId),
      (a) => a !== null,
      { timeout: 90_000, what: 'the audit of 100,000 comments' },
    );
    expect(audit!.facts.comments).toBe(100_000);
    expect((await ext.badge(page.tabId)).text).not.toBe('');
  }, 120_000);
});
