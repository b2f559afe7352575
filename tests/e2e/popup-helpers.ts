import type { Audit } from '../../src/contract';
import type { Ext, PopupPage } from './harness';

/** Shared by the popup, export, history and a11y end-to-end tests (owned by the popup's author). */

const DAY = 86_400_000;

export interface SeedAudit {
  site: string;
  daysAgo: number;
  score: number | null;
  evidence?: string;
  url?: string;
}

const band = (s: number | null) => (s === null ? 'grey' : s >= 90 ? 'green' : s >= 50 ? 'orange' : 'red');

/** A backup file (the popup's own import format) holding these audits. */
export function backupOf(audits: SeedAudit[], now = Date.now()): string {
  return JSON.stringify({
    format: 'howsocial-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    audits: audits.map((a, i) => ({
      url: a.url ?? `https://${a.site}/post-${i}/`,
      site: a.site,
      platform: 'wordpress',
      kind: 'article',
      score: a.score,
      band: band(a.score),
      time: now - a.daysAgo * DAY,
      rulesVersion: 1,
      facts: {},
      sample: 2,
      findings: [
        {
          rule: 'comments-closed',
          verdict: 'fail',
          score: 0,
          weight: 3,
          evidence: [{ selector: '#respond', text: a.evidence ?? 'Kommentare sind geschlossen.' }],
        },
      ],
      fingerprints: [],
    })),
  });
}

/** Seed the database through the popup's backup import (a file set on the input, as a user would pick it). */
export async function importThroughPopup(popup: PopupPage, json: string): Promise<string> {
  await popup.click('#tab-export');
  await popup.waitFor('[data-testid=backup-import]');
  await popup.evaluate((text: string) => {
    const input = document.querySelector('[data-testid=backup-import]') as HTMLInputElement;
    const files = new DataTransfer();
    files.items.add(new File([text], 'backup.json', { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, json);
  await popup.waitFor('[data-testid=import-report]');
  return popup.text('[data-testid=import-report]');
}

/** A crafted audit for a tab, written where the background writes it (storage.session). */
export async function setTabAudit(ext: Ext, tabId: number, audit: Audit): Promise<void> {
  await ext.evalInExtension(
    async ({ key, value }: { key: string; value: Audit }) => {
      await chrome.storage.session.set({ [key]: value });
    },
    { key: `audit:tab:${tabId}`, value: audit },
  );
}

export function craftedAudit(url: string, evidence: { selector: string; text: string }[]): Audit {
  return {
    url,
    site: new URL(url).hostname,
    kind: 'article',
    platform: 'wordpress',
    score: 33,
    band: 'red',
    findings: [
      { rule: 'author-replies', verdict: 'pass', score: 1, weight: 2, evidence: [] },
      { rule: 'comments-closed', verdict: 'fail', score: 0, weight: 3, evidence },
    ],
    facts: {} as Audit['facts'],
    time: Date.now(),
    rulesVersion: 1,
    fingerprints: [],
    sample: 2,
  };
}
