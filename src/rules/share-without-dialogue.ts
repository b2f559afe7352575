import type { CommentsState } from '../model';
import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 001: share buttons everywhere ("Blogs, wo ich direkt retweeten oder teilen kann"), but
 * when one shares and recommends, "Nichts" comes back. Inviting readers to spread the message
 * while giving them no way to answer it is broadcasting with extra steps.
 */

/** Share buttons and a login wall: talking back is possible but costs an account (warn). */
export const LOGIN_REQUIRED_SCORE = 0.6;
/** Share buttons and no comment section seen: maybe an embed we did not see load (warn, not fail). */
export const NO_SECTION_SCORE = 0.5;

const SCORES: Record<CommentsState, number> = {
  open: 1,
  'login-required': LOGIN_REQUIRED_SCORE,
  closed: 0,
  none: NO_SECTION_SCORE,
};

const rule: Rule = {
  id: 'share-without-dialogue',
  appliesTo: ['article'],
  // Largely a consequence of comments-closed, which already weighs heavily: light.
  weight: 1,
  judge(model) {
    const buttons = model.article?.shareButtons ?? [];
    if (buttons.length === 0) return NOT_APPLICABLE;
    const state: CommentsState = model.comments?.state ?? 'none';
    const evidence = [...buttons.slice(0, 3), ...(state === 'open' ? [] : (model.comments?.evidence ?? []))];
    return judged(SCORES[state], evidence, [buttons.length]);
  },
};

export default rule;
