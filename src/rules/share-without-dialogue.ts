import type { CommentsState } from '../contract';
import { DIALOGUE_SCORES } from './_dialogue';
import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 001: share buttons everywhere ("Blogs, wo ich direkt retweeten oder teilen kann"), but
 * when one shares and recommends, "Nichts" comes back. Inviting readers to spread the message
 * while giving them no way to answer it is broadcasting with extra steps.
 */

// Share buttons beside a login wall or no section seen: warn, as comments-closed rates them (_dialogue.ts).
export { LOGIN_REQUIRED_SCORE, NO_SECTION_SCORE } from './_dialogue';

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
    return judged(DIALOGUE_SCORES[state], evidence, [buttons.length]);
  },
};

export default rule;
