import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor, type Translate } from '../../src/background/badge';
import type { Finding } from '../../src/contract';
import { sampleAudit } from './setup';

const none: Translate = () => '';
const titles: Record<string, string> = {
  rule_comments_closed_title: 'Readers can comment',
  rule_comments_closed_problem: 'comments are closed',
  rule_author_replies_title: 'The author answers comments',
  rule_author_replies_problem: "the author doesn't answer comments",
  rule_stale_problem: 'no recent activity',
};
const en: Translate = (key, subs = []) =>
  key === 'badge_title_score_findings'
    ? `HowSocial ${subs[0]}/100 — ${subs[1]}`
    : key === 'badge_title_score'
      ? `HowSocial ${subs[0]}/100`
      : (titles[key] ?? '');

const f = (rule: string, verdict: Finding['verdict'], score: number | null, weight: number): Finding => ({
  rule,
  verdict,
  score,
  weight,
  evidence: [],
});

describe('badgeFor', () => {
  it('shows the score in its band colour and names what is wrong in the two costliest findings', () => {
    const audit = sampleAudit({
      score: 37,
      band: 'red',
      findings: [
        f('stale', 'warn', 0.6, 1),
        f('comments-closed', 'fail', 0, 3),
        f('author-replies', 'fail', 0.2, 2),
        f('x', 'pass', 1, 5),
      ],
    });
    expect(badgeFor(audit, 'number', en)).toEqual({
      text: '37',
      color: BADGE_COLORS.red,
      title: "HowSocial 37/100 — comments are closed, the author doesn't answer comments",
    });
  });

  it.each([
    [0, 'red', '#C5221F'],
    [49, 'red', '#C5221F'],
    [50, 'orange', '#B06000'],
    [89, 'orange', '#B06000'],
    [90, 'green', '#137333'],
    [100, 'green', '#137333'],
  ] as const)('score %i → %s badge %s', (score, band, color) => {
    const state = badgeFor(sampleAudit({ score, band, findings: [] }), 'number', en);
    expect(state.color).toBe(color);
    expect(state.text).toBe(String(score));
    expect(state.title).toBe(`HowSocial ${score}/100`);
  });

  it('shows a grey dash with "not enough signals" when an article has no score', () => {
    expect(badgeFor(sampleAudit({ score: null, band: 'grey' }), 'number', none)).toEqual({
      text: '–',
      color: BADGE_COLORS.grey,
      title: 'HowSocial — not enough signals',
    });
  });

  it('stays empty on pages that are neither articles nor profiles', () => {
    expect(badgeFor(sampleAudit({ kind: 'other', score: null, band: 'grey' }), 'number', none).text).toBe('');
    expect(badgeFor(null, 'number', none)).toEqual({ text: '', color: BADGE_COLORS.grey, title: 'HowSocial' });
  });

  it('dot style shows only a dot, in the band colour', () => {
    expect(badgeFor(sampleAudit({ score: 95, band: 'green' }), 'dot', en)).toMatchObject({
      text: '●',
      color: BADGE_COLORS.green,
    });
    expect(badgeFor(sampleAudit({ score: null, band: 'grey' }), 'dot', en)).toMatchObject({
      text: '●',
      color: BADGE_COLORS.grey,
    });
  });

  it('falls back to the rule id when a problem label is missing', () => {
    const state = badgeFor(sampleAudit({ findings: [f('new-rule', 'fail', 0, 3)] }), 'number', none);
    expect(state.title).toBe('HowSocial 37/100 — new-rule');
  });
});
