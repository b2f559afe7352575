// Runs the real `howsocial` command (bin/howsocial.mjs) as a user does, for the CLI's e2e tests.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(command: 'audit' | 'eval', args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((ok) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'howsocial.mjs'), command, ...args],
      { cwd: ROOT, timeout: 180_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...env } },
      (err, stdout, stderr) => ok({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
