import { describe, expect, it } from 'vitest';
import rule, { coefficientOfVariation, normalizedEntropy } from '../../../../src/rules/machine-cadence';
import { ctx, many, profile } from './_make';

const start = Date.parse('2025-03-03T08:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();
/** A person: irregular gaps (primes of minutes, seconds set), never on round minutes. */
const human = many(10, (i) => ({ time: at(start + (i * i * 37 + i * 13 + 7) * 60_000 + 17_000) }));

describe('machine-cadence', () => {
  it('measures regularity', () => {
    expect(coefficientOfVariation([60, 60, 60])).toBe(0);
    expect(normalizedEntropy([5, 5, 5, 5], 1)).toBe(0);
    expect(normalizedEntropy([1, 2, 3, 4], 1)).toBe(1);
  });

  it('passes a human rhythm', () => {
    expect(rule.judge(profile(human), ctx)?.verdict).toBe('pass');
  });

  it('warns on one machine sign: every hour on the hour… is two, every 61 minutes is one', () => {
    const hourly = many(8, (i) => ({ time: at(start + i * 3_600_000) }));
    expect(rule.judge(profile(hourly), ctx)?.verdict).toBe('fail');
    const regular = many(8, (i) => ({ time: at(start + i * 61 * 60_000 + 7 * 60_000) }));
    const f = rule.judge(profile(regular), ctx);
    expect(f?.verdict).toBe('warn');
  });

  it('counts scheduler clients as a sign', () => {
    const buffered = human.map((p) => ({ ...p, client: 'Buffer' }));
    expect(rule.judge(profile(buffered), ctx)?.verdict).toBe('warn');
    expect(rule.judge(profile(human.map((p) => ({ ...p, client: 'Ivory for Mac' }))), ctx)?.verdict).toBe('pass');
  });

  it('is n/a with fewer than 6 timed posts', () => {
    expect(rule.judge(profile(many(5, (i) => ({ time: at(start + i * 3_600_000) }))), ctx)).toBeNull();
    expect(rule.judge(profile(many(10, () => ({}))), ctx)).toBeNull();
  });

  it('ignores the pinned post', () => {
    const withPinned = [...many(1, () => ({ isPinned: true, time: '2019-01-01T00:00:00Z' })), ...human];
    expect(rule.judge(profile(withPinned), ctx)?.verdict).toBe('pass');
  });
});
