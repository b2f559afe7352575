// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pageReport, table } from '../../scripts/lib/table.mjs';
import type { Audit } from '../../src/contract';

const messages = {
  rule_author_replies_detail: {
    message: 'The author answered $N$ of $TOTAL$',
    placeholders: { n: { content: '$1' }, total: { content: '$2' } },
  },
  rule_stale_title: { message: 'Recently active' },
};

const audit = {
  url: 'http://127.0.0.1/x.html',
  kind: 'article',
  platform: 'wordpress',
  score: 46,
  band: 'red',
  findings: [
    { rule: 'stale', verdict: 'pass', score: 1, weight: 1, evidence: [] },
    { rule: 'pingback-only', verdict: 'n/a', score: null, weight: 1, evidence: [] },
    { rule: 'author-replies', verdict: 'fail', score: 0, weight: 3, evidence: [], detail: [0, 5] },
  ],
} as unknown as Audit;

describe('npm start: headless report of a demo page', () => {
  it('prints score, band and findings by impact with English detail lines', () => {
    const text = pageReport('post.html', { audit, error: null }, messages, { kind: 'article', shows: 'unanswered readers' });
    expect(text).toContain('== post.html — unanswered readers');
    expect(text).toContain('score 46/100   band red   article · wordpress');
    const lines = text.split('\n').filter((l) => /^\s{3}[a-z-]+\s{2,}(pass|warn|fail|n\/a)/.test(l));
    expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual(['author-replies', 'stale', 'pingback-only']);
    expect(lines[0]).toMatch(/fail\s+0\s+The author answered 0 of 5$/);
    expect(lines[1]).toMatch(/Recently active$/);
    expect(lines[2]).toMatch(/n\/a\s+–/);
  });

  it('says "not enough signals" instead of a number when the score is null', () => {
    const text = pageReport('p.html', { audit: { ...audit, score: null, band: 'grey' }, error: null }, messages);
    expect(text).toContain('score – (not enough signals)   band grey');
  });

  it('never shows a score for a page without an audit, and flags an article that got none', () => {
    const shop = pageReport('shop.html', { audit: null, error: null }, messages, { kind: 'other', shows: 'shop' });
    expect(shop).toContain('no audit');
    expect(shop).not.toMatch(/score|expected/);
    const article = pageReport('post.html', { audit: null, error: null }, messages, { kind: 'article', shows: 'post' });
    expect(article).toMatch(/an audit was expected/);
  });

  it('reports a page that could not be loaded', () => {
    expect(pageReport('x.html', { audit: null, error: 'HTTP 404' }, messages)).toContain('could not audit: HTTP 404');
  });

  it('does not call a page without an answer "not an article": a timeout is no verdict', () => {
    const text = pageReport('shop.html', { audit: null, error: null, timedOut: true }, messages, {
      kind: 'other',
      shows: 'shop',
    });
    expect(text).toContain('no answer from the extension');
    expect(text).not.toMatch(/neither an article/);
  });

  it('pads columns and right-aligns where asked', () => {
    expect(
      table(
        [
          ['a', '1'],
          ['bbb', '22'],
        ],
        { align: ['l', 'r'] },
      ),
    ).toBe('a     1\nbbb  22');
  });
});
