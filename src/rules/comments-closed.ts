import type { CommentsState } from '../model';
import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 000 #1: "Die Kommentarfunktion Ihres Blogs ist deaktiviert." The heaviest blog signal:
 * without a way to comment there is no dialogue on the page at all.
 */

/** Commenting works, but only with an account: a real hurdle, yet the door is open (warn). */
export const LOGIN_REQUIRED_SCORE = 0.6;
/**
 * No comment section and no closed notice found. News sites without comments look like this, but
 * so does a page whose comment embed loads only on scroll or click: the adapter saw nothing, it
 * did not see "closed". Absence of evidence is thin evidence, so a warn, never a fail.
 */
export const NO_SECTION_SCORE = 0.5;

const SCORES: Record<CommentsState, number> = {
  open: 1,
  'login-required': LOGIN_REQUIRED_SCORE,
  // a closed notice ("Kommentare sind geschlossen.", `.no-comments`) is positive proof
  closed: 0,
  none: NO_SECTION_SCORE,
};

const rule: Rule = {
  id: 'comments-closed',
  appliesTo: ['article'],
  // Heaviest weight with author-replies: the page's dialogue stands or falls with it.
  weight: 3,
  judge(model) {
    if (!model.article && !model.comments) return NOT_APPLICABLE;
    const section = model.comments;
    const state: CommentsState = section?.state ?? 'none';
    const human = section?.comments?.filter((c) => c.kind === 'comment').length ?? 0;
    const evidence = [...(section?.evidence ?? [])];
    const form = section?.form?.evidence;
    // adapters often name the form as the section's evidence already: show it once
    if (form && !evidence.some((e) => e.selector === form.selector)) evidence.push(form);
    return judged(SCORES[state], evidence, [human]);
  },
};

export default rule;
