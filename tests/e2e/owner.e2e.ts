import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnerAuditRow } from '../../src/storage/db';
import { browsers, type Ext, launch, waitFor } from './harness';
import { type OwnerSite, serveOwnerSite } from './owner-site';

/**
 * The owner audit end to end (issue 12): the popup on an audited WordPress post offers "Audit the
 * whole site / account"; its click opens the report page, which reads the site's REST API (only
 * the audited origin, logged by the fixture server), stores the report, and shows the score, what
 * it rests on, findings, charts, posts, CSV and Compare. A Mastodon profile goes through the
 * instance's public API. Stop ends a slow read; an API that is off gets its message.
 */
const ownerRows = (ext: Ext) =>
  ext.evalInExtension(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('howsocial');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('ownerAudits')) return resolve([]);
          const req = db.transaction('ownerAudits').objectStore('ownerAudits').getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
    undefined,
  ) as Promise<OwnerAuditRow[]>;

describe.each(browsers)('owner audit (%s)', (name) => {
  let ext: Ext;
  let site: OwnerSite;
  beforeAll(async () => {
    ext = await launch(name);
    site = serveOwnerSite(ext.server);
  });
  afterAll(() => ext?.close());

  it("the popup's click reads the blog's REST API from its own origin only, and the report shows what it rests on", async () => {
    const tab = await ext.openPage(site.postUrl);
    await waitFor(
      () => ext.sessionAudit(tab.tabId),
      (a) => a !== null,
      { what: 'the page audit' },
    );
    // Passive browsing asked the site for nothing but the page.
    expect(ext.server.requests.filter((r) => r.startsWith('/wp-json') || r.startsWith('/api/'))).toEqual([]);
    const popup = await ext.openPopup(tab.tabId);
    await popup.waitFor('[data-testid=owner-audit]');
    const before = ext.server.requests.length;
    await popup.click('[data-testid=owner-audit]');
    const rows = await waitFor(
      () => ownerRows(ext),
      (list) => list.length === 1,
      { what: 'the stored owner report', timeout: 30_000 },
    );
    const report = rows[0].report;
    expect(report).toMatchObject({ source: 'wp-rest', platform: 'wordpress', posts: 3, comments: 7 });
    // Readers 1 (answered after 5 h), 3, 10 (answered below its reply 11, after 13 h), 13: 2 of 4, median 9 h.
    expect(report.facts).toMatchObject({ authorReplyRate: 0.5, medianReplyHours: 9, commentsOpenShare: 0.67 });
    const asked = ext.server.requests.slice(before).filter((r) => !r.startsWith('/2026/'));
    expect(asked[0]).toMatch(/^\/wp-json\/wp\/v2\/posts\?/);
    expect(asked.every((r) => r.startsWith('/wp-json/wp/v2/'))).toBe(true);
    expect(asked.filter((r) => r.includes('post=102'))).toHaveLength(2);
    await popup.close();

    const page = await ext.openExtensionPage(`popup/report.html?id=${rows[0].id}`);
    await page.waitFor('[data-testid=owner-report]');
    expect(await page.text('[data-testid=rests-on]')).toMatch(/^3 posts, 7 comments, .*2026 – .*2026$/);
    for (const chart of ['chart-scores', 'chart-reply-rate', 'chart-rhythm'])
      expect(await page.count(`[data-testid=${chart}]`)).toBe(1);
    // Three posts, all on a Monday morning: one rhythm cell lit with 3; reply-rate bars for June, November and December (Bernd wrote on 1 Dec).
    expect(await page.count('[data-testid=owner-posts] tbody tr')).toBe(3);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid=chart-rhythm] rect.filled')].map((r) => r.getAttribute('data-count')),
      ),
    ).toEqual(['3']);
    expect(await page.count('[data-testid=chart-reply-rate] rect')).toBe(3);
    const findings = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=owner-findings] > li')].map((li) => li.getAttribute('data-rule')),
    );
    expect(findings).toContain('owner-comments-open');
    const csv = await page.evaluate(() => document.querySelector('[data-testid=owner-csv]')?.getAttribute('data-csv') ?? '');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'row,owner_url,platform,source,owner_score,owner_band,post_date,post_url,post_title,comments,author_replies,comments_open,page_score,rule_id,rule_title,verdict,rule_score,weight,evidence,advice',
    );
    expect(lines.filter((l) => l.startsWith('post,'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('finding,')).length).toBeGreaterThan(0);
    await page.close();
  });

  it('a Mastodon profile is read from its instance: reply and repost shares and the exact follower count', async () => {
    const tab = await ext.openPage(site.profileUrl);
    await waitFor(
      () => ext.sessionAudit(tab.tabId),
      (a) => a !== null,
      { what: 'the profile audit' },
    );
    const popup = await ext.openPopup(tab.tabId);
    await popup.waitFor('[data-testid=owner-audit]');
    await popup.click('[data-testid=owner-audit]');
    const rows = await waitFor(
      () => ownerRows(ext),
      (list) => list.some((r) => r.report.source === 'mastodon-api'),
      { what: 'the Mastodon owner report', timeout: 30_000 },
    );
    const report = rows.find((r) => r.report.source === 'mastodon-api')!.report;
    expect(report).toMatchObject({ kind: 'social', platform: 'mastodon', posts: 20, name: '@baeckerei' });
    expect(report.facts).toMatchObject({ followers: 1234, replyShare: 0.2, authorReplyRate: null });
    await popup.close();
  });

  it('Compare sets the stored owners side by side', async () => {
    const page = await ext.openExtensionPage('popup/report.html?view=compare');
    await page.waitFor('[data-testid=compare-column]');
    expect(await page.count('[data-testid=compare-column]')).toBe(2);
    const names = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=compare-column] .owner-name')].map((e) => e.textContent),
    );
    expect(names).toEqual(['@baeckerei', '127.0.0.1']);
    await page.close();
  });

  it('Stop ends a slow read with its message, and the stored reports stay', async () => {
    site.mode = 'slow';
    const page = await ext.openExtensionPage(`popup/report.html?url=${encodeURIComponent(site.postUrl)}`);
    await page.waitFor('[data-testid=owner-run]');
    await page.click('[data-testid=owner-run]');
    await page.waitFor('[data-testid=owner-stop]');
    await page.waitFor('[data-testid=owner-progress]');
    await page.click('[data-testid=owner-stop]');
    await page.waitFor('[data-testid=owner-error]');
    expect(await page.evaluate(() => document.querySelector('[data-testid=owner-error]')?.getAttribute('data-code'))).toBe(
      'stopped',
    );
    site.release();
    site.mode = 'normal';
    expect(await ownerRows(ext)).toHaveLength(2);
    await page.close();
  });

  it('an API that is off gets a clear message, and nothing stored is lost', async () => {
    site.mode = 'off';
    const page = await ext.openExtensionPage(`popup/report.html?url=${encodeURIComponent(site.postUrl)}&run=1`);
    await page.waitFor('[data-testid=owner-notes]');
    const notes = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=owner-notes] li')].map((li) => li.getAttribute('data-code')),
    );
    expect(notes).toEqual(['api-off', 'api-off', 'from-pages']);
    expect(await page.text('[data-testid=owner-notes]')).toContain('audited from the pages you visited');
    site.mode = 'normal';
    expect((await ownerRows(ext)).length).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});
