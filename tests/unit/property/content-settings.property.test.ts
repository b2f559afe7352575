import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageSettingsOf } from '../../../src/settings';
import { normalizeSettings } from '../../../src/settings';

/**
 * The content script reads three settings without src/settings.ts's full normalisation (which
 * would ship to every page): whatever is stored — old versions, hand edits, a backup, garbage —
 * both readings must agree on passive mode, paused sites and platforms.
 */
describe('the content script reads settings as the extension does', () => {
  const value = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.string(),
    fc.array(
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.string({ minLength: 250, maxLength: 256 }),
        fc.integer(),
        fc.constant(''),
        fc.constant(null),
      ),
    ),
  );
  const stored = fc.oneof(
    value,
    fc.record(
      { passive: value, pausedSites: value, platforms: value, badgeStyle: value, retentionDays: value },
      { requiredKeys: [] },
    ),
  );

  it('agrees with normalizeSettings on passive, pausedSites and platforms', () => {
    fc.assert(
      fc.property(stored, (raw) => {
        const full = normalizeSettings(raw);
        const page = pageSettingsOf(raw);
        expect(page.passive).toBe(full.passive);
        expect(new Set(page.pausedSites)).toEqual(new Set(full.pausedSites));
        expect(page.platforms).toEqual(full.platforms);
      }),
      { numRuns: 2000 },
    );
  });
});
