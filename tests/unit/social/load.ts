import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A fixture from tests/fixtures/social as a Document (parsed, never fetched: no network in tests). */
export function fixture(name: string): Document {
  const html = readFileSync(resolve(__dirname, '../../fixtures/social', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}
