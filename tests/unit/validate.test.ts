import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Audit, PageModel } from '../../src/contract';
import { excerpt } from '../../src/contract/excerpt';
import { fitModel } from '../../src/contract/fit';
import { LIMITS } from '../../src/contract/limits';
import { isAudit, parseMessage, parsePageModel, senderAllowed } from '../../src/contract/validate';
import { sampleAudit } from './setup';

const ID = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';

/** A small article model as the WordPress adapter sends it. */
function sampleModel(): PageModel {
  const ev = { selector: '#comment-3', text: 'Gilt das auch für Hafer?' };
  return {
    url: 'https://blog.example/2026/10/post/',
    kind: 'article',
    platform: 'wordpress',
    lang: 'de',
    article: { title: 'Frühstück', links: [], shareButtons: [], text: 'Text', phones: [] },
    comments: {
      system: 'native',
      state: 'open',
      form: null,
      comments: [
        { author: 'Eva', text: 'Gilt das auch für Hafer?', kind: 'comment', byPostAuthor: false, depth: 0, evidence: ev },
      ],
      evidence: [ev],
    },
  };
}

describe('parseMessage', () => {
  it('accepts each protocol shape', () => {
    expect(parseMessage({ type: 'page', model: sampleModel() })).not.toBeNull();
    expect(parseMessage({ type: 'page', model: sampleModel(), more: true })).not.toBeNull();
    expect(parseMessage({ type: 'load-adapters', family: 'blog' })).not.toBeNull();
    expect(parseMessage({ type: 'audit-tab', tabId: 4 })).not.toBeNull();
    expect(parseMessage({ type: 'highlight', selector: '#comments' })).not.toBeNull();
    expect(parseMessage({ type: 'highlight', tabId: 3, selector: '#comments' })).not.toBeNull();
  });

  it('keeps only the keys of the contract (a page cannot smuggle extra data into storage)', () => {
    const m = parseMessage({ type: 'page', model: { ...sampleModel(), extra: 'x'.repeat(10) } }) as { model: object };
    expect(m.model).not.toHaveProperty('extra');
  });

  it.each([
    ['not an object', 'page'],
    ['null', null],
    ['an array', [{ type: 'page' }]],
    ['an unknown type', { type: 'eval', code: '1' }],
    ['a prototype key as type', { type: 'constructor' }],
    ['the old judged-audit message', { type: 'audit', audit: {} }],
    ['a page without a model', { type: 'page' }],
    ['a family that is not one', { type: 'load-adapters', family: 'rules' }],
    ['a negative tab id', { type: 'audit-tab', tabId: -1 }],
    ['a fractional tab id', { type: 'audit-tab', tabId: 1.5 }],
    ['a string tab id', { type: 'audit-tab', tabId: '1' }],
    ['an empty selector', { type: 'highlight', selector: '' }],
    ['an oversized selector', { type: 'highlight', selector: 'a'.repeat(LIMITS.selectorChars + 1) }],
  ])('rejects %s', (_name, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it.each<[string, (m: PageModel) => unknown]>([
    ['a javascript: URL', (m) => ({ ...m, url: 'javascript:alert(1)' })],
    ['an oversized URL', (m) => ({ ...m, url: `https://a.example/${'x'.repeat(LIMITS.urlChars)}` })],
    ['an unknown kind', (m) => ({ ...m, kind: 'shop' })],
    ['an unknown platform', (m) => ({ ...m, platform: 'myspace' })],
    [
      'too many comments',
      (m) => ({ ...m, comments: { ...m.comments!, comments: Array(LIMITS.comments + 1).fill(m.comments!.comments![0]) } }),
    ],
    [
      'an oversized excerpt',
      (m) => ({ ...m, comments: { ...m.comments!, evidence: [{ selector: 'p', text: 'x'.repeat(LIMITS.textChars + 1) }] } }),
    ],
    [
      'an oversized comment',
      (m) => ({
        ...m,
        comments: { ...m.comments!, comments: [{ ...m.comments!.comments![0], text: 'x'.repeat(LIMITS.itemChars + 1) }] },
      }),
    ],
    ['a negative depth', (m) => ({ ...m, comments: { ...m.comments!, comments: [{ ...m.comments!.comments![0], depth: -1 }] } })],
    ['an article text beyond its cap', (m) => ({ ...m, article: { ...m.article!, text: 'x'.repeat(LIMITS.articleChars + 1) } })],
    ['a NaN follower count', (m) => ({ ...m, social: { followers: Number.NaN, following: null, posts: [], unreadable: [] } })],
  ])('rejects a page model with %s', (_name, change) => {
    expect(parseMessage({ type: 'page', model: change(sampleModel()) })).toBeNull();
  });

  it('never throws on hostile objects: throwing getters, proxies, revoked proxies', () => {
    const throwing = Object.defineProperty({ type: 'page' }, 'model', {
      get() {
        throw new Error('boom');
      },
    });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(parseMessage(throwing)).toBeNull();
    expect(parseMessage(proxy)).toBeNull();
    expect(parseMessage({ type: 'page', model: proxy })).toBeNull();
  });

  it('rejects any random value and never throws (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        expect(parseMessage(raw)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('fitModel: evidence never sinks an audit', () => {
  it('cuts what a page makes over-long (a path 120 <div>s deep, a 30,000-character comment) so the worker accepts it', () => {
    const m = sampleModel();
    const deep = Array.from({ length: 120 }, (_, i) => `div:nth-of-type(${i + 1})`).join(' > ');
    expect(deep.length).toBeGreaterThan(LIMITS.selectorChars);
    const c = m.comments!.comments![0];
    const page: PageModel = {
      ...m,
      comments: {
        ...m.comments!,
        comments: [{ ...c, text: 'Warum? '.repeat(5000), evidence: { selector: `body > ${deep}`, text: c.text } }],
      },
    };
    expect(parsePageModel(page)).toBeNull();
    const fitted = parsePageModel(fitModel(page));
    expect(fitted).not.toBeNull();
    const comment = fitted!.comments!.comments![0];
    // A cut path would find another element: it is dropped (no highlight), the excerpt stays.
    expect(comment.evidence).toEqual({ selector: '', text: c.text });
    expect(comment.text.length).toBe(LIMITS.itemChars);
    expect(comment.text.startsWith('Warum? Warum?')).toBe(true);
  });

  it('leaves a model within the limits as it is, once the worker has parsed it', () => {
    expect(parsePageModel(fitModel(sampleModel()))).toEqual(sampleModel());
  });

  it("leaves out an item's evidence text that is the excerpt of its own text, and the worker's parse restores it", () => {
    const m = sampleModel();
    const c = m.comments!.comments![0];
    const long = `${'Warum antwortet hier niemand? '.repeat(20)}Ende.`;
    const page: PageModel = {
      ...m,
      comments: {
        ...m.comments!,
        comments: [
          { ...c, text: long, evidence: { selector: '#comment-1', text: excerpt(long) } },
          { ...c, text: 'Eigener Text', evidence: { selector: '#comment-2', text: 'Anderer Auszug' } },
        ],
      },
    };
    const sent = fitModel(page);
    expect(sent.comments!.comments!.map((x) => x.evidence.text)).toEqual(['', 'Anderer Auszug']);
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(page).length - 150);
    const parsed = parsePageModel(JSON.parse(JSON.stringify(sent)));
    expect(parsed!.comments!.comments!.map((x) => x.evidence)).toEqual([
      { selector: '#comment-1', text: excerpt(long) },
      { selector: '#comment-2', text: 'Anderer Auszug' },
    ]);
  });
});

describe('isAudit (stored audits, backups)', () => {
  it.each<[string, Partial<Audit> | ((a: Audit) => unknown)]>([
    ['a javascript: URL', { url: 'javascript:alert(1)' }],
    ['a score above 100', { score: 101 }],
    ['a band that does not match the score', { band: 'green', score: 20 }],
    ['a rule id with markup', (a) => ({ ...a, findings: [{ ...a.findings[0], rule: '<img src=x>' }] })],
    ['facts with an object', (a) => ({ ...a, facts: { ...a.facts, comments: { n: 1 } } })],
    ['missing facts', (a) => ({ ...a, facts: undefined })],
  ])('rejects an audit with %s', (_name, change) => {
    const audit = typeof change === 'function' ? change(sampleAudit()) : sampleAudit(change);
    expect(isAudit(audit)).toBe(false);
  });

  it('accepts a sample audit', () => {
    expect(isAudit(sampleAudit())).toBe(true);
  });
});

describe('senderAllowed', () => {
  const content = { id: ID, url: 'https://blog.example/post', frameId: 0, tab: { id: 5 } };
  const popup = { id: ID, url: `${ORIGIN}popup/index.html` };

  it('content messages come from our content script in a web page top frame', () => {
    expect(senderAllowed('page', content, ID, ORIGIN)).toBe(true);
    expect(senderAllowed('load-adapters', content, ID, ORIGIN)).toBe(true);
    expect(senderAllowed('page', { ...content, id: 'other-extension' }, ID, ORIGIN)).toBe(false);
    expect(senderAllowed('page', { ...content, frameId: 3 }, ID, ORIGIN)).toBe(false);
    expect(senderAllowed('load-adapters', { ...content, frameId: 3 }, ID, ORIGIN)).toBe(false);
    expect(senderAllowed('page', { ...content, tab: undefined }, ID, ORIGIN)).toBe(false);
    // an extension page opened in a tab is not a content script
    expect(senderAllowed('page', { ...content, url: `${ORIGIN}popup/index.html` }, ID, ORIGIN)).toBe(false);
  });

  it('popup messages come from a page of this extension, never from a content script', () => {
    expect(senderAllowed('audit-tab', popup, ID, ORIGIN)).toBe(true);
    expect(senderAllowed('highlight', { ...popup, tab: { id: 9 } }, ID, ORIGIN)).toBe(true);
    expect(senderAllowed('audit-tab', content, ID, ORIGIN)).toBe(false);
    expect(senderAllowed('highlight', { ...popup, url: 'chrome-extension://other/popup.html' }, ID, ORIGIN)).toBe(false);
    expect(senderAllowed('run-audit', popup, ID, ORIGIN)).toBe(false);
  });
});
