import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsers, type Ext, launch, waitFor } from './harness';

describe.each(browsers)('settings from the popup (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it('badge: number, then only a dot when the number is switched off', async () => {
    const tab = await ext.openPage(ext.server.url('/wp-comments-closed.html'));
    const first = await waitFor(
      () => ext.badge(tab.tabId),
      (b) => b.text !== '',
      { what: 'a badge' },
    );
    expect(first.text).toMatch(/^(\d+|–)$/);
    const popup = await ext.openPopup(tab.tabId);
    await popup.click('#tab-settings');
    await popup.click('[data-testid=badge-dot]');
    const dot = await waitFor(
      () => ext.badge(tab.tabId),
      (b) => b.text !== first.text,
      { what: 'the dot badge' },
    );
    expect(dot.text).toBe('●');
    expect(dot.color).toEqual(first.color); // same band colour, only the number is gone
    expect(((await ext.storageLocal('settings')) as { badgeStyle: string }).badgeStyle).toBe('dot');
    await popup.close();
    await ext.setSettings({ badgeStyle: 'number' });
  });

  it('pausing a site clears its badge and stores no new audit', async () => {
    const tab = await ext.openPage(ext.server.url('/wp-comments-closed.html'));
    await waitFor(
      () => ext.badge(tab.tabId),
      (b) => b.text !== '',
      { what: 'a badge' },
    );
    const before = await waitFor(
      () => ext.dbAudits(),
      (rows) => rows.length > 0,
      { what: 'a stored audit' },
    );
    const popup = await ext.openPopup(tab.tabId);
    await popup.click('#tab-settings');
    await popup.click('[data-testid=pause-always]');
    await waitFor(
      () => ext.badge(tab.tabId),
      (b) => b.text === '',
      { what: 'the badge to clear' },
    );
    const settings = (await ext.storageLocal('settings')) as { pausedSites: string[] };
    expect(settings.pausedSites).toEqual([new URL(tab.url).hostname]);

    // Reload the paused page, then audit the same page on another host name (another site, not
    // paused): once that audit is stored, the pipeline has run past the paused page's reload.
    await tab.reload();
    const other = await ext.openPage(tab.url.replace('127.0.0.1', 'localhost'));
    await waitFor(
      () => ext.dbAudits(),
      (rows) => rows.some((r) => r.site === 'localhost'),
      { what: 'the audit of the unpaused site' },
    );
    expect((await ext.badge(tab.tabId)).text).toBe('');
    const after = (await ext.dbAudits()).filter((r) => r.site !== 'localhost');
    expect(after.map((a) => [a.id, a.time])).toEqual(before.map((a) => [a.id, a.time]));
    expect((await ext.badge(other.tabId)).text).not.toBe('');
    await popup.close();
  });
});
