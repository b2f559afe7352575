import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../src/storage/db';
import { chromeMock, sampleAudit } from '../setup';

// The crxjs "?script" import is a build-time file name; in unit tests it is just a string.
vi.mock('../../../content-scripts/main.ts?script', () => ({ default: 'assets/main.ts-loader.js' }));

/**
 * The background on a stream of garbage from a hostile page: every malformed or oversized message
 * is rejected without a write, and a valid audit afterwards still gets through (nothing poisoned,
 * no exception escaping the listener).
 */
let tab = 100;
const senderOf = (tabId: number) => ({
  id: 'test-extension-id',
  url: 'https://blog.example/2024/03/post/',
  frameId: 0,
  tab: { id: tabId },
});

type Listener = (msg: unknown, sender: unknown, respond: (r: unknown) => void) => boolean;
let listener: Listener;

beforeEach(async () => {
  vi.resetModules();
  await import('../../../src/background/index');
  listener = chromeMock().runtime.onMessage.listeners[0] as unknown as Listener;
});
afterEach(async () => {
  await openDb().delete();
});

const send = (msg: unknown, tabId: number) =>
  new Promise<unknown>((resolve) => {
    if (!listener(msg, senderOf(tabId), resolve)) resolve('rejected');
  });

/** Malformed messages: random values, known types with random bodies, oversized strings. */
const garbage = fc.oneof(
  fc.anything(),
  fc.record({
    type: fc.constantFrom('audit', 'history', 'audit-tab', 'highlight'),
    audit: fc.anything(),
    fingerprints: fc.anything(),
  }),
  fc.record({
    type: fc.constant('audit'),
    audit: fc.record({ url: fc.constant(`https://x.example/${'a'.repeat(5000)}`), score: fc.anything() }),
  }),
  fc.string({ maxLength: 100 }).map((s) => ({ type: 'audit', audit: { ...sampleAudit(), url: `javascript:${s}` } })),
  fc.double().map((score) => ({ type: 'audit', audit: { ...sampleAudit(), score } })),
);

describe('background listener on garbage', () => {
  it('rejects every malformed message without writing anything, then still accepts a valid audit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(garbage, { minLength: 1, maxLength: 20 }), async (messages) => {
        const chrome = chromeMock();
        const tabId = ++tab;
        for (const m of messages) {
          // Integer scores 0–100 are valid: fc.double() rarely hits one, skip it when it does.
          const score = (m as { audit?: { score?: unknown } } | null)?.audit?.score;
          if (typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= 100) continue;
          expect(await send(m, tabId)).toBe('rejected');
        }
        expect(chrome.storage.session.data.has(`audit:tab:${tabId}`)).toBe(false);
        expect(chrome.badges.get(tabId)).toBeUndefined();
        // The same tab's real audit right after the garbage is accepted, stored and badged.
        expect(await send({ type: 'audit', audit: sampleAudit({ time: Date.now(), score: 55, band: 'orange' }) }, tabId)).toEqual(
          { ok: true },
        );
        expect(chrome.badges.get(tabId)?.text).toBe('55');
      }),
      { numRuns: 60 },
    );
  });
});
