import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isPaused, normalizeSettings, pausePatch, withoutEndedPauses } from '../../src/settings';

const NOW = 1_780_000_000_000;
const HOUR = 3_600_000;

describe('settings', () => {
  it('an older stored shape (paused sites only, retention 180) stays valid; bad values fall back', () => {
    expect(normalizeSettings({ pausedSites: ['a.example', 7, 'a.example'], retentionDays: 180 })).toEqual({
      ...DEFAULT_SETTINGS,
      pausedSites: ['a.example'],
      retentionDays: 180,
    });
    expect(normalizeSettings({ retentionDays: -1, perSiteCap: 0 })).toMatchObject({
      retentionDays: DEFAULT_SETTINGS.retentionDays,
      perSiteCap: DEFAULT_SETTINGS.perSiteCap,
    });
    // 0 days is a choice (keep no history), not a fallback
    expect(normalizeSettings({ retentionDays: 0 }).retentionDays).toBe(0);
    // an end without its site in the list is dropped
    expect(normalizeSettings({ pausedSites: [], pausedUntil: { 'x.com': NOW } }).pausedUntil).toEqual({});
  });

  it('pauses for an hour, a day or until resumed, and resumes', () => {
    const s = DEFAULT_SETTINGS;
    const hour = normalizeSettings({ ...s, ...pausePatch(s, 'x.com', 'hour', NOW) });
    expect(isPaused(hour, 'x.com', NOW + HOUR - 1)).toBe(true);
    expect(isPaused(hour, 'x.com', NOW + HOUR)).toBe(false);
    const day = normalizeSettings({ ...hour, ...pausePatch(hour, 'x.com', 'day', NOW) });
    expect(day.pausedSites).toEqual(['x.com']);
    expect(isPaused(day, 'x.com', NOW + 23 * HOUR)).toBe(true);
    expect(isPaused(day, 'x.com', NOW + 24 * HOUR)).toBe(false);
    const always = normalizeSettings({ ...day, ...pausePatch(day, 'x.com', 'always', NOW) });
    expect(always.pausedUntil).toEqual({});
    expect(isPaused(always, 'x.com', NOW + 10_000 * HOUR)).toBe(true);
    const resumed = normalizeSettings({ ...always, ...pausePatch(always, 'x.com', null, NOW) });
    expect(resumed.pausedSites).toEqual([]);
    expect(isPaused(resumed, 'x.com', NOW)).toBe(false);
  });

  it('drops ended timed pauses only', () => {
    const s = normalizeSettings({ pausedSites: ['a', 'b', 'c'], pausedUntil: { a: NOW - 1, b: NOW + 1 } });
    expect(withoutEndedPauses(s, NOW)).toEqual({ pausedSites: ['b', 'c'], pausedUntil: { b: NOW + 1 } });
    expect(withoutEndedPauses(normalizeSettings({ pausedSites: ['c'] }), NOW)).toBeNull();
  });
});
