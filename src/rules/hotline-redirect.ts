import type { SocialPost } from '../contract';
import { judged, NOT_APPLICABLE, type Rule } from './rule';
import { countryOf, type Country, premiumLabel, RATE_WORDING } from './text/premium';
import { isOwn } from './_social';

/** Phone-number-like runs in a reply; the number plans themselves live in src/lib/text/premium.ts. */
const NUMBER = /(?:\+|00)?\d[\d\s/().-]{5,}\d/g;
/** Sending the asker to the phone: German and English wording. */
const HOTLINE =
  /hotline|call (us|our|the)\b|give us a (call|ring)|phone (us|our)|rufen sie (uns|unsere?|die|bitte)|ruf(e|t)? uns an|telefonisch (unter|erreichbar)|unter der (nummer|rufnummer|telefonnummer)|kundenservice unter|kundendienst unter|servicenummer|service-?nummer/i;
const PHONE = /(?:\+|00)?\d[\d\s/().-]{6,}\d/;

/** Half of the owner's replies pointing to the phone: the channel is used to get rid of people. */
export const FAIL_SHARE = 0.5;
/** Two such replies at least before calling it a pattern. */
export const FAIL_MIN = 2;

/**
 * A premium-rate number (the shared, sourced number plans of the blog rule paid-hotline) or a
 * per-minute price ("1,99 €/Min.") in the text. National forms that are premium in only one
 * country (DE 0180…) count only when the page's country is known.
 */
export function isPremium(text: string, country?: Country): boolean {
  for (const m of text.matchAll(NUMBER)) if (premiumLabel(m[0].replace(/[^\d+]/g, ''), country)) return true;
  return RATE_WORDING.test(text);
}

export function isHotlineRedirect(post: SocialPost): boolean {
  return HOTLINE.test(post.text) || (PHONE.test(post.text) && /\b(anrufen|rufen|call|telefon\w*|phone)\b/i.test(post.text));
}

const rule: Rule = {
  id: 'hotline-redirect',
  appliesTo: ['profile', 'post'],
  weight: 2,
  judge(model) {
    const s = model.social;
    if (!s) return NOT_APPLICABLE;
    const all = s.mainPost ? [s.mainPost, ...s.posts] : s.posts;
    const owner = s.handle ?? s.mainPost?.author;
    const replies = all.filter((p) => p.isReply && !p.isPromoted && isOwn(p, owner));
    if (replies.length === 0) return NOT_APPLICABLE;
    const redirects = replies.filter(isHotlineRedirect);
    const country = countryOf(model.url, model.lang);
    const premium = redirects.filter((p) => isPremium(p.text, country));
    const share = redirects.length / replies.length;
    // A paid number in an answer to a question is the seed's point 9 exactly: one is enough.
    const score =
      premium.length > 0 ? 0.1 : redirects.length >= FAIL_MIN && share >= FAIL_SHARE ? 0.3 : redirects.length > 0 ? 0.7 : 1;
    return judged(
      score,
      (premium.length ? premium : redirects).slice(0, 5).map((p) => p.evidence),
      [redirects.length, replies.length, premium.length],
    );
  },
};

export default rule;
