export const AUDIT_USAGE: string;
export class UsageError extends Error {}
export function isUrlInput(input: string): boolean;
export function isHttpUrl(value: string): boolean;
export interface AuditInput {
  input: string;
  isUrl: boolean;
  url: string | null;
}
export interface AuditOptions {
  help: boolean;
  inputs: AuditInput[];
  format: 'json' | 'csv';
  out: string | null;
  timeout: number;
  dist: string | null;
}
export function parseAuditArgs(argv: string[]): AuditOptions;
export function optionsOrExit<T>(parse: (argv: string[]) => T & { help?: boolean }, usage: string, argv?: string[]): T;
