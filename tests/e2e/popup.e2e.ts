import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byImpact } from '../../src/score';
import { browsers, type Ext, launch, waitFor } from './harness';
import { craftedAudit, setTabAudit } from './popup-helpers';

/** Mirrors WordPress core's comment markup (li#comment-N > article.comment-body); written for this test. */
const XSS = '<img src=x onerror="document.title=\'pwned\'">';
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title></head>
<body class="single single-post"><article class="post"><h1 class="entry-title">Hello</h1><p>Text.</p></article>
<ol class="comment-list"><li id="comment-7" class="comment depth-1"><article class="comment-body">
<div class="comment-content"><p>${XSS.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p></div></article></li></ol>
<p id="closed" class="no-comments">Comments are closed.</p></body></html>`;

describe.each(browsers)('popup (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it("shows the audited fixture page's score and findings by impact", async () => {
    const tab = await ext.openPage(ext.server.url('/wp-comments-closed.html'));
    const audit = await waitFor(
      () => ext.sessionAudit(tab.tabId),
      (a) => a !== null,
      { what: 'the passive audit' },
    );
    expect(audit?.kind).toBe('article');
    const popup = await ext.openPopup(tab.tabId);
    await popup.waitFor('[data-testid=findings]');
    expect(await popup.text('[data-testid=score]')).toBe(audit?.score === null ? '–' : String(audit?.score));
    const shown = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-testid=findings] > li')].map((li) => li.getAttribute('data-rule')),
    );
    const expected = byImpact(audit!.findings.filter((f) => f.verdict !== 'n/a')).map((f) => f.rule);
    expect(shown).toEqual(expected);
    // every finding has a translated title, never a raw message key
    const titles = await popup.evaluate(() => [...document.querySelectorAll('.finding-title')].map((e) => e.textContent ?? ''));
    for (const title of titles) expect(title).not.toMatch(/^rule_/);
    await popup.close();
  });

  it('shows comment text as text (XSS payload stays inert) and highlights the element on click', async () => {
    await ext.setSettings({ passive: false }); // the crafted audit below must not be replaced by a passive one
    const url = ext.server.page('/xss.html', page);
    const tab = await ext.openPage(url);
    await setTabAudit(
      ext,
      tab.tabId,
      craftedAudit(url, [
        { selector: '#comment-7', text: XSS },
        { selector: '#closed', text: 'Comments are closed.' },
      ]),
    );
    const popup = await ext.openPopup(tab.tabId);
    await popup.waitFor('[data-selector="#comment-7"]');
    expect(await popup.text('[data-selector="#comment-7"]')).toBe(XSS);
    expect(await popup.count('.panel img')).toBe(0);
    expect(await popup.evaluate(() => document.title)).not.toBe('pwned');

    // The content script outlines the element with one overlay (src/lib/highlight.ts) laid over it.
    const covers = (selector: string) =>
      tab.evaluate((sel: string) => {
        const marks = document.querySelectorAll('[data-howsocial-highlight]');
        const target = document.querySelector(sel);
        if (marks.length !== 1 || !target) return { marks: marks.length, covers: false };
        const o = marks[0].getBoundingClientRect();
        const t = target.getBoundingClientRect();
        return {
          marks: 1,
          covers: o.left <= t.left && o.top <= t.top && o.right >= t.right && o.bottom >= t.bottom && o.width < t.width + 20,
        };
      }, selector);
    await popup.click('[data-selector="#closed"]');
    expect(
      await waitFor(
        () => covers('#closed'),
        (r) => r.covers,
        { what: 'the highlight over #closed' },
      ),
    ).toEqual({ marks: 1, covers: true });
    await popup.click('[data-selector="#comment-7"]');
    expect(
      await waitFor(
        () => covers('#comment-7'),
        (r) => r.covers,
        { what: 'the highlight over #comment-7' },
      ),
    ).toEqual({ marks: 1, covers: true });
    await popup.close();
    await ext.setSettings({ passive: true });
  });

  it('audits on demand when the tab has no audit yet', async () => {
    await ext.setSettings({ passive: false });
    const tab = await ext.openPage(ext.server.url('/wp-comments-closed.html'));
    const popup = await ext.openPopup(tab.tabId);
    await popup.waitFor('[data-testid=audit-now]');
    await popup.click('[data-testid=audit-now]');
    await popup.waitFor('[data-testid=score], [data-testid=not-applicable]');
    const audit = await ext.sessionAudit(tab.tabId);
    expect(audit?.url).toBe(tab.url);
    await popup.close();
    await ext.setSettings({ passive: true });
  });

  it('shows a failed database write as a warning until dismissed', async () => {
    await ext.evalInExtension(async () => {
      await chrome.storage.local.set({ lastError: { code: 'QuotaExceededError', message: 'quota', time: Date.now() } });
    });
    const tab = await ext.openPage(ext.server.url('/plain.html'));
    const popup = await ext.openPopup(tab.tabId);
    await popup.waitFor('[data-testid=last-error]');
    expect(await popup.text('[data-testid=last-error]')).toContain('QuotaExceededError');
    await popup.click('[data-testid=last-error] button');
    await waitFor(
      () => ext.storageLocal('lastError'),
      (v) => v === null,
      { what: 'lastError removed' },
    );
    expect(await popup.count('[data-testid=last-error]')).toBe(0);
    await popup.close();
  });
});
