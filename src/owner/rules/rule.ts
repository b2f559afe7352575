import type { Judgement } from '../../rules/rule';
import type { OwnerData, OwnerKind } from '../types';

/**
 * One owner-level signal over many posts. Like a page rule: one file per rule, id = file name,
 * thresholds as named constants with their reason, messages `rule_<id>_title|why|advice|detail`
 * (the page rules' key formula) in both _locales. Evidence selectors are URLs (post or comment).
 */
export interface OwnerRule {
  id: string;
  appliesTo: OwnerKind[];
  weight: number;
  judge(data: OwnerData, ctx: { now: number }): Judgement | null;
}

export { judged, NOT_APPLICABLE } from '../../rules/rule';
