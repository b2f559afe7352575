import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsers, type Ext, launch, waitFor } from './harness';

/**
 * An update from a build with schema v1 (one IndexedDB record per finding) to the current one, in
 * the real browsers' IndexedDB (issue 6: migrations keep every audit). The unit tests run the same
 * upgrade on fake-indexeddb; this one proves it where users' databases live. The v1 database is
 * written with raw IndexedDB exactly as Dexie's `version(1)` created it (IDB version 10, Dexie's
 * ×10), then the extension meets it the way an updated extension does: the next audit opens it.
 */
const closed = readFileSync(join(import.meta.dirname, 'fixtures', 'wp-comments-closed.html'), 'utf8');

interface Seeded {
  /** the database as the seed left it, before the extension's code could meet it */
  schema: { version: number; stores: string[] };
  audits: { id: number; url: string; site: string }[];
  /** per audit id, the v1 findings' rules in primary-key order */
  rules: Record<number, string[]>;
}

/**
 * Runs in the extension (worker or extension page): a v1 `howsocial` database with data. Handed
 * to the browser as source text, so everything it uses is inside it.
 */
async function seedV1(n: number): Promise<Seeded> {
  const request = <T>(req: IDBRequest<T>) =>
    new Promise<T>((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
  // An open Dexie handle (the worker's) closes itself on versionchange, so the delete goes through;
  // but Dexie may reopen it (at v2) before our v1 open: then delete and try again.
  for (let attempt = 1; ; attempt++) {
    await request(indexedDB.deleteDatabase('howsocial'));
    try {
      return await writeV1();
    } catch (err) {
      if ((err as DOMException)?.name !== 'VersionError' || attempt >= 20) throw err;
    }
  }

  async function writeV1(): Promise<Seeded> {
    const open = indexedDB.open('howsocial', 10);
    open.onupgradeneeded = () => {
      const db = open.result;
      const audits = db.createObjectStore('audits', { keyPath: 'id', autoIncrement: true });
      for (const [index, path] of [
        ['url', 'url'],
        ['site', 'site'],
        ['time', 'time'],
        ['[site+time]', ['site', 'time']],
        ['[url+time]', ['url', 'time']],
        ['platform', 'platform'],
      ] as const)
        audits.createIndex(index, path as string | string[]);
      const findings = db.createObjectStore('findings', { keyPath: 'id', autoIncrement: true });
      findings.createIndex('auditId', 'auditId');
      findings.createIndex('rule', 'rule');
      const prints = db.createObjectStore('fingerprints', { keyPath: 'id', autoIncrement: true });
      for (const index of ['fingerprint', 'site', 'auditId', 'time']) prints.createIndex(index, index);
    };
    const db = await request(open);
    const rulePool = ['comments-closed', 'author-replies', 'stale', 'comment-form-friction', 'one-way-links'];
    const seeded: Seeded = { schema: { version: db.version, stores: [...db.objectStoreNames].sort() }, audits: [], rules: {} };
    const tx = db.transaction(['audits', 'findings'], 'readwrite');
    const now = Date.now();
    for (let i = 0; i < n; i++) {
      const site = `v1-site-${i % 3}.example`;
      const url = `https://${site}/post-${i}/`;
      const id = (await request(
        tx.objectStore('audits').add({
          url,
          site,
          platform: 'wordpress',
          kind: 'article',
          score: (i * 17) % 101,
          band: 'orange',
          time: now - (n - i) * 60_000,
          rulesVersion: 1,
          facts: { commentSystem: 'native', commentsState: 'closed', comments: i },
          sample: i,
        }),
      )) as number;
      seeded.audits.push({ id, url, site });
      // audits 0, 5, 10, … have no findings (kind other in v1 kept none); the rest 1–4, in rule order
      const rules = rulePool.slice(0, i % 5);
      seeded.rules[id] = rules;
      for (const rule of rules)
        await request(
          tx.objectStore('findings').add({
            auditId: id,
            rule,
            verdict: 'fail',
            score: 0,
            weight: 2,
            evidence: [{ selector: `#comment-${i}`, text: `Kommentar ${i} – „${rule}“` }],
            detail: [i, rule],
          }),
        );
    }
    await new Promise<void>((ok, fail) => {
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
    return seeded;
  }
}

/** Runs in the extension: the database's version and stores as the browser has them now. */
async function schemaNow(): Promise<{ version: number; stores: string[] }> {
  const open = indexedDB.open('howsocial');
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const out = { version: db.version, stores: [...db.objectStoreNames].sort() };
  db.close();
  return out;
}

describe.each(browsers)('schema migration (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it('a v1 database is upgraded in place by the next audit: every audit and finding survives, in order', async () => {
    const seeded = await ext.evalInExtension(seedV1, 40);
    // (Chromium's worker may reopen its closed Dexie handle and upgrade at once: checked in the seed)
    expect(seeded.schema).toEqual({ version: 10, stores: ['audits', 'findings', 'fingerprints'] });

    // The updated extension meets the old database: a page's audit opens it (Dexie, schema v3).
    const url = ext.server.page('/after-update.html', closed);
    await ext.openPage(url);
    const audits = await waitFor(
      () => ext.dbAudits(),
      (rows) => rows.some((r) => r.url === url),
      { what: 'the new audit stored beside the migrated ones' },
    );
    expect(await ext.evalInExtension(schemaNow)).toEqual({
      version: 30,
      stores: ['auditFindings', 'audits', 'fingerprints', 'ownerAudits', 'ownerPosts'],
    });

    // every v1 audit, by id, with its fields
    for (const a of seeded.audits) expect(audits.find((r) => r.id === a.id)).toMatchObject({ url: a.url, site: a.site });
    expect(audits).toHaveLength(seeded.audits.length + 1);
    // every v1 finding, with its audit, in the order v1 readers got them, evidence and detail intact
    const findings = await ext.dbFindings();
    for (const a of seeded.audits) {
      const mine = findings.filter((f) => f.auditId === a.id);
      expect(mine.map((f) => f.rule)).toEqual(seeded.rules[a.id]);
      for (const f of mine) expect(f.evidence[0].text).toContain(f.rule);
    }
    const newAudit = audits.find((r) => r.url === url)!;
    expect(findings.some((f) => f.auditId === newAudit.id)).toBe(true);

    // the popup's history lists the migrated sites next to the new one
    const page = await ext.openPage(ext.server.page('/plain-after-update.html', '<!doctype html><title>x</title><p>x</p>'));
    const popup = await ext.openPopup(page.tabId);
    await popup.click('#tab-history');
    await popup.waitFor('[data-testid=history-list]');
    for (const site of ['v1-site-0.example', 'v1-site-1.example', 'v1-site-2.example'])
      expect(await popup.count(`[data-site="${site}"]`)).toBe(1);
    await popup.close();
  });
});
