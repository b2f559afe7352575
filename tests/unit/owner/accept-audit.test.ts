import { afterEach, describe, expect, it } from 'vitest';
import { acceptAudit, db } from '../../../src/background/audits';
import { ownerPostsOf } from '../../../src/storage/owner';
import { post, profile } from '../social/rules/_make';
import { chromeMock, sampleAudit } from '../setup';

/**
 * The worker records the posts of a page audit for the owner audit's "pages" source, in
 * acceptAudit (the one place audits are stored) when it has the page's model (issue 10's worker).
 */
afterEach(async () => {
  await db().delete();
  db().close();
});

describe('acceptAudit and the pages source', () => {
  it("records a profile's posts beside the audit, and nothing without a model", async () => {
    chromeMock();
    const audit = sampleAudit({ url: 'https://x.com/acme', site: 'x.com', kind: 'profile', platform: 'x', time: Date.now() });
    expect(await acceptAudit(7, audit)).toBe(true);
    expect(await ownerPostsOf(db(), 'x.com')).toEqual([]);
    expect(await acceptAudit(7, { ...audit, time: audit.time + 1 }, profile([post({ id: 'p1' }), post({ id: 'p2' })]))).toBe(
      true,
    );
    expect((await ownerPostsOf(db(), 'x.com', 'acme')).map((r) => r.id).sort()).toEqual(['p1', 'p2']);
    expect(await db().audits.count()).toBe(1);
  });
});
