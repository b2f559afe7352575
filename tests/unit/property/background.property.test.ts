import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../src/storage/db';
import { chromeMock, sampleModel } from '../setup';

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
    type: fc.constantFrom('page', 'load-adapters', 'audit-tab', 'highlight', 'audit', 'history'),
    model: fc.anything(),
    family: fc.anything(),
  }),
  fc.record({
    type: fc.constant('page'),
    model: fc.record({ url: fc.constant(`https://x.example/${'a'.repeat(5000)}`), kind: fc.anything() }),
  }),
  fc.string({ maxLength: 100 }).map((s) => ({ type: 'page', model: { ...sampleModel(), url: `javascript:${s}` } })),
  fc.double().map((depth) => ({
    type: 'page',
    model: {
      ...sampleModel(),
      comments: { ...sampleModel().comments!, comments: [{ ...sampleModel().comments!.comments![0], depth }] },
    },
  })),
);

describe('background listener on garbage', () => {
  it('rejects every malformed message without writing anything, then still accepts a valid page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(garbage, { minLength: 1, maxLength: 20 }), async (messages) => {
        const chrome = chromeMock();
        const tabId = ++tab;
        for (const m of messages) {
          // Whole depths 0–1000 are valid: fc.double() rarely hits one, skip it when it does.
          const depth = (m as { model?: { comments?: { comments?: { depth?: unknown }[] } } } | null)?.model?.comments
            ?.comments?.[0]?.depth;
          if (typeof depth === 'number' && Number.isInteger(depth) && depth >= 0 && depth <= 1000) continue;
          expect(await send(m, tabId)).toBe('rejected');
        }
        expect(chrome.storage.session.data.has(`audit:tab:${tabId}`)).toBe(false);
        expect(chrome.badges.get(tabId)).toBeUndefined();
        // The same tab's real page right after the garbage is accepted, judged, stored and badged.
        expect(await send({ type: 'page', model: sampleModel() }, tabId)).toEqual({ ok: true });
        expect(chrome.badges.get(tabId)?.text).toMatch(/^\d+$/);
      }),
      { numRuns: 60 },
    );
  });
});
