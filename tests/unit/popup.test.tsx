import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Chart } from '../../popup/components/Chart';
import { Gauge } from '../../popup/components/Gauge';
import { filterAndSort, type SiteSummary } from '../../popup/lib/history';
import { PageView } from '../../popup/views/PageView';
import { WhyView } from '../../popup/views/WhyView';
import { formatMessage, type Messages } from '../../src/i18n';
import type { Audit } from '../../src/contract';

const en = JSON.parse(readFileSync('_locales/en/messages.json', 'utf8')) as Messages;
const messages: Messages = {
  ...en,
  rule_comments_closed_title: { message: 'Comments are closed' },
  rule_comments_closed_why: { message: 'Readers cannot answer.' },
  rule_comments_closed_advice: { message: 'Open the comments.' },
  rule_author_replies_title: { message: 'The author answers' },
  rule_author_replies_detail: { message: '$A$ of $B$ answered', placeholders: { a: { content: '$1' }, b: { content: '$2' } } },
  rule_author_replies_why: { message: 'Dialogue needs answers.' },
  rule_author_replies_advice: { message: 'Answer your readers.' },
  rule_stale_title: { message: 'Stale' },
};

const XSS = '<img src=x onerror="globalThis.pwned=1">';
const audit: Audit = {
  url: 'https://blog.example/post/',
  site: 'blog.example',
  kind: 'article',
  platform: 'wordpress',
  score: 40,
  band: 'red',
  findings: [
    {
      rule: 'author-replies',
      verdict: 'warn',
      score: 0.5,
      weight: 2,
      evidence: [{ selector: '#comment-2', text: XSS }],
      detail: [1, 2],
    },
    { rule: 'stale', verdict: 'n/a', score: null, weight: 1, evidence: [] },
    {
      rule: 'comments-closed',
      verdict: 'fail',
      score: 1 / 3,
      weight: 3,
      evidence: [{ selector: '#respond', text: 'Comments are closed.' }],
    },
  ],
  facts: {} as Audit['facts'],
  time: Date.UTC(2026, 10, 22),
  rulesVersion: 1,
  fingerprints: [],
  sample: 2,
};

let root: HTMLElement;
const sendMessage = vi.fn(async () => ({ ok: true }));
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  const listeners = { addListener() {}, removeListener() {} };
  vi.stubGlobal('chrome', {
    i18n: { getMessage: (k: string, s?: string[]) => formatMessage(messages, k, s), getUILanguage: () => 'en' },
    runtime: { sendMessage },
    storage: { onChanged: listeners, local: { get: async () => ({}) }, session: { get: async () => ({}) } },
  });
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
  sendMessage.mockClear();
});

describe('popup page view', () => {
  it('shows score, kind, sample and findings sorted by impact, n/a apart', () => {
    render(<PageView audit={audit} tabId={7} />, root);
    expect(root.querySelector('[data-testid=score]')?.textContent).toBe('40');
    expect(root.querySelector('.gauge')?.getAttribute('aria-label')).toBe('Score 40 of 100, poor (0–49)');
    expect(root.textContent).toContain('Blog post · WordPress');
    expect(root.textContent).toContain('Based on 2 comments on this page');
    const rules = [...root.querySelectorAll('[data-testid=findings] > li')].map((li) => li.getAttribute('data-rule'));
    expect(rules).toEqual(['comments-closed', 'author-replies']);
    expect(root.querySelector('[data-rule=author-replies] .finding-detail')?.textContent).toContain('1 of 2 answered');
    expect(root.querySelector('.inapplicable')?.textContent).toContain('Stale');
  });

  it('says when a long thread or timeline was read in part, with both counts', () => {
    const facts = { ...audit.facts, comments: 3280, pingbacks: 20 };
    render(<PageView audit={{ ...audit, sample: 300, facts }} tabId={7} />, root);
    expect(root.querySelector('.sample')?.textContent).toBe(
      'Based on a sample of 300 of the 3,300 comments on this page, spread over the whole thread',
    );
    const timeline = { ...audit, kind: 'profile' as const, platform: 'x' as const, sample: 250 };
    render(<PageView audit={{ ...timeline, facts: { ...audit.facts, visiblePosts: 1290 } }} tabId={7} />, root);
    expect(root.querySelector('.sample')?.textContent).toBe('Based on the newest 250 of the 1,290 posts on this page');
    // nothing left out: the plain line
    render(<PageView audit={{ ...timeline, facts: { ...audit.facts, visiblePosts: 250 } }} tabId={7} />, root);
    expect(root.querySelector('.sample')?.textContent).toBe('Based on 250 posts on this page');
  });

  it('shows page text as text: an <img onerror> in a comment never becomes an element', () => {
    render(<PageView audit={audit} tabId={7} />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-selector="#comment-2"]')?.textContent).toBe(XSS);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('asks the background to highlight the evidence it was clicked on', () => {
    render(<PageView audit={audit} tabId={7} />, root);
    act(() => (root.querySelector('[data-selector="#comment-2"]') as HTMLButtonElement).click());
    expect(sendMessage).toHaveBeenCalledWith({ type: 'highlight', tabId: 7, selector: '#comment-2' });
    act(() => (root.querySelector('[data-rule=comments-closed] .finding-title') as HTMLButtonElement).click());
    expect(sendMessage).toHaveBeenLastCalledWith({ type: 'highlight', tabId: 7, selector: '#respond' });
  });

  it('expands why and advice with a link to the explanation page', () => {
    render(<PageView audit={audit} tabId={7} />, root);
    const more = root.querySelector('[data-rule=comments-closed] .more') as HTMLButtonElement;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    act(() => more.click());
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const box = root.querySelector('[data-rule=comments-closed] .finding-more');
    expect(box?.textContent).toContain('Readers cannot answer.');
    expect(box?.textContent).toContain('Open the comments.');
    expect(box?.querySelector('a')?.getAttribute('href')).toBe('learn.html?rule=comments-closed');
  });

  it('offers an audit when the tab has none, and says so plainly on other pages', () => {
    render(<PageView audit={null} tabId={7} />, root);
    expect(root.querySelector('[data-testid=audit-now]')?.textContent).toBe('Audit this page');
    act(() => (root.querySelector('[data-testid=audit-now]') as HTMLButtonElement).click());
    expect(sendMessage).toHaveBeenCalledWith({ type: 'audit-tab', tabId: 7 });
    render(<PageView audit={{ ...audit, kind: 'other', findings: [], score: null, band: 'grey' }} tabId={7} />, root);
    expect(root.querySelector('[data-testid=not-applicable]')?.textContent).toContain(
      'neither a blog post nor a social-media profile',
    );
  });
});

describe('why this score', () => {
  it('lists weight and points per applicable rule; the points add up to the score', () => {
    render(<WhyView audit={audit} />, root);
    const rows = [...root.querySelectorAll('[data-testid=why-table] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    // weights 3 and 2 of 5: 60 and 40 points possible; earned 60×⅓ = 20 and 40×½ = 20 → 40
    expect(rows).toEqual([
      ['3', '20 / 60'],
      ['2', '20 / 40'],
    ]);
    expect(root.querySelector('tfoot')?.textContent).toContain('40 / 100');
  });
});

describe('gauge and chart', () => {
  it('shows – without a score', () => {
    render(<Gauge score={null} band="grey" />, root);
    expect(root.textContent).toBe('–');
  });

  it('draws one point per scored audit, skipping audits without a score', () => {
    render(
      <Chart
        points={[
          { time: 1, score: 20 },
          { time: 2, score: null },
          { time: 3, score: 80 },
        ]}
      />,
      root,
    );
    expect(root.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(2);
    expect(root.querySelector('svg')?.getAttribute('aria-label')).toBe('Score over time: 2 audits, from 20 to 80');
  });
});

describe('history list', () => {
  const site = (name: string, score: number | null, lastVisit: number): SiteSummary => ({
    site: name,
    platform: 'wordpress',
    score,
    band: 'grey',
    lastVisit,
    audits: 1,
    points: [],
  });
  const sites = [site('b.example', 80, 3), site('a.example', null, 1), site('c.example', 20, 2)];
  it('searches and sorts, sites without a score last', () => {
    expect(filterAndSort(sites, '', 'recent').map((s) => s.site)).toEqual(['b.example', 'c.example', 'a.example']);
    expect(filterAndSort(sites, '', 'score-asc').map((s) => s.site)).toEqual(['c.example', 'b.example', 'a.example']);
    expect(filterAndSort(sites, '', 'score-desc').map((s) => s.site)).toEqual(['b.example', 'c.example', 'a.example']);
    expect(filterAndSort(sites, 'C.EX', 'site').map((s) => s.site)).toEqual(['c.example']);
  });
});

describe('tabs', () => {
  it('move with the arrow keys, Home and End, with one tab stop', async () => {
    const { Tabs } = await import('../../popup/components/Tabs');
    const { useState } = await import('preact/hooks');
    function Host() {
      const [current, setCurrent] = useState<'a' | 'b' | 'c'>('a');
      return (
        <Tabs
          tabs={[
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
            { id: 'c', label: 'C' },
          ]}
          current={current}
          onSelect={setCurrent}
          label="Views"
        >
          <p>{current}</p>
        </Tabs>
      );
    }
    render(<Host />, root);
    const list = root.querySelector('[role=tablist]') as HTMLElement;
    const selected = () => root.querySelector('[aria-selected=true]')?.id;
    const press = (key: string) =>
      act(() => {
        list.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      });
    press('ArrowRight');
    expect(selected()).toBe('tab-b');
    expect(root.querySelector('[role=tabpanel]')?.getAttribute('aria-labelledby')).toBe('tab-b');
    press('End');
    expect(selected()).toBe('tab-c');
    press('ArrowRight');
    expect(selected()).toBe('tab-a');
    press('ArrowLeft');
    expect(selected()).toBe('tab-c');
    expect([...root.querySelectorAll('[role=tab]')].map((b) => b.getAttribute('tabindex'))).toEqual(['-1', '-1', '0']);
  });
});
