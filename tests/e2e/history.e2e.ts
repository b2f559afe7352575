import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsers, type Ext, launch, waitFor } from './harness';
import { backupOf, importThroughPopup } from './popup-helpers';

describe.each(browsers)('history (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it('lists sites with charts, searches, prunes by retention (the newest of a site too), deletes a site', async () => {
    const tab = await ext.openPage(ext.server.url('/plain.html'));
    const popup = await ext.openPopup(tab.tabId);
    await importThroughPopup(
      popup,
      backupOf([
        { site: 'old.example', daysAgo: 400, score: 20 },
        { site: 'old.example', daysAgo: 300, score: 40 },
        { site: 'mixed.example', daysAgo: 200, score: 50 },
        { site: 'mixed.example', daysAgo: 5, score: 95 },
        { site: 'fresh.example', daysAgo: 1, score: 70 },
      ]),
    );
    await popup.click('#tab-history');
    await popup.waitFor('[data-testid=history-list]');
    const sites = () =>
      popup.evaluate(() => [...document.querySelectorAll('[data-site]')].map((li) => li.getAttribute('data-site')));
    expect(await sites()).toEqual(['fresh.example', 'mixed.example', 'old.example']); // last visit first
    expect(await popup.count('[data-site="mixed.example"] svg.chart polyline')).toBe(1);

    await popup.evaluate(() => {
      const input = document.querySelector('[data-testid=history-search]') as HTMLInputElement;
      input.value = 'old';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitFor(sites, (s) => s.length === 1, { what: 'the search result' });
    expect(await sites()).toEqual(['old.example']);

    // retention 30 days: the 400/300/200-day-old audits go, old.example's newest too (issue 14:
    // retention keeps nothing older, so the history can be emptied)
    await popup.evaluate(() => {
      const input = document.querySelector('[data-testid=retention-days]') as HTMLInputElement;
      input.value = '30';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await popup.waitFor('[data-testid=pruned]');
    const rows = await waitFor(
      () => ext.dbAudits(),
      (r) => r.length === 2,
      { what: 'pruned audits' },
    );
    expect(rows.map((r) => [r.site, r.score]).sort()).toEqual([
      ['fresh.example', 70],
      ['mixed.example', 95],
    ]);
    await waitFor(sites, (s) => !s.includes('old.example'), { what: 'old.example gone from the list' });
    expect(((await ext.storageLocal('settings')) as { retentionDays: number }).retentionDays).toBe(30);

    // delete one site: a second click confirms
    await popup.evaluate(() => {
      const input = document.querySelector('[data-testid=history-search]') as HTMLInputElement;
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitFor(sites, (s) => s.includes('mixed.example'), { what: 'the whole list again' });
    await popup.click('[data-site="mixed.example"] button');
    await popup.click('[data-site="mixed.example"] button');
    await waitFor(
      () => ext.dbAudits(),
      (r) => r.length === 1,
      { what: 'the site deleted' },
    );
    expect((await ext.dbFindings()).length).toBe(1);
    await popup.close();
  });
});
