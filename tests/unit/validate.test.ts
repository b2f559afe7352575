import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/messages';
import type { Audit } from '../../src/model';
import { isAudit, parseMessage, senderAllowed } from '../../src/validate';
import { sampleAudit } from './setup';

const ID = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';

describe('parseMessage', () => {
  it('accepts each protocol shape', () => {
    expect(parseMessage({ type: 'audit', audit: sampleAudit() })).not.toBeNull();
    expect(parseMessage({ type: 'history', fingerprints: ['0badc0de'], site: 'x.com', platform: 'x' })).not.toBeNull();
    expect(parseMessage({ type: 'audit-tab', tabId: 4 })).not.toBeNull();
    expect(parseMessage({ type: 'highlight', selector: '#comments' })).not.toBeNull();
    expect(parseMessage({ type: 'highlight', tabId: 3, selector: '#comments' })).not.toBeNull();
  });

  it.each([
    ['not an object', 'audit'],
    ['null', null],
    ['an array', [{ type: 'audit' }]],
    ['an unknown type', { type: 'eval', code: '1' }],
    ['a prototype key as type', { type: 'constructor' }],
    ['an audit without audit', { type: 'audit' }],
    ['a negative tab id', { type: 'audit-tab', tabId: -1 }],
    ['a fractional tab id', { type: 'audit-tab', tabId: 1.5 }],
    ['a string tab id', { type: 'audit-tab', tabId: '1' }],
    ['an empty selector', { type: 'highlight', selector: '' }],
    ['an oversized selector', { type: 'highlight', selector: 'a'.repeat(LIMITS.selectorChars + 1) }],
    ['a non-hex fingerprint', { type: 'history', fingerprints: ['<script>'], site: 's', platform: 'x' }],
    [
      'too many fingerprints',
      { type: 'history', fingerprints: Array(LIMITS.fingerprints + 1).fill('0badc0de'), site: 's', platform: 'x' },
    ],
  ])('rejects %s', (_name, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it.each<[string, Partial<Audit> | ((a: Audit) => unknown)]>([
    ['a javascript: URL', { url: 'javascript:alert(1)' }],
    ['an oversized URL', { url: `https://a.example/${'x'.repeat(LIMITS.urlChars)}` }],
    ['a score above 100', { score: 101 }],
    ['a NaN score', { score: Number.NaN }],
    ['an unknown kind', { kind: 'shop' as Audit['kind'] }],
    ['an unknown band', { band: 'purple' as Audit['band'] }],
    ['too many findings', (a) => ({ ...a, findings: Array(LIMITS.findings + 1).fill(a.findings[0]) })],
    [
      'too much evidence',
      (a) => ({
        ...a,
        findings: [{ ...a.findings[0], evidence: Array(LIMITS.evidencePerFinding + 1).fill(a.findings[0].evidence[0]) }],
      }),
    ],
    [
      'an oversized excerpt',
      (a) => ({ ...a, findings: [{ ...a.findings[0], evidence: [{ selector: 'p', text: 'x'.repeat(LIMITS.textChars + 1) }] }] }),
    ],
    ['a finding score above 1', (a) => ({ ...a, findings: [{ ...a.findings[0], score: 2 }] })],
    ['a rule id with markup', (a) => ({ ...a, findings: [{ ...a.findings[0], rule: '<img src=x>' }] })],
    ['facts with an object', (a) => ({ ...a, facts: { ...a.facts, comments: { n: 1 } } })],
    ['missing facts', (a) => ({ ...a, facts: undefined })],
  ])('rejects an audit with %s', (_name, change) => {
    const audit = typeof change === 'function' ? change(sampleAudit()) : sampleAudit(change);
    expect(parseMessage({ type: 'audit', audit })).toBeNull();
  });

  it('never throws on hostile objects: throwing getters, proxies, revoked proxies', () => {
    const throwing = Object.defineProperty({ type: 'audit' }, 'audit', {
      get() {
        throw new Error('boom');
      },
    });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(parseMessage(throwing)).toBeNull();
    expect(parseMessage(proxy)).toBeNull();
    expect(parseMessage({ type: 'audit', audit: proxy })).toBeNull();
  });

  it('rejects any random value and never throws (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        expect(parseMessage(raw)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('rejects random junk under a valid type (property)', () => {
    const types = fc.constantFrom('audit', 'history', 'audit-tab', 'highlight');
    fc.assert(
      fc.property(types, fc.dictionary(fc.string(), fc.anything()), (type, rest) => {
        const msg = { ...rest, type };
        const ok = parseMessage(msg);
        // Only junk that happens to satisfy the shape gets through, and then it really does.
        if (ok && type === 'audit') expect(isAudit((msg as { audit?: unknown }).audit)).toBe(true);
        if (ok && type === 'audit-tab') expect(Number.isInteger((msg as { tabId?: unknown }).tabId)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('senderAllowed', () => {
  const content = { id: ID, url: 'https://blog.example/post', frameId: 0, tab: { id: 5 } };
  const popup = { id: ID, url: `${ORIGIN}popup/index.html` };

  it('content messages come from our content script in a web page top frame', () => {
    expect(senderAllowed('audit', content, ID, ORIGIN)).toBe(true);
    expect(senderAllowed('history', content, ID, ORIGIN)).toBe(true);
    expect(senderAllowed('audit', { ...content, id: 'other-extension' }, ID, ORIGIN)).toBe(false);
    expect(senderAllowed('audit', { ...content, frameId: 3 }, ID, ORIGIN)).toBe(false);
    expect(senderAllowed('audit', { ...content, tab: undefined }, ID, ORIGIN)).toBe(false);
    // an extension page opened in a tab is not a content script
    expect(senderAllowed('audit', { ...content, url: `${ORIGIN}popup/index.html` }, ID, ORIGIN)).toBe(false);
  });

  it('popup messages come from a page of this extension, never from a content script', () => {
    expect(senderAllowed('audit-tab', popup, ID, ORIGIN)).toBe(true);
    expect(senderAllowed('highlight', { ...popup, tab: { id: 9 } }, ID, ORIGIN)).toBe(true);
    expect(senderAllowed('audit-tab', content, ID, ORIGIN)).toBe(false);
    expect(senderAllowed('highlight', { ...popup, url: 'chrome-extension://other/popup.html' }, ID, ORIGIN)).toBe(false);
    expect(senderAllowed('run-audit', popup, ID, ORIGIN)).toBe(false);
  });
});
