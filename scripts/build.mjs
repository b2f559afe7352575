// Builds the extension for Chrome (dist/chrome) and Firefox (dist/firefox) from one manifest.
import { build } from 'vite';

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];
for (const mode of targets) {
  await build({ mode, logLevel: 'warn' });
  console.log(`built ${process.env.HOWSOCIAL_DIST ?? 'dist'}/${mode}`);
}
