import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browsers, type Ext, launch, waitFor } from './harness';

/**
 * The whole pipeline in real browsers: content script → background → badge, storage.session and
 * IndexedDB, on localhost fixture pages. Expected texts come from the English messages (the
 * test browsers run with an English UI).
 */
const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;
const RED: [number, number, number, number] = [0xc5, 0x22, 0x1f, 255];
const GREY: [number, number, number, number] = [0x5f, 0x63, 0x68, 255];
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe.each(browsers)('pipeline (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());
  afterEach(async () => {
    await ext.setSettings({ passive: true, pausedSites: [], badgeStyle: 'number' });
  });

  it('a WordPress post with comments closed: red score badge, tooltip, session audit and IndexedDB rows', async () => {
    const url = ext.server.url('/wp-comments-closed.html');
    const page = await ext.openPage(url);
    const audit = await waitFor(
      () => ext.sessionAudit(page.tabId),
      (a) => a !== null,
      { what: 'the tab audit' },
    );
    expect(audit).toMatchObject({ url, kind: 'article', platform: 'wordpress', band: 'red' });
    expect(audit!.score).toBeLessThan(50);
    expect(audit!.facts).toMatchObject({ commentsState: 'closed', comments: 2 });

    const badge = await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text !== '',
      { what: 'the badge' },
    );
    expect(badge.text).toBe(String(audit!.score));
    expect(badge.color).toEqual(RED);
    expect(badge.title).toContain(`HowSocial ${audit!.score}/100`);
    expect(badge.title).toContain(en.rule_comments_closed_problem.message);

    const rows = await waitFor(
      () => ext.dbAudits(),
      (r) => r.some((a) => a.url === url),
      { what: 'the IndexedDB audit row' },
    );
    const row = rows.find((a) => a.url === url)!;
    expect(row).toMatchObject({ site: '127.0.0.1', kind: 'article', platform: 'wordpress', score: audit!.score, band: 'red' });
    const findings = (await ext.dbFindings()).filter((f) => f.auditId === row.id);
    expect(findings.find((f) => f.rule === 'comments-closed')).toMatchObject({ verdict: 'fail', score: 0 });
    expect(findings.length).toBe(audit!.findings.length);

    // A reload within 10 minutes updates the stored row instead of adding one.
    await page.reload();
    await waitFor(
      () => ext.sessionAudit(page.tabId),
      (a) => a !== null && a.time > audit!.time,
      { what: 'the re-audit' },
    );
    await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text === String(audit!.score),
      { what: 'the badge after reload' },
    );
    expect((await ext.dbAudits()).filter((a) => a.url === url)).toHaveLength(1);
  });

  it('a page that is neither article nor profile: no badge, and navigating there clears the old one', async () => {
    const page = await ext.openPage(ext.server.url('/wp-comments-closed.html'));
    await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text !== '',
      { what: 'the article badge' },
    );
    await page.evaluate((href) => {
      location.href = href;
    }, ext.server.url('/plain.html'));
    await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text === '',
      { what: 'the cleared badge' },
    );
    expect(await ext.sessionAudit(page.tabId)).toBeNull();
    expect((await ext.badge(page.tabId)).title).toBe('HowSocial');
    expect((await ext.dbAudits()).some((a) => a.url.endsWith('/plain.html'))).toBe(false);
  });

  it('an in-page navigation (pushState) to a page that is not an article clears the badge', async () => {
    const page = await ext.openPage(ext.server.page('/spa-article.html', fixture('wp-comments-closed.html')));
    await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text !== '',
      { what: 'the article badge' },
    );
    await page.evaluate(() => {
      document.body.innerHTML = '<main><h1>Shop</h1><p>Spade 19.90 €</p></main>';
      document.title = 'Shop';
      history.pushState({}, '', '/shop');
    });
    await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text === '',
      { what: 'the cleared badge' },
    );
    expect(await ext.sessionAudit(page.tabId)).toBeNull();
  });

  it('an in-page navigation (pushState) from a page no gate lets in to an article gets its badge', async () => {
    // No MutationObserver watches a page no gate lets in (src/content/run.ts): its URL is looked at again.
    const page = await ext.openPage(
      ext.server.page('/spa-shop.html', '<!doctype html><title>Shop</title><main><h1>Shop</h1></main>'),
    );
    const article = fixture('wp-comments-closed.html');
    await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      document.head.replaceWith(document.adoptNode(doc.head));
      document.body.replaceWith(document.adoptNode(doc.body));
      history.pushState({}, '', '/2024/03/spa-post/');
    }, article);
    await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text !== '',
      { what: 'the badge of the article the page navigated to', timeout: 20_000 },
    );
    expect(await ext.sessionAudit(page.tabId)).toMatchObject({
      kind: 'article',
      url: expect.stringContaining('/2024/03/spa-post/'),
    });
  });

  it('too few signals: a grey "–" and a tooltip that says so', async () => {
    const page = await ext.openPage(ext.server.page('/@newbie', fixture('mastodon-new-account.html')));
    const badge = await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text !== '',
      { what: 'the badge' },
    );
    expect(badge).toEqual({ text: '–', color: GREY, title: en.badge_title_no_signals.message });
    expect(await ext.sessionAudit(page.tabId)).toMatchObject({
      kind: 'profile',
      platform: 'mastodon',
      score: null,
      band: 'grey',
    });
  });

  it('passive mode off: nothing until the popup asks, then the page is audited on demand', async () => {
    await ext.setSettings({ passive: false });
    const url = ext.server.page('/passive-off.html', fixture('wp-comments-closed.html'));
    const page = await ext.openPage(url);
    // The content script runs in the page (its mark is in its world) but has not audited anything.
    await waitFor(
      () =>
        ext.evalInExtension(
          async (tabId) =>
            (
              await chrome.scripting.executeScript({
                target: { tabId, frameIds: [0] },
                func: () => Boolean((globalThis as Record<string, unknown>).__howsocialContent),
              })
            )[0]?.result === true,
          page.tabId,
        ),
      (running) => running,
      { what: 'the content script to run' },
    );
    expect(await ext.sessionAudit(page.tabId)).toBeNull();
    expect((await ext.badge(page.tabId)).text).toBe('');
    const popup = await ext.openPopup(page.tabId);
    // The popup may already have asked on opening; asking again is what a click on "audit" does.
    const res = await popup.evaluate((tabId) => chrome.runtime.sendMessage({ type: 'audit-tab', tabId }), page.tabId);
    expect(res).toMatchObject({ audit: { url, kind: 'article', band: 'red' } });
    const badge = await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text !== '',
      { what: 'the on-demand badge' },
    );
    expect(badge.color).toEqual(RED);
    await waitFor(
      () => ext.dbAudits(),
      (r) => r.some((a) => a.url === url),
      { what: 'the stored on-demand audit' },
    );
    await popup.close();
  });

  it('settings apply at once: dot style re-renders, pausing the site clears the badge', async () => {
    const page = await ext.openPage(ext.server.page('/settings.html', fixture('wp-comments-closed.html')));
    await waitFor(
      () => ext.badge(page.tabId),
      (b) => /^\d+$/.test(b.text),
      { what: 'the score badge' },
    );
    await ext.setSettings({ badgeStyle: 'dot' });
    await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text === '●',
      { what: 'the dot badge' },
    );
    await ext.setSettings({ pausedSites: ['127.0.0.1'] });
    await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text === '',
      { what: 'the paused site badge' },
    );
    expect(await ext.sessionAudit(page.tabId)).toBeNull();
  });

  it('highlight: the worker outlines one element in the tab and injects nothing else', async () => {
    const page = await ext.openPage(ext.server.page('/highlight.html', fixture('wp-comments-closed.html')));
    await waitFor(
      () => ext.sessionAudit(page.tabId),
      (a) => a !== null,
      { what: 'the tab audit' },
    );
    const popup = await ext.openPopup(page.tabId);
    const highlight = (selector: string) =>
      popup.evaluate((arg) => chrome.runtime.sendMessage({ type: 'highlight', ...arg }), { tabId: page.tabId, selector });
    expect(await highlight('#comment-11')).toEqual({ ok: true });
    expect(await highlight('p.no-comments')).toEqual({ ok: true });
    const marks = await page.evaluate(() => {
      const overlays = [...document.querySelectorAll('[data-howsocial-highlight]')];
      const target = document.querySelector('p.no-comments')!.getBoundingClientRect();
      const box = overlays[0]?.getBoundingClientRect();
      return { count: overlays.length, covers: !!box && box.top <= target.top && box.bottom >= target.bottom };
    });
    expect(marks).toEqual({ count: 1, covers: true });
    expect(await highlight('#no-such-element')).toEqual({ ok: false });
    await popup.close();
  });
});
