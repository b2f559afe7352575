// Plain-text tables and one-line finding summaries for the terminal (npm start, npm run eval).
import { byImpact } from '../../src/lib/impact';
import type { Audit, Finding } from '../../src/contract';
import type { Messages } from './messages.ts';
import { formatMessage, ruleMessageKey } from './messages.ts';

/** Columns padded to their widest cell; `align` per column: 'l' (default) or 'r'. */
export function table(rows: (string | number)[][], { align = [] }: { align?: ('l' | 'r')[] } = {}): string {
  const width: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      width[i] = Math.max(width[i] ?? 0, String(cell).length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const s = String(cell);
          if (i === row.length - 1 && align[i] !== 'r') return s;
          return align[i] === 'r' ? s.padStart(width[i]) : s.padEnd(width[i]);
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

// Largest loss of points first, not-applicable last: the popup's own sort, imported, not copied.
export { byImpact } from '../../src/lib/impact';

/** The popup's verdict words ("Passed", "Needs review", "Failed", "Not applicable"), not the codes. */
export function verdictWord(verdict: Finding['verdict'], messages: Messages): string {
  return formatMessage(messages, verdict === 'n/a' ? 'verdict_na' : `verdict_${verdict}`) || verdict;
}

/**
 * One line in English: the rule's detail message with its substitutions, else its title. Nothing
 * for a rule that did not apply: its title names the healthy state ("No premium-rate hotline")
 * and would read as a pass.
 */
export function detailLine(finding: Pick<Finding, 'rule' | 'detail' | 'verdict'>, messages: Messages, max = 90): string {
  if (finding.verdict === 'n/a') return '';
  const text =
    (finding.detail && formatMessage(messages, ruleMessageKey(finding.rule, 'detail'), finding.detail)) ||
    formatMessage(messages, ruleMessageKey(finding.rule, 'title')) ||
    '';
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function scoreText(score: number | null): string {
  return typeof score === 'number' ? (Number.isInteger(score) ? String(score) : score.toFixed(2)) : '–';
}

/**
 * The headless `npm start` report of one page: score, band, then each finding by impact. A page
 * without an audit says so plainly — never a made-up score.
 * `meant`: what the demo page is for.
 */
export function pageReport(
  file: string,
  result: { audit: Audit | null; error: string | null; timedOut?: boolean },
  messages: Messages,
  meant?: { kind: string; shows: string },
): string {
  const lines = [`\n== ${file}${meant ? ` — ${meant.shows}` : ''}`];
  if (result.error) {
    lines.push(`   could not audit: ${result.error}`);
    return lines.join('\n');
  }
  const audit = result.audit;
  if (!audit && result.timedOut) {
    // Not a verdict on the page: the content script never answered (stale build, page never loaded).
    lines.push('   no answer from the extension before the timeout: is the build current?');
    return lines.join('\n');
  }
  if (!audit) {
    lines.push('   no audit: the extension found neither an article nor a social profile here, so the badge stays empty.');
    if (meant && meant.kind !== 'other')
      lines.push(`   (this demo page is an ${meant.kind}, so an audit was expected: is the build current?)`);
    return lines.join('\n');
  }
  const score = audit.score === null ? '– (not enough signals)' : `${audit.score}/100`;
  lines.push(`   score ${score}   band ${audit.band}   ${audit.kind} · ${audit.platform}`);
  const findings = byImpact(audit.findings ?? []);
  if (findings.length === 0) {
    lines.push('   no findings');
    return lines.join('\n');
  }
  const rows: string[][] = [['rule', 'verdict', 'score', 'detail']];
  for (const f of findings) rows.push([f.rule, verdictWord(f.verdict, messages), scoreText(f.score), detailLine(f, messages)]);
  lines.push(
    table(rows, { align: ['l', 'l', 'r', 'l'] })
      .split('\n')
      .map((l) => `   ${l}`)
      .join('\n'),
  );
  return lines.join('\n');
}
