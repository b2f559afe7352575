import type { CommentsState } from '../contract';
import { DIALOGUE_SCORES } from './_dialogue';
import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 000 #1: "Die Kommentarfunktion Ihres Blogs ist deaktiviert." The heaviest blog signal:
 * without a way to comment there is no dialogue on the page at all.
 */

// Scores per comment state (login wall 0.6, nothing seen 0.5, closed 0) with their reasons: _dialogue.ts.
export { LOGIN_REQUIRED_SCORE, NO_SECTION_SCORE } from './_dialogue';

const rule: Rule = {
  id: 'comments-closed',
  appliesTo: ['article'],
  // Heaviest weight with author-replies: the page's dialogue stands or falls with it.
  weight: 3,
  judge(model) {
    if (!model.article && !model.comments) return NOT_APPLICABLE;
    const section = model.comments;
    const state: CommentsState = section?.state ?? 'none';
    // a sampled thread carries its true count (the detail says "662 comments", not the sample's 300)
    const human = section?.counts?.comments ?? section?.comments?.filter((c) => c.kind === 'comment').length ?? 0;
    const evidence = [...(section?.evidence ?? [])];
    const form = section?.form?.evidence;
    // adapters often name the form as the section's evidence already: show it once
    if (form && !evidence.some((e) => e.selector === form.selector)) evidence.push(form);
    return judged(DIALOGUE_SCORES[state], evidence, [human]);
  },
};

export default rule;
