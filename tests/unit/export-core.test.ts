// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FACT_KEYS } from '../../src/export/core';
import { factsOf } from '../../src/judge/facts';

// tsc checks FACT_KEYS against the Facts type's keys, not its order or completeness at run time:
// this pins the list to the facts the extension really produces, in the same order.
describe('export core', () => {
  it('FACT_KEYS are exactly the keys of factsOf, in order', () => {
    for (const kind of ['article', 'profile', 'post', 'other'] as const) {
      expect(Object.keys(factsOf({ url: 'https://a.example/', kind, platform: 'generic' }))).toEqual([...FACT_KEYS]);
    }
  });
});
