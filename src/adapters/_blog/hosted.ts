import { evidenceOf } from '../dom';
import type { CommentSection } from '../../contract';

/**
 * Hosted platforms whose comments are an app of their own, loaded after the page and only for
 * signed-in readers: Ghost's comments-ui (members only, sometimes paid members only), Medium
 * responses and Substack comments (account needed). The thread is not in the DOM: comments null.
 */
export function membersOnly(el: Element | null, what: string): CommentSection | null {
  if (!el) return null;
  return { system: 'native', state: 'login-required', form: null, comments: null, evidence: [evidenceOf(el, what)] };
}
