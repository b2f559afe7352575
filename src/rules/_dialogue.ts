import type { CommentsState } from '../contract';

/**
 * How far a reader can answer on a page, by its comment section's state: shared by
 * comments-closed (the section itself) and share-without-dialogue (share buttons beside it), so the
 * two rules never rate the same section differently.
 */

/** Commenting works, but only with an account: a real hurdle, yet the door is open (warn). */
export const LOGIN_REQUIRED_SCORE = 0.6;
/**
 * No comment section and no closed notice found. News sites without comments look like this, but
 * so does a page whose comment embed loads only on scroll or click: the adapter saw nothing, it
 * did not see "closed". Absence of evidence is thin evidence, so a warn, never a fail.
 */
export const NO_SECTION_SCORE = 0.5;

export const DIALOGUE_SCORES: Readonly<Record<CommentsState, number>> = {
  open: 1,
  'login-required': LOGIN_REQUIRED_SCORE,
  // a closed notice ("Kommentare sind geschlossen.", `.no-comments`) is positive proof
  closed: 0,
  none: NO_SECTION_SCORE,
};
