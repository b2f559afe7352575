import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditOf } from '../../../src/judge/audit';
import { fitModel } from '../../../src/contract/fit';
import { LIMITS } from '../../../src/contract/limits';
import type { Audit } from '../../../src/contract';
import { isAudit, parseAudit, parseMessage, parsePageModel, senderAllowed } from '../../../src/contract/validate';
import { pageModel, ruleContext } from './arbitraries';

const TYPES = ['page', 'load-adapters', 'audit-tab', 'highlight', 'run-audit'];

/** A real audit of an http(s) page, as the worker stores it and a backup holds it (JSON). */
const validAudit: fc.Arbitrary<Audit> = fc
  .tuple(pageModel, ruleContext, fc.constantFrom('https://blog.example/post/', 'http://x.com/acct'))
  .map(([model, ctx, url]) => JSON.parse(JSON.stringify(auditOf({ ...model, url }, ctx))));

/** One way to break an otherwise valid audit: too big, wrong type, out of range. */
const corruptions: [string, (a: Audit) => unknown][] = [
  ['oversized url', (a) => ({ ...a, url: `https://x.example/${'a'.repeat(LIMITS.urlChars)}` })],
  ['javascript: url', (a) => ({ ...a, url: 'javascript:alert(1)' })],
  ['score 101', (a) => ({ ...a, score: 101 })],
  ['score NaN', (a) => ({ ...a, score: Number.NaN })],
  ['score as string', (a) => ({ ...a, score: '50' })],
  ['unknown kind', (a) => ({ ...a, kind: 'shop' })],
  ['unknown band', (a) => ({ ...a, band: 'purple' })],
  [
    'too many findings',
    (a) => ({
      ...a,
      findings: Array.from({ length: LIMITS.findings + 1 }, () => ({
        rule: 'r',
        verdict: 'n/a',
        score: null,
        weight: 1,
        evidence: [],
      })),
    }),
  ],
  ['finding score 2', (a) => ({ ...a, findings: [{ rule: 'r', verdict: 'pass', score: 2, weight: 1, evidence: [] }] })],
  [
    'finding rule id with markup',
    (a) => ({ ...a, findings: [{ rule: '<img src=x>', verdict: 'pass', score: 1, weight: 1, evidence: [] }] }),
  ],
  [
    'oversized evidence text',
    (a) => ({
      ...a,
      findings: [
        {
          rule: 'r',
          verdict: 'fail',
          score: 0,
          weight: 1,
          evidence: [{ selector: 'p', text: 'x'.repeat(LIMITS.textChars + 1) }],
        },
      ],
    }),
  ],
  [
    'too much evidence',
    (a) => ({
      ...a,
      findings: [
        {
          rule: 'r',
          verdict: 'fail',
          score: 0,
          weight: 1,
          evidence: Array.from({ length: LIMITS.evidencePerFinding + 1 }, () => ({ selector: 'p', text: '' })),
        },
      ],
    }),
  ],
  ['too many fingerprints', (a) => ({ ...a, fingerprints: Array.from({ length: LIMITS.fingerprints + 1 }, () => 'deadbeef') })],
  ['fingerprint not hex', (a) => ({ ...a, fingerprints: ['not-a-fp'] })],
  ['facts with an object', (a) => ({ ...a, facts: { comments: { toString: 1 } } })],
  ['negative time', (a) => ({ ...a, time: -1 })],
  ['missing findings', (a) => ({ ...a, findings: undefined })],
  ['audit is an array', () => []],
];

describe('parseMessage on anything', () => {
  it('never throws, and accepts only objects of a known type', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ type: fc.constantFrom(...TYPES) }, { requiredKeys: [] })), (raw) => {
        const m = parseMessage(raw);
        if (m !== null) expect(TYPES).toContain(m.type);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every audit the engine produces', () => {
    fc.assert(
      fc.property(validAudit, (audit) => {
        expect(parseAudit(audit)).toEqual(audit);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every malformed or oversized audit', () => {
    fc.assert(
      fc.property(validAudit, fc.constantFrom(...corruptions), (audit, [name, corrupt]) => {
        expect(isAudit(corrupt(audit)), name).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts every page model an adapter could send, once the content script has fitted it', () => {
    fc.assert(
      fc.property(pageModel, fc.constantFrom('https://blog.example/post/', 'http://x.com/acct'), (model, url) => {
        const sent = JSON.parse(JSON.stringify(fitModel({ ...model, url })));
        expect(parsePageModel(sent)).not.toBeNull();
        expect(parseMessage({ type: 'page', model: sent })).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('rejects malformed tab ids, selectors and family names', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer({ max: -1 }), fc.string(), fc.constant(2 ** 31), fc.constant(null)),
        (tabId) => {
          if (Number.isInteger(tabId) && (tabId as number) >= 0 && (tabId as number) < 2 ** 31) return;
          expect(parseMessage({ type: 'audit-tab', tabId })).toBeNull();
        },
      ),
      { numRuns: 1000 },
    );
    expect(parseMessage({ type: 'highlight', selector: 'a'.repeat(LIMITS.selectorChars + 1) })).toBeNull();
    expect(parseMessage({ type: 'highlight', selector: '' })).toBeNull();
    expect(parseMessage({ type: 'load-adapters', family: 'rules' })).toBeNull();
    expect(parseMessage({ type: 'load-adapters', family: '../../evil.js' })).toBeNull();
    expect(parseMessage({ type: 'constructor' })).toBeNull();
    expect(parseMessage({ type: '__proto__' })).toBeNull();
  });

  it('survives hostile objects: throwing getters, proxies, revoked proxies, cycles', () => {
    const throwing = {
      type: 'page',
      get model(): never {
        throw new Error('boom');
      },
    };
    const proxy = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        has: () => {
          throw new Error('trap');
        },
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    const { proxy: revoked, revoke } = Proxy.revocable({ type: 'page' }, {});
    revoke();
    const cyclic: Record<string, unknown> = { type: 'page' };
    cyclic.model = cyclic;
    for (const raw of [throwing, proxy, revoked, cyclic, { type: 'page', model: proxy }]) {
      expect(() => parseMessage(raw)).not.toThrow();
      expect(parseMessage(raw)).toBeNull();
    }
    // …and keeps accepting good messages afterwards (no state poisoned).
    expect(parseMessage({ type: 'audit-tab', tabId: 3 })).not.toBeNull();
  });
});

describe('senderAllowed', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const ORIGIN = `chrome-extension://${ID}/`;
  it('lets content messages in only from our content script in a top frame of an http(s) tab', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            id: fc.constantFrom(ID, 'other', undefined),
            url: fc.constantFrom(
              'https://a.example/',
              'http://b/',
              `${ORIGIN}popup/index.html`,
              'file:///x',
              'about:blank',
              undefined,
            ),
            frameId: fc.constantFrom(0, 1, undefined),
            tab: fc.constantFrom({ id: 1 }, { id: -1 }, {}, undefined),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom('page', 'load-adapters', 'audit-tab', 'highlight', 'run-audit'),
        (sender, type) => {
          const ok = senderAllowed(type as never, sender as never, ID, ORIGIN);
          if (!ok) return;
          expect(sender.id).toBe(ID);
          if (type === 'page' || type === 'load-adapters') {
            expect(sender.frameId).toBe(0);
            expect(sender.url).toMatch(/^https?:/);
            expect(sender.tab?.id).toBe(1);
          } else {
            expect(type === 'audit-tab' || type === 'highlight').toBe(true);
            expect(sender.url?.startsWith(ORIGIN)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
