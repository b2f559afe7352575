import type { Evidence, FieldKind } from '../contract';
import { judged, NOT_APPLICABLE, type Rule } from './rule';

/**
 * Seed 000 #2: "Blogbeiträge kommentieren darf nur, wer die vielen Pflichtfelder ausfüllt";
 * seed 003 ends on "Pflichtfelder sind mit * markiert." Name and e-mail are WordPress's defaults
 * and accepted; everything beyond them, a login wall or a captcha is a hurdle before a reply.
 */

/** Each required field beyond name, e-mail and the comment: two of them make a warn, three a fail. */
export const EXTRA_FIELD_PENALTY = 0.25;
/** A captcha is an extra task that some people fail; alone it makes a warn, not a fail. */
export const CAPTCHA_PENALTY = 0.3;
/**
 * A required privacy-consent box is what many German blogs add for the GDPR (DSGVO): one click,
 * legally motivated, so alone it stays a pass.
 */
export const CONSENT_PENALTY = 0.1;
/** Commenting only with an account on the site: most passing readers give up here (fail). */
export const LOGIN_ONLY_SCORE = 0.3;

/** Kinds a comment form may require without friction; newsletter boxes are newsletter-coupling's. */
const ACCEPTED: ReadonlySet<FieldKind> = new Set(['name', 'email', 'comment', 'newsletter']);

const rule: Rule = {
  id: 'comment-form-friction',
  appliesTo: ['article'],
  // A hurdle, not a wall: lighter than comments-closed.
  weight: 2,
  judge(model) {
    const section = model.comments;
    if (!section) return NOT_APPLICABLE;
    if (section.state === 'login-required') {
      const evidence = section.form ? [section.form.evidence] : section.evidence;
      return judged(LOGIN_ONLY_SCORE, evidence, [1]);
    }
    // closed/none: comments-closed speaks; an iframe form (Disqus, Jetpack): we can't see its fields
    if (section.state !== 'open' || !section.form) return NOT_APPLICABLE;
    const form = section.form;
    const evidence: Evidence[] = [];
    let score = 1;
    let hurdles = 0;
    for (const f of form.fields) {
      if (!f.required || ACCEPTED.has(f.kind) || f.kind === 'captcha') continue;
      if (f.kind === 'consent') {
        score -= CONSENT_PENALTY;
      } else {
        score -= EXTRA_FIELD_PENALTY;
        hurdles++;
      }
      evidence.push(f.evidence);
    }
    const captchaField = form.fields.find((f) => f.kind === 'captcha');
    if (form.captcha || captchaField) {
      score -= CAPTCHA_PENALTY;
      hurdles++;
      evidence.push(captchaField?.evidence ?? form.evidence);
    }
    if (evidence.length === 0) evidence.push(form.evidence);
    return judged(score, evidence, [hurdles]);
  },
};

export default rule;
