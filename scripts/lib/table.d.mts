import type { Finding } from '../../src/model';
import type { Messages } from './messages.mjs';

export function table(rows: (string | number)[][], options?: { align?: ('l' | 'r')[] }): string;
export { byImpact } from '../../src/lib/impact.js';
export function verdictWord(verdict: Finding['verdict'], messages: Messages): string;
export function detailLine(finding: Finding, messages: Messages, max?: number): string;
export function scoreText(score: number | null): string;
export function pageReport(
  file: string,
  result: { audit: import('../../src/model').Audit | null; error: string | null; timedOut?: boolean },
  messages: Messages,
  meant?: { kind: string; shows: string },
): string;
