import { beforeEach, describe, expect, it } from 'vitest';
import { acceptAudit, db as backgroundDb, TAB_MERGE_MS } from '../../src/background/audits';
import { sampleAudit, chromeMock } from './setup';

/**
 * What acceptAudit, the one place an audit is stored, keeps of the user's browsing (issue 14):
 * the URL without query and fragment, nothing from private windows or with retention 0, one row
 * per tab visit to a site, at most perSiteCap rows per site.
 */
const T0 = 1_780_000_000_000;
const TAB = 4;
const db = () => backgroundDb();
const session = () => chromeMock().storage.session.data;
const pendingKeys = () => [...session().keys()].filter((k) => k.startsWith('pending:'));

beforeEach(async () => {
  await Promise.all([db().audits.clear(), db().auditFindings.clear(), db().fingerprints.clear()]);
});

describe('acceptAudit keeps as little as it can', () => {
  it('stores and shows the URL without tracking query and fragment', async () => {
    const url = 'https://blog.example/2024/03/post/?utm_source=newsletter&fbclid=IwAR0abc#comment-12';
    expect(await acceptAudit(TAB, sampleAudit({ time: T0, url }))).toBe(true);
    expect((await db().audits.toArray()).map((r) => r.url)).toEqual(['https://blog.example/2024/03/post/']);
    expect(session().get(`audit:tab:${TAB}`)).toMatchObject({ url: 'https://blog.example/2024/03/post/' });
  });

  it('a private (incognito) tab gets its badge and popup copy, and nothing is stored', async () => {
    chromeMock().tabs.get.mockResolvedValue({ id: TAB, url: 'https://blog.example/', incognito: true });
    expect(await acceptAudit(TAB, sampleAudit({ time: T0 }))).toBe(true);
    expect(chromeMock().badges.get(TAB)?.text).toBe('37');
    expect(session().get(`audit:tab:${TAB}`)).toMatchObject({ score: 37 });
    expect(await db().audits.count()).toBe(0);
    expect(pendingKeys()).toEqual([]);
    expect(chromeMock().storage.local.data.size).toBe(0);
  });

  it('a tab that cannot be looked up (closed meanwhile) counts as private', async () => {
    chromeMock().tabs.get.mockRejectedValue(new Error('No tab with id: 4.'));
    await acceptAudit(TAB, sampleAudit({ time: T0 }));
    expect(await db().audits.count()).toBe(0);
  });

  it('retention 0 keeps no history, but the badge still works', async () => {
    await chromeMock().storage.local.set({ settings: { retentionDays: 0 } });
    await acceptAudit(TAB, sampleAudit({ time: T0 }));
    expect(chromeMock().badges.get(TAB)?.text).toBe('37');
    expect(await db().audits.count()).toBe(0);
    expect(pendingKeys()).toEqual([]);
  });

  it('an SPA pushing 40 URLs in 20 s leaves one row in the history, the newest', async () => {
    for (let i = 0; i <= 40; i++) {
      const url = `https://x.com/someone/status/${1000 + i}`;
      await acceptAudit(TAB, sampleAudit({ time: T0 + i * 500, url, site: 'x.com', platform: 'x', kind: 'post' }));
    }
    const rows = await db().audits.toArray();
    expect(rows.map((r) => r.url)).toEqual(['https://x.com/someone/status/1040']);
    expect(await db().fingerprints.count()).toBe(1);
  });

  it('merges only one tab on one site within the window: another tab, site or a later visit adds a row', async () => {
    await acceptAudit(TAB, sampleAudit({ time: T0, url: 'https://blog.example/a/' }));
    await acceptAudit(TAB, sampleAudit({ time: T0 + 1, url: 'https://blog.example/a2/' }));
    await acceptAudit(TAB + 1, sampleAudit({ time: T0 + 2, url: 'https://blog.example/b/' }));
    await acceptAudit(TAB, sampleAudit({ time: T0 + 3, url: 'https://other.example/', site: 'other.example' }));
    await acceptAudit(TAB, sampleAudit({ time: T0 + 4, url: 'https://blog.example/c/' }));
    // the window counts from the visit's first audit: a tab left open all day still adds a row per window
    await acceptAudit(TAB, sampleAudit({ time: T0 + 4 + TAB_MERGE_MS, url: 'https://blog.example/d/' }));
    expect((await db().audits.toArray()).map((r) => r.url).sort()).toEqual([
      'https://blog.example/a2/',
      'https://blog.example/b/',
      'https://blog.example/c/',
      'https://blog.example/d/',
      'https://other.example/',
    ]);
  });

  it('keeps the newest perSiteCap audits of a site', async () => {
    await chromeMock().storage.local.set({ settings: { perSiteCap: 2 } });
    for (let i = 0; i < 4; i++) await acceptAudit(100 + i, sampleAudit({ time: T0 + i, url: `https://blog.example/${i}/` }));
    expect((await db().audits.toArray()).map((r) => r.url).sort()).toEqual([
      'https://blog.example/2/',
      'https://blog.example/3/',
    ]);
  });
});
