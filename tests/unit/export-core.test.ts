// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FACT_KEYS } from '../../src/export/core.js';
import { factsOf } from '../../src/judge/facts';

// core.js is plain JavaScript (the CLI imports it in Node), so tsc checks its .d.ts, not its
// values: this pins the list to the facts the extension really produces, in the same order.
describe('export core', () => {
  it('FACT_KEYS are exactly the keys of factsOf, in order', () => {
    for (const kind of ['article', 'profile', 'post', 'other'] as const) {
      expect(Object.keys(factsOf({ url: 'https://a.example/', kind, platform: 'generic' }))).toEqual([...FACT_KEYS]);
    }
  });
});
