// The benchmark's view of the CSV export: the popup's own exportCsv over a seeded database, bundled
// as one IIFE (window.HowSocialCsv) that bench/run.ts injects into a page on the local server.
import { exportCsv } from '../src/export/stream';
import { type AuditFindingsRow, type AuditRow, openDb } from '../src/storage/db';

const DB = 'howsocial-bench-csv';
const RULES = ['comments-closed', 'comment-form-friction', 'author-replies', 'critical-unanswered', 'one-way-links'];

/** Seeds `findings` findings, 10 per audit (about what an article audit holds), into a fresh DB. */
export async function seed(findings: number): Promise<{ audits: number; findings: number }> {
  const db = openDb(DB);
  await db.delete();
  await db.open();
  const perAudit = 10;
  const audits = Math.ceil(findings / perAudit);
  const rows: AuditRow[] = [];
  for (let i = 0; i < audits; i++) {
    rows.push({
      url: `https://blog${i % 500}.example/post-${i}/`,
      site: `blog${i % 500}.example`,
      platform: 'wordpress',
      kind: 'article',
      score: i % 101,
      band: i % 101 >= 90 ? 'green' : i % 101 >= 50 ? 'orange' : 'red',
      time: 1_780_000_000_000 + i * 60_000,
      rulesVersion: 1,
      facts: {} as AuditRow['facts'],
      sample: 12,
    });
  }
  const ids = (await db.audits.bulkAdd(rows, { allKeys: true })) as number[];
  // Schema v2: one auditFindings row per audit, holding its findings in order.
  const frows: AuditFindingsRow[] = ids.map((auditId) => ({ auditId, findings: [] }));
  for (let i = 0; i < findings; i++) {
    frows[Math.floor(i / perAudit)].findings.push({
      rule: RULES[i % RULES.length],
      verdict: i % 3 === 0 ? 'fail' : 'pass',
      score: (i % 10) / 10,
      weight: 2,
      evidence: [{ selector: `#comment-${i} > p:nth-of-type(1)`, text: `=Kommentar ${i}; "zitiert", mit Umlauten äöü` }],
    });
  }
  await db.auditFindings.bulkAdd(frows);
  db.close();
  return { audits, findings };
}

/** One export of everything, as the popup's "export all" runs it; returns ms and the longest gap. */
export async function run(): Promise<{ ms: number; rows: number; bytes: number; longestGapMs: number }> {
  const db = openDb(DB);
  await db.open();
  // A 0-ms timer chain beside the export: its longest gap is how long a click would wait.
  let longestGapMs = 0;
  let last = performance.now();
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    if (ticking) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const start = performance.now();
  const out = await exportCsv(db, { kind: 'all' }, (key) => key, ';');
  const ms = performance.now() - start;
  ticking = false;
  db.close();
  return { ms, rows: out.rows, bytes: out.blob.size, longestGapMs };
}
