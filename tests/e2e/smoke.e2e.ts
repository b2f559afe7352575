import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsers, type Ext, launch, waitFor } from './harness';

describe.each(browsers)('harness smoke (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it('loads the extension and reads its state', async () => {
    const page = await ext.openPage(ext.server.url('/plain.html'));
    expect(page.tabId).toBeGreaterThan(0);
    const badge = await ext.badge(page.tabId);
    expect(badge.text).toBe('');
    expect(await ext.sessionAudit(page.tabId)).toBeNull();
    expect(await ext.dbAudits()).toEqual([]);
  });

  it('audits on demand through the background', async () => {
    const page = await ext.openPage(ext.server.url('/plain.html'));
    const popup = await ext.openPopup(page.tabId);
    const res = await popup.evaluate((tabId) => chrome.runtime.sendMessage({ type: 'audit-tab', tabId }), page.tabId);
    console.log(name, JSON.stringify(res).slice(0, 300));
    console.log(name, JSON.stringify(await ext.sessionAudit(page.tabId)).slice(0, 300));
  });

  it('audits a WordPress post', async () => {
    const page = await ext.openPage(ext.server.url('/wp-comments-closed.html'));
    const audit = await waitFor(
      () => ext.sessionAudit(page.tabId),
      (a) => a !== null,
      { what: 'session audit' },
    );
    console.log(name, JSON.stringify(audit).slice(0, 500));
    console.log(name, await ext.badge(page.tabId));
  });
});
