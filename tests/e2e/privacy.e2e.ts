import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsers, type Ext, launch, waitFor } from './harness';

/**
 * "Delete everything" removes every trace (issue 14): after it no key of the extension's is left
 * in storage.local, storage.session (write-ahead `pending:` entries included) or storage.sync,
 * and no row in any table of its database.
 */
const traces = {
  storage: async () => ({
    local: Object.keys(await chrome.storage.local.get(null)),
    session: Object.keys(await chrome.storage.session.get(null)),
    sync: Object.keys(await chrome.storage.sync.get(null)),
  }),
  /** Rows per table of every table the database has, whatever its version. */
  rows: () =>
    new Promise<Record<string, number>>((resolve, reject) => {
      const open = indexedDB.open('howsocial');
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const names = [...db.objectStoreNames];
        const out: Record<string, number> = {};
        if (names.length === 0) {
          db.close();
          return resolve(out);
        }
        const tx = db.transaction(names, 'readonly');
        for (const name of names) {
          const req = tx.objectStore(name).count();
          req.onsuccess = () => {
            out[name] = req.result;
          };
        }
        tx.oncomplete = () => {
          db.close();
          resolve(out);
        };
        tx.onerror = () => reject(tx.error);
      };
    }),
  /** What a worker stopped before its database write leaves behind (src/background/session.ts). */
  writeAhead: async (url: string) => {
    const all = (await chrome.storage.session.get(null)) as Record<string, { url?: string }>;
    const copy = Object.entries(all).find(([k]) => k.startsWith('audit:tab:'))?.[1];
    const time = Date.now();
    await chrome.storage.session.set({ [`pending:${time}:${url}`]: { audit: { ...copy, url, time }, tabId: -1 } });
  },
};

describe.each(browsers)('privacy (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it('Delete everything leaves no key in any storage area and no row in any table', async () => {
    const tab = await ext.openPage(ext.server.url('/wp-comments-closed.html'));
    await waitFor(
      () => ext.dbAudits(),
      (rows) => rows.length > 0,
      { what: 'a stored audit' },
    );
    await waitFor(
      () => ext.sessionAudit(tab.tabId),
      (a) => a !== null,
      { what: "the tab's audit" },
    );
    await ext.evalInExtension(traces.writeAhead, ext.server.url('/stopped.html'));
    const options = await ext.openPopup(tab.tabId);
    // A setting changed by the user: written to storage.local and synced to storage.sync. (Not a
    // pause of this tab's site: Delete everything resets the settings, the site is then no longer
    // paused, and its open tab is audited again — a new visit, not a trace left behind.)
    await options.click('#tab-history');
    await options.waitFor('[data-testid=retention-days]');
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid=retention-days]')!;
      input.value = '30';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(
      () => ext.evalInExtension(traces.storage),
      (s) => s.local.includes('settings') && s.sync.includes('settings'),
      { what: 'the settings in storage.local and storage.sync' },
    );
    const before = await ext.evalInExtension(traces.storage);
    expect(before.session.some((k) => k.startsWith('pending:'))).toBe(true);
    expect(Object.values(await ext.evalInExtension(traces.rows)).some((n) => n > 0)).toBe(true);

    await options.waitFor('[data-testid=delete-all]');
    await options.click('[data-testid=delete-all]');
    await options.click('[data-testid=delete-all]');
    const after = await waitFor(
      () => ext.evalInExtension(traces.storage),
      (s) => s.local.length + s.session.length + s.sync.length === 0,
      { what: 'every storage area to be empty' },
    );
    expect(after).toEqual({ local: [], session: [], sync: [] });
    const rows = await ext.evalInExtension(traces.rows);
    expect(Object.keys(rows).length).toBeGreaterThan(0);
    expect(Object.entries(rows).filter(([, n]) => n > 0)).toEqual([]);
    await options.close();
  });
});
