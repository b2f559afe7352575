import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsers, type Ext, launch, waitFor } from './harness';

/**
 * A single-page app timeline (X-like markup, tests/fixtures/social/x-timeline-spa.html): the badge
 * and the stored audit must follow as posts load while scrolling (the sample grows, extractMore)
 * and when the app navigates with history.pushState (the new URL gets its own audit).
 */
const html = readFileSync(join(import.meta.dirname, '../fixtures/social/x-timeline-spa.html'), 'utf8');

describe.each(browsers)('social single-page app (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it('re-audits as posts load while scrolling and after pushState navigation', async () => {
    const url = ext.server.page('/acme', html);
    const page = await ext.openPage(url);

    const first = await waitFor(
      () => ext.sessionAudit(page.tabId),
      (a) => a !== null && a.kind === 'profile' && a.sample === 3,
      { what: 'profile audit of the first 3 posts' },
    );
    expect(first?.platform).toBe('x');
    expect(first?.facts).toMatchObject({ followers: 5120, following: 210, visiblePosts: 3 });
    const badge = await waitFor(
      () => ext.badge(page.tabId),
      (b) => b.text !== '',
      { what: 'badge' },
    );
    expect(badge.text).toBe(first?.score === null ? '–' : String(first?.score));

    // Scroll to the end twice: the app appends 3 posts each time; the audit must grow with them.
    for (const expected of [6, 9]) {
      await page.evaluate(() => {
        window.scrollTo(0, document.body.scrollHeight);
        window.dispatchEvent(new Event('scroll'));
      });
      await waitFor(
        () => ext.sessionAudit(page.tabId),
        (a) => a?.sample === expected,
        { what: `audit of ${expected} posts` },
      );
    }
    const grown = await waitFor(
      () => ext.dbAudits(),
      (rows) => rows.some((r) => r.url === url && r.sample === 9),
      { what: 'stored audit with 9 posts' },
    );
    expect(grown.filter((r) => r.url === url)).toHaveLength(1);

    // The app opens one post without loading a page.
    await page.evaluate(() => (window as unknown as { openPost(i: number): void }).openPost(4));
    const postUrl = `${ext.server.origin}/acme/status/5000000000000000004`;
    const post = await waitFor(
      () => ext.sessionAudit(page.tabId),
      (a) => a?.url === postUrl,
      { what: 'audit of the post URL' },
    );
    expect(post?.kind).toBe('post');
    expect(post?.facts).toMatchObject({ replies: 4, reposts: 4, likes: 68, followers: null });
    const rows = await waitFor(
      () => ext.dbAudits(),
      (r) => r.some((x) => x.url === postUrl),
      { what: 'stored audit of the post URL' },
    );
    // One tab on one site within minutes is one visit (issue 14: an SPA pushing 40 URLs left 41
    // rows): the post's audit replaces the profile's row, the newest is kept.
    const site = rows.filter((r) => r.site === first!.site);
    expect(site).toHaveLength(1);
    expect(site[0]).toMatchObject({ url: postUrl, kind: 'post', id: grown.find((r) => r.url === url)!.id });
  });
});
