import type { Audit, Band } from '../contract';
import { messageKey } from '../contract/vocabulary';
import { getMessage } from '../i18n';
import { browser } from '../lib/browser-api';
import { byImpact } from '../score';

/**
 * Badge colours per band. Lighthouse's hues, darkened until white text on them reaches WCAG AA
 * (≥ 4.5:1) — the badge sits on light and dark toolbars alike, so the contrast has to come from
 * the badge itself, not from the toolbar behind it.
 */
export const BADGE_COLORS: Record<Band, string> = {
  red: '#C5221F',
  orange: '#B06000',
  green: '#137333',
  grey: '#5F6368',
};
export const BADGE_TEXT_COLOR = '#FFFFFF';

/** How many failing findings the tooltip names: two fit in one line of a native tooltip. */
export const TOOLTIP_FINDINGS = 2;

export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

/** chrome.i18n.getMessage's shape, injected so the mapping is testable without a browser. */
export type Translate = (key: string, subs?: string[]) => string;

export function badgeFor(audit: Audit | null, style: 'number' | 'dot', t: Translate): BadgeState {
  const plain = t('badge_title_plain') || 'HowSocial';
  if (!audit || audit.kind === 'other') return { text: '', color: BADGE_COLORS.grey, title: plain };
  if (audit.score === null) {
    return {
      text: style === 'dot' ? '●' : '–',
      color: BADGE_COLORS.grey,
      title: t('badge_title_no_signals') || 'HowSocial — not enough signals',
    };
  }
  const failing = byImpact(audit.findings)
    .filter((f) => f.verdict === 'fail' || f.verdict === 'warn')
    .slice(0, TOOLTIP_FINDINGS)
    // Titles name the healthy state ("Readers can comment"); the tooltip names what is wrong.
    .map((f) => t(messageKey(f.rule, 'problem')) || f.rule);
  const score = String(audit.score);
  const title = failing.length
    ? t('badge_title_score_findings', [score, failing.join(', ')]) || `HowSocial ${score}/100 — ${failing.join(', ')}`
    : t('badge_title_score', [score]) || `HowSocial ${score}/100`;
  return { text: style === 'dot' ? '●' : score, color: BADGE_COLORS[audit.band], title };
}

/** Apply a badge to one tab. Firefox and older Chromes differ in what they have: check first. */
export async function applyBadge(tabId: number, state: BadgeState): Promise<void> {
  const action = browser.action;
  try {
    await Promise.all([
      action.setBadgeText({ tabId, text: state.text }),
      action.setBadgeBackgroundColor({ tabId, color: state.color }),
      typeof action.setBadgeTextColor === 'function' ? action.setBadgeTextColor({ tabId, color: BADGE_TEXT_COLOR }) : null,
      action.setTitle({ tabId, title: state.title }),
    ]);
  } catch {
    // The tab closed between the audit and the badge: nothing to show it on.
  }
}

export function translate(key: string, subs?: string[]): string {
  try {
    return getMessage(key, subs);
  } catch {
    return '';
  }
}
