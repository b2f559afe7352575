import type { Finding } from '../../src/model';
import type { Messages } from './messages.mjs';

export function table(rows: (string | number)[][], options?: { align?: ('l' | 'r')[] }): string;
export function byImpact<T extends { rule: string; score: number | null; weight: number }>(findings: readonly T[]): T[];
export function detailLine(finding: Finding, messages: Messages, max?: number): string;
export function scoreText(score: number | null): string;
export function pageReport(
  file: string,
  result: { audit: import('../../src/model').Audit | null; error: string | null },
  messages: Messages,
  meant?: { kind: string; shows: string },
): string;
