#!/usr/bin/env node
// @ts-check
// `howsocial audit …` / `howsocial eval …` (npx howsocial, npm install -g, npm run audit).
// Plain JavaScript that runs before anything is installed: it sets up the packages first when
// node_modules is missing or out of step (npm ci, output on stderr), then hands over to the
// TypeScript commands through tsx, which runs them straight from their source: the CLI shares the
// extension's modules (src/export/core.ts, …) without a build step of its own.
import { ensurePackages } from '../scripts/setup.mjs';

const HELP = `Usage: howsocial <command> [options]

Commands
  audit <url-or-file>...   audit pages with the built extension (howsocial audit --help)
  eval DIR                 compare audits of DIR's pages with DIR/labels.json (howsocial eval --help)`;

const [command, ...rest] = process.argv.slice(2);
const COMMANDS = { audit: '../scripts/audit.ts', eval: '../scripts/eval.ts' };

if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(`${HELP}\n`);
  process.exitCode = command === undefined ? 2 : 0;
} else if (!(command in COMMANDS)) {
  process.stderr.write(`error: unknown command "${command}"\n\n${HELP}\n`);
  process.exitCode = 2;
} else if (!ensurePackages()) {
  process.exitCode = 3;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import(COMMANDS[/** @type {keyof typeof COMMANDS} */ (command)]);
  process.exitCode = await main(rest);
}
